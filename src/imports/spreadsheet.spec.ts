import { parseWanYuan } from './columns.js';
import ExcelJS from 'exceljs';
import { neutraliseFormula, readCsv, readXlsx, wanYuan, writeCsv, writeXlsx } from '../platform/spreadsheet/spreadsheet.js';

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

describe('formula cells (CSV injection)', () => {
  const hostile = ['=HYPERLINK("http://evil.example","点击")', '+1+2', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1'];

  it("prefixes a text cell a spreadsheet would run as a formula with ' (OWASP) and leaves the rest alone", () => {
    for (const h of hostile) expect(neutraliseFormula(h)).toBe(`'${h}`);
    for (const ok of ['河南豫丰食品科技有限公司', 'a=b', ' =1', "'=1", '', '1-2']) expect(neutraliseFormula(ok)).toBe(ok);
  });

  it('writes every CSV cell through the rule (numbers stay typed) and reads its own files back unchanged', () => {
    const csv = writeCsv(['名称', '金额'], [...hostile.map((h) => [h, -5]), ['普通企业', 12]]);
    const text = csv.toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""点击"")"`);
    expect(text).toContain("'@SUM(A1),-5");
    const lines = text
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    for (const line of lines.slice(1)) expect(line.replace(/^"/, '')).toMatch(/^(?![=+\-@\t\r])/);
    expect(readCsv(csv).rows.map((r) => r.cells[0])).toEqual([...hostile, '普通企业']);
  });

  it('writes XLSX text as strings, never as formulas', async () => {
    const hostile = ['=HYPERLINK("http://evil.example","点击")', '+1+2', '-2+3', '@SUM(A1)', '\t=1+1']; // XML reads a CR as LF
    const buf = await writeXlsx([{ name: '线索', headers: ['名称'], rows: hostile.map((h) => [h]) }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as never);
    const cells = wb.worksheets[0].getColumn(1).values.slice(2);
    expect(cells).toEqual(hostile);
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => expect(c.type).toBe(ExcelJS.ValueType.String)));
    expect((await readXlsx(buf)).rows.map((r) => r.cells[0])).toEqual(hostile);
  });
});
