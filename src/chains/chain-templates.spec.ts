import { industries } from '../reference/industries.js';
import { CHAIN_TEMPLATES, chainTemplate } from './chain-templates.js';

describe('chain templates', () => {
  it('ships the seven chains the issue names', () => {
    expect(CHAIN_TEMPLATES.map((t) => t.name)).toEqual(
      expect.arrayContaining(['汽车及零部件', '食品加工/肉制品', '茶叶全产业链', '肉牛全产业链', '新材料/耐火材料', '跨境电商', '中药材']),
    );
    expect(new Set(CHAIN_TEMPLATES.map((t) => t.key)).size).toBe(CHAIN_TEMPLATES.length);
    expect(chainTemplate('tea')?.name).toBe('茶叶全产业链');
  });

  it('uses only GB/T 4754 codes that exist in the platform industry table', () => {
    const table = industries();
    const missing = CHAIN_TEMPLATES.flatMap((t) =>
      t.segments.flatMap((s) => s.industryCodes.filter((c) => !table.has(c)).map((c) => `${t.key}/${s.name}/${c}`)),
    );
    expect(missing).toEqual([]);
  });

  it('has distinct, non-empty segments in each chain', () => {
    for (const t of CHAIN_TEMPLATES) {
      expect(t.segments.length).toBeGreaterThanOrEqual(5);
      expect(new Set(t.segments.map((s) => s.name)).size).toBe(t.segments.length);
      for (const s of t.segments) expect(s.industryCodes.length).toBeGreaterThan(0);
    }
  });
});
