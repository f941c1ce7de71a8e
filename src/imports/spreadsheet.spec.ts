import { parseWanYuan } from './columns.js';
import { readCsv, wanYuan } from './spreadsheet.js';

describe('CSV reading', () => {
  it('numbers rows by their line in the file, with or without quoted cells, across empty lines and CRLF', () => {
    const plain = readCsv(Buffer.from('\uFEFF名称,代码\r\n甲,1\r\n\r\n乙,2\r\n , \r\n丙,3\r\n'));
    expect(plain.headers).toEqual(['名称', '代码']);
    expect(plain.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, '甲'],
      [4, '乙'],
      [6, '丙'],
    ]);
    const quoted = readCsv(Buffer.from('名称,说明\n甲,"第一行\n第二行"\n\n乙,"含,逗号"\n'));
    expect(quoted.rows.map((r) => [r.line, r.cells[1]])).toEqual([
      [3, '第一行\n第二行'],
      [5, '含,逗号'],
    ]);
  });

  it('reads GBK (what Excel writes as CSV on a Chinese Windows) as well as UTF-8', () => {
    const gbk = Buffer.from([0xc3, 0xfb, 0xb3, 0xc6, 0x0a, 0xbc, 0xd7, 0x0a]); // 名称\n甲\n
    expect(readCsv(gbk)).toEqual({ headers: ['名称'], rows: [{ line: 2, cells: ['甲'] }] });
  });
});

describe('万元', () => {
  it('converts exactly both ways', () => {
    expect(parseWanYuan('5000.5')).toBe(50_005_000);
    expect(parseWanYuan('1,234.5678')).toBe(12_345_678);
    expect(parseWanYuan('0.00001')).toBeNull();
    expect(parseWanYuan('五千')).toBeNull();
    expect(wanYuan(50_005_000)).toBe('5000.5');
    expect(wanYuan(12_345_678)).toBe('1234.5678');
    expect(wanYuan(9)).toBe('0.0009');
    expect(wanYuan(null)).toBeNull();
  });
});
