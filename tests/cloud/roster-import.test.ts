import ExcelJS from 'exceljs';
import { demo, expectOk, startTestCloud, type TestCloud } from './support/harness';

let t: TestCloud;
const chair = demo.openid(demo.chair.staffNo);
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.stop());

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n');
const header = ['姓名', '工号', '性别', '工会小组', '状态', '教代会代表', '手机'];

describe('the chair imports a roster', () => {
  it('previews row problems without writing anything', async () => {
    const fileID = await t.uploadFor(chair, 'roster', 'a.csv', csv([
      header,
      ['新老师', 'N001', '女', '语文组', '在职', '否', ''],
      ['', 'N002', '男', '语文组', '', '', ''],
      ['重复者', 'N001', '男', '数学组', '', '', ''],
      ['外来者', 'N003', '男', '天文组', '', '', ''],
      [demo.plain.name + '改', demo.plain.staffNo, '男', '数学组', '退休', '是', ''],
    ]));
    const before = t.snapshot();
    const preview = expectOk(await t.act(chair, 'roster.preview', { fileID }));
    expect(preview.counts).toEqual({ new: 1, update: 1, invalid: 3 });
    expect(preview.rows.slice(0, 3).map((r) => [r.line, r.problems[0]])).toEqual([
      [3, '缺少姓名'],
      [4, '工号与第 2 行重复'],
      [5, '没有名为「天文组」的工会小组，请先在「工会小组」中新建'],
    ]);
    expect(t.snapshot()).toEqual(before);
  });

  it('commits all valid rows, updating by 工号 and keeping bindings and roles', async () => {
    const fileID = await t.uploadFor(chair, 'roster', 'b.csv', csv([
      header,
      ['新老师', 'N001', '女', '语文组', '在职', '否', '13800000001'],
      ['外来者', 'N003', '男', '天文组', '', '', ''],
      [demo.committee.name, demo.committee.staffNo, demo.committee.gender === 'male' ? '男' : '女', '体艺组', '在职', '是', ''],
    ]));
    expect(expectOk(await t.act(chair, 'roster.commit', { fileID }))).toEqual({ created: 1, updated: 1 });
    const [updated] = t.cloud.db.admin.find('members', { _id: demo.committee.staffNo });
    expect(updated).toMatchObject({ groupName: '体艺组', isDelegate: true, roles: demo.committee.roles, openid: demo.openid(demo.committee.staffNo) });
    expect(t.cloud.db.admin.find('members', { _id: 'N003' })).toEqual([]);
    const { members: roster, canEdit } = expectOk(await t.act(chair, 'roster.list'));
    expect(canEdit).toBe(true);
    expect(roster.find((m) => m.staffNo === 'N001')).toMatchObject({ name: '新老师', bound: false, phone: '13800000001' });
    expect(JSON.stringify(roster)).not.toContain('demo-openid');
  });

  it('reads an .xlsx file', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名册');
    sheet.addRow(['姓名', '工号', '性别', '工会小组', '生日']);
    sheet.addRow(['表格老师', 'X100', '男', '英语组', new Date(Date.UTC(1985, 4, 20))]);
    const fileID = await t.uploadFor(chair, 'roster', 'c.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(expectOk(await t.act(chair, 'roster.commit', { fileID }))).toEqual({ created: 1, updated: 0 });
    expect(t.cloud.db.admin.find('members', { _id: 'X100' })[0]).toMatchObject({ groupName: '英语组', birthday: '05-20' });
  });

  it('refuses a broken file, a file with no valid rows, and a missing file, writing nothing', async () => {
    const before = t.snapshot();
    const broken = await t.uploadFor(chair, 'roster', 'broken.xlsx', Buffer.from('PK\u0003\u0004garbage'));
    expect(await t.act(chair, 'roster.preview', { fileID: broken })).toMatchObject({ code: 'IMPORT_FILE_UNREADABLE', message: '无法读取这个文件，请上传 .xlsx 或 .csv 格式的名册' });
    const bad = await t.uploadFor(chair, 'roster', 'bad.csv', csv([header, ['', '', '男', '语文组', '', '', '']]));
    expect(await t.act(chair, 'roster.commit', { fileID: bad })).toMatchObject({ code: 'IMPORT_NO_VALID_ROWS' });
    expect(await t.act(chair, 'roster.commit', { fileID: 'cloud://local-dev.bucket/roster-imports/none.csv' })).toMatchObject({ code: 'NOT_YOUR_UPLOAD' });
    expect(await t.act(chair, 'roster.commit', { fileID: { $gt: '' } } as never)).toMatchObject({ code: 'INVALID_INPUT' });
    expect(t.snapshot()).toEqual(before);
  });

  it('is the chair\'s alone', async () => {
    const fileID = await t.uploadFor(chair, 'roster', 'd.csv', csv([header, ['某人', 'Z1', '男', '语文组', '', '', '']]));
    expect(await t.act(demo.openid(demo.committee.staffNo), 'roster.commit', { fileID })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.act(demo.openid(demo.plain.staffNo), 'roster.preview', { fileID })).toMatchObject({ code: 'FORBIDDEN' });
  });
});
