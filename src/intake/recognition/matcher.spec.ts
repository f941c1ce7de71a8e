import { Dictionary } from './matcher.js';

describe('Dictionary', () => {
  it('finds the leftmost, then longest pattern, without overlaps, with offsets', () => {
    const d = new Dictionary(['尉氏', '尉氏县', '开封市', '县'].map((pattern) => ({ pattern, data: pattern.length })));
    const text = '开封市尉氏县和尉氏';
    expect([...d.matches(text)].map((m) => [m.pattern, m.start, m.end, m.data])).toEqual([
      ['开封市', 0, 3, 3],
      ['尉氏县', 3, 6, 3],
      ['尉氏', 7, 9, 2],
    ]);
  });

  it('matches nothing in an empty text or with no patterns', () => {
    expect([...new Dictionary([{ pattern: '郑州', data: 1 }]).matches('')]).toEqual([]);
    expect([...new Dictionary<number>([]).matches('郑州')]).toEqual([]);
  });
});
