import { formatMu, formatYuan, formatYuanRange, shanghaiDate, shanghaiDateTime } from './units.js';

describe('display units', () => {
  it('shows money in 元/万元/亿元 without float noise', () => {
    expect(formatYuan(800)).toBe('800 元');
    expect(formatYuan(125_000)).toBe('12.5 万元');
    expect(formatYuan(50_000_000)).toBe('5000 万元');
    expect(formatYuan(1_254_0000_0000)).toBe('1254 亿元');
    expect(formatYuan(null)).toBe('—');
  });
  it('shows ranges compactly', () => {
    expect(formatYuanRange(1e8, 5e8)).toBe('1–5 亿元');
    expect(formatYuanRange(5e7, 2e8)).toBe('5000 万元–2 亿元');
    expect(formatYuanRange(5e7, null)).toBe('5000 万元以上');
    expect(formatYuanRange(null, null)).toBe('未填写');
  });
  it('shows land in 亩 and dates in Asia/Shanghai', () => {
    expect(formatMu(12.5)).toBe('12.5 亩');
    expect(shanghaiDate('2026-01-04T17:00:00Z')).toBe('2026-01-05');
    expect(shanghaiDateTime('2026-01-04T17:30:00Z')).toBe('2026-01-05 01:30');
  });
});
