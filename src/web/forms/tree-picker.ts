import { industries, INDUSTRY_LEVELS } from '../../reference/industries.js';
import { regions, REGION_LEVELS } from '../../reference/regions.js';
import type { CodeTree } from '../../reference/tree.js';

/**
 * Cascading pickers over the national trees (GB/T 2260 regions: 省 › 市 › 县; GB/T 4754
 * industries: 门类 › 大类 › 中类 › 小类), rendered server-side so they work without JavaScript:
 * one <select> per level, named `<name>1`, `<name>2`, …; the next level's options are those of the
 * chosen parent. /assets/app.js fills the next level on change (from /regions, /industries).
 */
export type TreeKind = 'regions' | 'industries';

export interface PickerOption {
  code: string;
  name: string;
}

export interface PickerLevel {
  /** Form field name: `${name}${level}`. */
  field: string;
  level: number;
  label: string;
  options: PickerOption[];
  selected: string;
}

export interface PickerModel {
  name: string;
  tree: TreeKind;
  label: string;
  levels: PickerLevel[];
  /** The deepest chosen code, or ''. */
  value: string;
  valueName: string;
}

export const treeOf = (kind: TreeKind): CodeTree => (kind === 'regions' ? regions() : industries());
const levelLabels = (kind: TreeKind): Record<number, string> => (kind === 'regions' ? REGION_LEVELS : INDUSTRY_LEVELS);
export const depthOf = (kind: TreeKind) => (kind === 'regions' ? 3 : 4);

function optionName(kind: TreeKind, code: string, name: string): string {
  if (kind === 'industries') return `${code} ${name}`;
  // 市辖区 and the like read badly on their own
  return regions().displayName(code) === name ? name : `${name}（${regions().displayName(code)}）`;
}

/**
 * The code a levelled pick stands for: the deepest level whose value is a child of the level above
 * (a stale lower level left over from a different parent is ignored). '' when nothing is chosen.
 */
export function resolvePick(kind: TreeKind, values: readonly string[]): string {
  const tree = treeOf(kind);
  let parent: string | null = null;
  let chosen = '';
  for (const raw of values) {
    const v = (raw ?? '').trim().toUpperCase();
    if (!v) break;
    const node = tree.get(v);
    if (!node || node.parent !== parent) break;
    chosen = v;
    parent = v;
  }
  return chosen;
}

/** Reads `${name}1…n` from a form or query, else falls back to a plain `${name}` code. */
export function pickFrom(kind: TreeKind, name: string, source: Record<string, unknown>): string {
  const first = (v: unknown) => (Array.isArray(v) ? String(v[0] ?? '') : typeof v === 'string' ? v : '');
  const levels = Array.from({ length: depthOf(kind) }, (_, i) => first(source[`${name}${i + 1}`]));
  const picked = resolvePick(kind, levels);
  if (picked) return picked;
  const plain = first(source[name]).trim().toUpperCase();
  return plain && treeOf(kind).has(plain) ? plain : '';
}

/** The selects for a picker showing `code` (or nothing chosen). */
export function pickerModel(kind: TreeKind, name: string, code: string | null | undefined, label: string): PickerModel {
  const tree = treeOf(kind);
  const labels = levelLabels(kind);
  const path = code && tree.has(code) ? [...tree.path(code)] : [];
  const levels: PickerLevel[] = [];
  let parent: string | null = null;
  for (let level = 1; level <= depthOf(kind); level++) {
    const options = (parent === null && level > 1 ? [] : tree.children(parent)).map((n) => ({
      code: n.code,
      name: optionName(kind, n.code, n.name),
    }));
    const selected = path[level - 1] ?? '';
    levels.push({ field: `${name}${level}`, level, label: labels[level as keyof typeof labels], options, selected });
    parent = selected || null;
    if (!selected) {
      // deeper levels stay empty until this one is chosen
      for (let l = level + 1; l <= depthOf(kind); l++)
        levels.push({ field: `${name}${l}`, level: l, label: labels[l as keyof typeof labels], options: [], selected: '' });
      break;
    }
  }
  const value = path.at(-1) ?? '';
  const valueName = value ? (kind === 'regions' ? regions().fullName(value) : `${value} ${tree.get(value)?.name ?? ''}`) : '';
  return { name, tree: kind, label, levels, value, valueName };
}

/** A chosen code with its readable name, for chips and lists. */
export function codeChip(kind: TreeKind, code: string): PickerOption {
  const tree = treeOf(kind);
  return { code, name: kind === 'regions' ? regions().fullName(code) || code : `${code} ${tree.get(code)?.name ?? ''}`.trim() };
}
