import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// GB/T 4754-2017 industry table: structural checks on the project's own table, and a
// row-by-row comparison with an independently kept reference copy (see data/INDUSTRIES.md).

const here = path.dirname(fileURLToPath(import.meta.url));
const PROJECT_TABLE = path.join(here, 'data', 'industries.csv');
const REFERENCE_TABLE = path.join(here, '..', '..', 'test', 'fixtures', 'gbt4754-2017.reference.csv');

interface IndustryRow {
  code: string;
  name: string;
  level: number;
  parent: string;
}

// Names use the full-width 、 and never an ASCII comma or quote, so a plain split is enough;
// the field-count check below fails loudly if that ever stops being true.
function readTable(file: string): IndustryRow[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const [header, ...body] = lines;
  if (header !== 'code,name,level,parent') throw new Error(`${file}: unexpected header "${header}"`);
  return body.map((line, index) => {
    const fields = line.split(',');
    if (fields.length !== 4 || line.includes('"')) {
      throw new Error(`${file}:${index + 2}: expected 4 unquoted fields, got "${line}"`);
    }
    const [code, name, level, parent] = fields;
    return { code, name, level: Number(level), parent };
  });
}

// Which 大类 (two-digit division) numbers belong to each 门类 (section).
const DIVISION_RANGES: Record<string, [number, number]> = {
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
};

const rowKey = (row: IndustryRow) => `${row.code},${row.name},${row.level},${row.parent}`;

describe('GB/T 4754-2017 industry table (src/reference/data/industries.csv)', () => {
  const rows = readTable(PROJECT_TABLE);
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const childCount = new Map<string, number>();
  for (const row of rows) {
    if (row.parent) childCount.set(row.parent, (childCount.get(row.parent) ?? 0) + 1);
  }

  it('has 20 sections, 97 divisions, 473 groups and 1381 classes', () => {
    const counts = [1, 2, 3, 4].map((level) => rows.filter((row) => row.level === level).length);
    expect(counts).toEqual([20, 97, 473, 1381]);
    expect(rows).toHaveLength(1971);
  });

  it('has unique codes of the form letter + 0, 2, 3 or 4 digits matching the level', () => {
    expect(byCode.size).toBe(rows.length);
    const malformed = rows.filter(
      (row) => !/^[A-T](\d{2,4})?$/.test(row.code) || row.code.length !== (row.level === 1 ? 1 : row.level + 1),
    );
    expect(malformed).toEqual([]);
  });

  it('links every row to an existing parent one level up whose code is a prefix of its own', () => {
    const broken = rows.filter((row) => {
      if (row.level === 1) return row.parent !== '';
      const parent = byCode.get(row.parent);
      return !parent || parent.level !== row.level - 1 || !row.code.startsWith(parent.code);
    });
    expect(broken).toEqual([]);
  });

  it('gives every section, division and group at least one child', () => {
    const childless = rows.filter((row) => row.level < 4 && !childCount.has(row.code)).map((row) => row.code);
    expect(childless).toEqual([]);
  });

  it('places divisions 01-97 once each, under the section the standard assigns them to', () => {
    const divisions = rows.filter((row) => row.level === 2);
    expect(divisions.map((row) => Number(row.code.slice(1)))).toEqual(Array.from({ length: 97 }, (_, i) => i + 1));
    const misplaced = divisions.filter((row) => {
      const [from, to] = DIVISION_RANGES[row.parent];
      const number = Number(row.code.slice(1));
      return number < from || number > to;
    });
    expect(misplaced).toEqual([]);
    expect(Object.keys(DIVISION_RANGES)).toEqual(rows.filter((row) => row.level === 1).map((row) => row.code));
  });

  it('names each single-class group like its only class, coded xxx0, and uses xxx0 nowhere else', () => {
    const groups = rows.filter((row) => row.level === 3);
    const singleClassGroups = groups.filter((group) => childCount.get(group.code) === 1);
    expect(singleClassGroups).toHaveLength(199);
    const badSingles = singleClassGroups.filter((group) => {
      const only = byCode.get(`${group.code}0`);
      return !only || only.parent !== group.code || only.name !== group.name;
    });
    expect(badSingles).toEqual([]);
    const strayZeroClasses = rows.filter((row) => row.level === 4 && row.code.endsWith('0') && childCount.get(row.parent) !== 1);
    expect(strayZeroClasses).toEqual([]);
  });

  it('keeps names trimmed and uses full-width brackets', () => {
    const untidy = rows.filter((row) => row.name !== row.name.trim() || /[()]/.test(row.name) || row.name === '');
    expect(untidy).toEqual([]);
  });

  it('lists rows depth-first in code order', () => {
    const codes = rows.map((row) => row.code);
    expect(codes).toEqual([...codes].sort());
  });

  it('equals the independently kept reference copy row by row', () => {
    const reference = readTable(REFERENCE_TABLE);
    const referenceByCode = new Map(reference.map((row) => [row.code, row]));
    const differences: string[] = [];
    for (const row of rows) {
      const expected = referenceByCode.get(row.code);
      if (!expected) differences.push(`only in project table: ${rowKey(row)}`);
      else if (rowKey(row) !== rowKey(expected)) {
        differences.push(`differs: project ${rowKey(row)} / reference ${rowKey(expected)}`);
      }
    }
    for (const row of reference) {
      if (!byCode.has(row.code)) differences.push(`only in reference: ${rowKey(row)}`);
    }
    if (differences.length === 0) {
      reference.forEach((row, index) => {
        if (rows[index].code !== row.code) {
          differences.push(`order differs at row ${index + 2}: project ${rows[index].code} / reference ${row.code}`);
        }
      });
    }
    expect(differences).toEqual([]);
  });
});
