/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet (no I, O, S, V, Z);
 * 1 登记管理部门, 2 机构类别, 3–8 行政区划, 9–17 组织机构代码 (GB 11714, with its own check
 * character), 18 the check character over the first 17.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]);
    if (v < 0) throw new Error(`invalid character ${first17[i]}`);
    sum += v * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * The code as stored: licences print it in groups (\`91 110000 600037341L\`, with dashes or a
 * full-width space) and people type full-width or lower-case letters; none of that is part of it.
 */
export function normalizeUscc(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\-\u2010-\u2015\u2212\u30FC]/gu, '')
    .toUpperCase();
}

export type UsccProblem = 'length' | 'characters' | 'check_digit';

/** Why a code is not a valid USCC, or null when it is (upper-case it first). */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'length';
  if (!SHAPE.test(code)) return 'characters';
  return usccCheckChar(code.slice(0, 17)) === code[17] ? null : 'check_digit';
}

export const isValidUscc = (code: string) => usccProblem(code) === null;

/** GB 11714 organisation-code check character over 8 characters (used to build realistic codes). */
function orgCheckChar(body8: string): string {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ALPHABET.indexOf(body8[i]) * w[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** A valid, deterministic USCC for demo and test data: 91 (company) + region + a number. */
export function makeUscc(regionCode: string, n: number): string {
  const body8 = String(n % 1e8).padStart(8, '0');
  const first17 = `91${regionCode}${body8}${orgCheckChar(body8)}`;
  return first17 + usccCheckChar(first17);
}
