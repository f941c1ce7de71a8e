import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readCsv, readXlsx, type Table } from './spreadsheet.js';
import { streamTable, type ByteSource } from './table-stream.js';

/** A buffer handed over in pieces of `size` bytes (cuts through characters, quotes and line ends). */
async function* pieces(buf: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function collect(source: ByteSource, format: 'csv' | 'xlsx'): Promise<Table> {
  const t = await streamTable(source, format);
  const rows: Table['rows'] = [];
  for await (const r of t.rows) rows.push(r);
  await t.close();
  return { headers: t.headers, rows };
}

describe('tables read row by row', () => {
  const csvText = '\uFEFF名称,说明,代码\r\n甲,"第一行\r\n第二行",1\r\n\r\n乙,"含,逗号与""引号""",2\r\n , , \r\n丙,\'=HYPERLINK(1),3\r\n';

  it('reads a CSV exactly as the whole-file reader does, however the bytes are cut', async () => {
    const buf = Buffer.from(csvText);
    const whole = readCsv(buf);
    for (const size of [1, 2, 3, 7, 64, buf.length]) expect(await collect(pieces(buf, size), 'csv')).toEqual(whole);
    expect(await collect(buf, 'csv')).toEqual(whole);
  });

  it('tells GBK from UTF-8 by the start of the file, also when cut inside a character', async () => {
    const gbk = iconv.encode('名称,代码\n河南牧丰农牧科技有限公司,1\n尉氏县,2\n', 'gbk');
    for (const size of [1, 3, 5, 1000]) {
      expect(await collect(pieces(gbk, size), 'csv')).toEqual({
        headers: ['名称', '代码'],
        rows: [
          { line: 2, cells: ['河南牧丰农牧科技有限公司', '1'] },
          { line: 3, cells: ['尉氏县', '2'] },
        ],
      });
    }
  });

  it('refuses a file that turns from UTF-8 into something else after its start, and a broken CSV, as unreadable', async () => {
    const head = Buffer.from(`名称\n${'甲\n'.repeat(200_000)}`);
    const bad = Buffer.concat([head, Buffer.from([0xc3, 0xfb, 0x0a])]);
    await expect(collect(bad, 'csv')).rejects.toThrow(/UTF-8/);
    await expect(collect(Buffer.from('名称,说明\n甲,"未结束的引号\n'), 'csv')).rejects.toThrow(/CSV 文件无法解析/);
  });

  it('reads the first worksheet of an XLSX as the whole-file reader does (numbers, dates, rich text, empty rows skipped)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    ws.addRow(['项目编号', ' 项目名称 ', '总投资（万元）', '日期']);
    ws.addRow(['WS-1', '尉氏县食品产业园', 123456.7891, new Date(Date.UTC(2026, 0, 5))]);
    ws.addRow([]);
    ws.addRow(['WS-2', { richText: [{ text: '冷链' }, { text: '仓储' }] }, 8000, '']);
    ws.addRow(['', '', '', '']);
    ws.addRow(['WS-3', "'=1+1", 1, null]);
    wb.addWorksheet('说明').addRow(['不读这一页']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const whole = await readXlsx(buf);
    expect(whole.rows.map((r) => r.line)).toEqual([2, 4, 6]);
    expect(await collect(pieces(buf, 1000), 'xlsx')).toEqual(whole);
    expect(whole.rows[0].cells).toEqual(['WS-1', '尉氏县食品产业园', '123456.7891', '2026-01-05']);
    expect(whole.rows[2].cells[1]).toBe('=1+1');
  });

  it('says an XLSX that is not one is unreadable', async () => {
    await expect(collect(Buffer.from('not a zip'), 'xlsx')).rejects.toThrow(/XLSX 文件无法读取/);
  });

  it('counts the bytes it has consumed, and stops reading when closed', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `企业${i},${i}`).join('\n');
    const buf = Buffer.from(`名称,代码\n${rows}\n`);
    let handed = 0;
    async function* source() {
      for (let i = 0; i < buf.length; i += 4096) {
        handed += 4096;
        yield buf.subarray(i, i + 4096);
      }
    }
    const t = await streamTable(source(), 'csv');
    let n = 0;
    for await (const _ of t.rows) if (++n === 10) break;
    await t.close();
    expect(t.bytesRead()).toBeGreaterThan(0);
    expect(handed).toBeLessThan(buf.length);
  });
});
