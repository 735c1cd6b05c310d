import ExcelJS from 'exceljs';
import { parseCsv, readRosterFile } from '../../cloudfunctions/api/src/domain/roster-file';

describe('roster files', () => {
  it('parses quoted CSV fields, CRLF and a BOM', async () => {
    const sheet = await readRosterFile(Buffer.from('\uFEFF姓名,工号\r\n"张, 三",T001\r\n"说""好""",T002\r\n'), 'a.csv');
    expect(sheet).toEqual([['姓名', '工号'], ['张, 三', 'T001'], ['说"好"', 'T002']]);
  });

  it('reads a GBK-encoded CSV as Excel saves it in China', async () => {
    // "姓名,工号\n张三,T001" in GBK
    const gbk = Buffer.from('d0d5c3fb2cb9a4bac50ad5c5c8fd2c54303031', 'hex');
    expect(await readRosterFile(gbk, 'roster.csv')).toEqual([['姓名', '工号'], ['张三', 'T001']]);
  });

  it('reads an xlsx sheet with numbers and dates as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名册');
    sheet.addRow(['姓名', '工号', '生日']);
    sheet.addRow(['张三', 1001, new Date(Date.UTC(1980, 2, 8))]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await readRosterFile(buffer, 'roster.xlsx')).toEqual([['姓名', '工号', '生日'], ['张三', '1001', '1980-03-08']]);
  });

  it('gives up on a broken file instead of guessing', async () => {
    expect(await readRosterFile(Buffer.from('PK\u0003\u0004 not really a zip'), 'roster.xlsx')).toBeNull();
    expect(await readRosterFile(Buffer.from([0, 1, 2, 3, 4, 5]), 'roster.csv')).toBeNull();
    expect(await readRosterFile(Buffer.from('x'), 'roster.pdf')).toBeNull();
  });

  it('keeps a trailing field without a newline', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });
});
