import { codeChip, pickerModel, pickFrom, resolvePick } from './tree-picker.js';

describe('cascading tree pickers', () => {
  it('resolves the deepest consistent level', () => {
    expect(resolvePick('regions', ['410000', '410200', '410223'])).toBe('410223');
    expect(resolvePick('regions', ['410000', '410200', ''])).toBe('410200');
    expect(resolvePick('regions', ['410000'])).toBe('410000');
    expect(resolvePick('regions', [])).toBe('');
    // a city left over from another province is ignored
    expect(resolvePick('regions', ['410000', '110100'])).toBe('410000');
    expect(resolvePick('regions', ['999999'])).toBe('');
    expect(resolvePick('industries', ['c', 'C13', 'C135', 'C1351'])).toBe('C1351');
  });

  it('reads levelled fields, falling back to a plain code', () => {
    expect(pickFrom('regions', 'region', { region1: '410000', region2: '410200' })).toBe('410200');
    expect(pickFrom('regions', 'region', { region: '410223' })).toBe('410223');
    expect(pickFrom('regions', 'region', { region: 'nope' })).toBe('');
    expect(pickFrom('industries', 'ind', { ind1: ['C'], ind2: 'C13' })).toBe('C13');
  });

  it('builds the selects: options of each chosen level, the next level to choose, nothing deeper', () => {
    const m = pickerModel('regions', 'region', '410200', '地区');
    expect(m.levels.map((l) => [l.field, l.selected, l.options.length > 0])).toEqual([
      ['region1', '410000', true],
      ['region2', '410200', true],
      ['region3', '', true],
    ]);
    expect(m.levels[2].options.map((o) => o.code)).toContain('410223');
    expect(m.valueName).toBe('河南省开封市');
    const empty = pickerModel('industries', 'ind', '', '行业');
    expect(empty.levels).toHaveLength(4);
    expect(empty.levels[0].options.length).toBe(20);
    expect(empty.levels.slice(1).every((l) => l.options.length === 0)).toBe(true);
    // 市辖区 reads with its city's name
    const bj = pickerModel('regions', 'r', '110000', '地区');
    expect(bj.levels[1].options[0].name).toBe('市辖区（北京市）');
  });

  it('names chosen codes for chips', () => {
    expect(codeChip('regions', '410223')).toEqual({ code: '410223', name: '河南省开封市尉氏县' });
    expect(codeChip('industries', 'C13')).toEqual({ code: 'C13', name: 'C13 农副食品加工业' });
  });
});
