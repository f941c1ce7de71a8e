import type { ProjectStage } from '../../projects/project.vocabulary.js';
import { FACTORS, type Factor } from './config.js';

/**
 * The stored form of a match's explanation (`match.verdict`, bytea): what each factor found, as
 * small integers and codes — never the Chinese text. Reading a match renders the text from it
 * through the very functions that explain a fresh score (`ProjectProfile.revive` → `explain`), so
 * a stored match reads word for word as it did when computed (a test holds them equal), while a
 * row costs tens of bytes instead of a kilobyte of breakdown and reasons.
 *
 * What is stored is what a reason *names*; the names themselves are looked up when read: codes in
 * the reference trees, incentive titles and the project's and enterprise's facts (amounts, target
 * regions, certifications) from their current rows. Every change to those rows re-matches the
 * pairs it touches (their fingerprint changes), so stored and current facts differ only while
 * that re-match is under way.
 *
 * Layout, version 1 (integers are unsigned LEB128 varints, so small values take one byte):
 *   version · n (factors stored) · fit × 100 per factor, in FACTORS order · one section per stored factor, in FACTORS order:
 *     industry    kind (IK in score.ts) · code e · code p · code ca          (codes: see writeCode)
 *     region      kind (RK in score.ts) · region code as a number (0: none)
 *     investment  —  (the fit picks the wording; the amounts are the project's total and the enterprise's range)
 *     incentives  incentives attached · id of the first one not met (0: none)   (eligible / needs-info ids: their own columns)
 *     text        n · n × (length · UTF-16 code units, 2 bytes each)   the shared words shown (showShared's pick)
 *     stage       index in STAGES
 *     chain       kind (CK in score.ts) · segment id (0: none) · code e (the enterprise's code inside the segment)
 *
 * To add a factor (say `chain`): append it to FACTORS (never reorder: positions are stored), add
 * its section to SECTIONS below (what its reason names, as codes) and its renderer in score.ts.
 * Rows written before it decode with that factor absent (n < FACTORS.length): `revive` gives it
 * fit 0 and a placeholder reason, and — since the weights are in every fingerprint — the next
 * re-match rewrites them. A new reason code inside a factor is a new `kind` value: append to the
 * enum, never renumber. An incompatible layout bumps VERSION; `decodeVerdict` refuses versions it
 * does not know, and such rows render by scoring afresh (as rows migrated without a verdict do).
 */
export const VERDICT_VERSION = 1;

/** Stored stage indexes (append only). */
const STAGES: readonly ProjectStage[] = ['planning', 'open', 'signed', 'started', 'producing', 'closed'];

export interface IndustrySection {
  kind: number;
  e: string;
  p: string;
  ca: string | null;
}
export interface RegionSection {
  kind: number;
  at: string;
}
export interface IncentivesSection {
  attached: number;
  /** the incentive whose first unmet condition the reason quotes (0: none) */
  unmet: number;
}

export interface ChainSection {
  kind: number;
  /** chain_segment id (names are read from the chains module's current facts) */
  segment: number;
  e: string;
}

export interface Sections {
  industry: IndustrySection;
  region: RegionSection;
  investment: null;
  incentives: IncentivesSection;
  text: readonly string[];
  stage: ProjectStage;
  chain: ChainSection;
}

export interface Verdict {
  /** fit × 100 per factor, FACTORS order; shorter than FACTORS for rows written before a factor was added */
  fits: number[];
  sections: Partial<Sections>;
}

class ByteWriter {
  private buf = new Uint8Array(256);
  length = 0;
  private room(n: number) {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  uint(v: number) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`not a stored integer: ${v}`);
    this.room(8);
    while (v >= 0x80) {
      this.buf[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.length++] = v;
  }
  u16(v: number) {
    this.room(2);
    this.buf[this.length++] = v & 0xff;
    this.buf[this.length++] = v >>> 8;
  }
  bytes(b: Uint8Array) {
    this.uint(b.length);
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  reset() {
    this.length = 0;
  }
  take(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.length));
  }
}

class ByteReader {
  private at = 0;
  constructor(private readonly buf: Uint8Array) {}
  uint(): number {
    let v = 0;
    let scale = 1;
    for (;;) {
      if (this.at >= this.buf.length) throw new Error('verdict truncated');
      const b = this.buf[this.at++];
      v += (b & 0x7f) * scale;
      if (b < 0x80) return v;
      scale *= 0x80;
    }
  }
  u16(): number {
    if (this.at + 2 > this.buf.length) throw new Error('verdict truncated');
    const v = this.buf[this.at] | (this.buf[this.at + 1] << 8);
    this.at += 2;
    return v;
  }
  bytes(): Uint8Array {
    const n = this.uint();
    if (this.at + n > this.buf.length) throw new Error('verdict truncated');
    const out = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * A GB/T 4754 code (section letter + 0, 2, 3 or 4 digits) packed into one varint of ≤ 3 bytes:
 * 0 = none; even = (Number('1' + digits) × 26 + letter) × 2 + 2; odd = any other string, its
 * UTF-8 length × 2 + 1 followed by its bytes.
 */
function writeCode(w: ByteWriter, code: string | null) {
  if (!code) return w.uint(0);
  const m = /^([A-Z])(\d{2,4})?$/.exec(code);
  if (m) return w.uint(((m[2] ? Number(`1${m[2]}`) : 0) * 26 + LETTERS.indexOf(m[1])) * 2 + 2);
  const b = utf8.encode(code);
  w.uint(b.length * 2 + 1);
  w.bytes(b);
}
function readCode(r: ByteReader): string {
  const v = r.uint();
  if (v === 0) return '';
  if (v % 2 === 1) return fromUtf8.decode(r.bytes());
  const packed = (v - 2) / 2;
  const digits = Math.floor(packed / 26);
  return LETTERS[packed % 26] + (digits ? String(digits).slice(1) : '');
}

/** Each factor's section: what its reason names (see the layout above). */
const SECTIONS: { [F in Factor]: { write(w: ByteWriter, s: Sections[F]): void; read(r: ByteReader): Sections[F] } } = {
  industry: {
    write(w, s) {
      w.uint(s.kind);
      writeCode(w, s.e);
      writeCode(w, s.p);
      writeCode(w, s.ca);
    },
    read(r) {
      const kind = r.uint();
      const e = readCode(r);
      const p = readCode(r);
      const ca = readCode(r);
      return { kind, e, p, ca: ca || null };
    },
  },
  region: {
    write(w, s) {
      w.uint(s.kind);
      w.uint(/^\d{6}$/.test(s.at) ? Number(s.at) : 0);
    },
    read(r) {
      const kind = r.uint();
      const at = r.uint();
      return { kind, at: at ? String(at).padStart(6, '0') : '' };
    },
  },
  investment: {
    write() {},
    read: () => null,
  },
  incentives: {
    write(w, s) {
      w.uint(s.attached);
      w.uint(s.unmet);
    },
    read: (r) => ({ attached: r.uint(), unmet: r.uint() }),
  },
  text: {
    // UTF-16 code units, two bytes each: Chinese words take 2 bytes a character instead of UTF-8's 3
    write(w, words) {
      w.uint(words.length);
      for (const x of words) {
        w.uint(x.length);
        for (let i = 0; i < x.length; i++) w.u16(x.charCodeAt(i));
      }
    },
    read(r) {
      const n = r.uint();
      const out: string[] = [];
      for (let i = 0; i < n; i++) {
        const len = r.uint();
        let word = '';
        for (let k = 0; k < len; k++) word += String.fromCharCode(r.u16());
        out.push(word);
      }
      return out;
    },
  },
  stage: {
    write(w, s) {
      w.uint(Math.max(0, STAGES.indexOf(s)));
    },
    read: (r) => STAGES[r.uint()] ?? 'open',
  },
  chain: {
    write(w, s) {
      w.uint(s.kind);
      w.uint(s.segment);
      writeCode(w, s.e);
    },
    read(r) {
      const kind = r.uint();
      const segment = r.uint();
      return { kind, segment, e: readCode(r) };
    },
  },
};

const writer = new ByteWriter();

/** Encodes a verdict (every factor's section must be present). */
export function encodeVerdict(v: { fits: readonly number[]; sections: Sections }): Buffer {
  const w = writer;
  w.reset();
  w.uint(VERDICT_VERSION);
  w.uint(FACTORS.length);
  for (let i = 0; i < FACTORS.length; i++) w.uint(Math.round(v.fits[i] * 100));
  for (const f of FACTORS) (SECTIONS[f].write as (w: ByteWriter, s: unknown) => void)(w, v.sections[f]);
  return w.take();
}

/** Decodes a stored verdict; null for a layout this version does not know. */
export function decodeVerdict(buf: Uint8Array): Verdict | null {
  const r = new ByteReader(buf);
  if (r.uint() !== VERDICT_VERSION) return null;
  const stored = r.uint();
  const n = Math.min(stored, FACTORS.length);
  const fits: number[] = [];
  for (let i = 0; i < stored; i++) {
    const fit = r.uint() / 100;
    if (i < n) fits.push(fit);
  }
  const sections: Partial<Record<Factor, unknown>> = {};
  for (let i = 0; i < n; i++) sections[FACTORS[i]] = SECTIONS[FACTORS[i]].read(r);
  return { fits, sections: sections as Partial<Sections> };
}
