import ExcelJS from 'exceljs';
import type { Activity, ActivityDraft } from '../../types/activity';
import { activityDraft, demo, expectOk, startTestCloud, type TestCloud } from './support/harness';

let t: TestCloud;
const T0 = Date.UTC(2026, 2, 2, 1, 0); // 2026-03-02 09:00 in Shanghai
const chair = demo.openid(demo.chair.staffNo);
const members = demo.members.filter((m) => m.openid && m.roles.length === 0);

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(T0);
});
afterAll(() => t.stop());

const choices: ActivityDraft['choices'] = [
  { id: 'events', kind: 'multi', label: '参赛项目', required: true, max: 2, options: [{ id: 'single', label: '单打' }, { id: 'double', label: '双打' }] },
  { id: 'bus', kind: 'yesno', label: '需要乘车', required: false },
  { id: 'note', kind: 'text', label: '备注', required: false },
];

async function published(overrides: Partial<ActivityDraft> = {}): Promise<Activity> {
  const draft = expectOk(await t.act(chair, 'activity.create', { draft: activityDraft(T0, overrides) }));
  return expectOk(await t.act(chair, 'activity.publish', { activityId: draft._id }));
}

const rowsOf = (sheet: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

it('exports 报名名单 and 候补名单 as a real xlsx, with option labels and Shanghai times, writing nothing to the database', async () => {
  const a = await published({ title: '教工羽毛球赛', capacity: 3, choices });
  const [p1, p2, p3] = members;
  expectOk(await t.act(demo.openid(p1.staffNo), 'activity.signUp', { activityId: a._id, companions: 1, answers: { events: ['single', 'double'], bus: true, note: '素食' } }));
  t.cloud.clock.advance(60_000);
  expectOk(await t.act(demo.openid(p2.staffNo), 'activity.signUp', { activityId: a._id, companions: 0, answers: { events: ['double'] } }));
  t.cloud.clock.advance(60_000);
  expect(expectOk(await t.act(demo.openid(p3.staffNo), 'activity.signUp', { activityId: a._id, companions: 0, answers: { events: ['single'], bus: false } })).status).toBe('waitlisted');

  const before = t.snapshot();
  const { result } = await t.cloud.call('api', { action: 'activity.export', input: { activityId: a._id } }, { openid: chair });
  const out = expectOk(result as never) as { fileID: string; tempFileURL: string; fileName: string };
  expect(t.snapshot()).toEqual(before);
  // Unguessable: no activity id, no time, 128 random bits.
  expect(out.fileID).toMatch(/^cloud:\/\/[^/]+\/exports\/activity\/[0-9a-f]{32}\.xlsx$/);
  expect(out.fileName).toBe('教工羽毛球赛-报名名单.xlsx');

  const res = await fetch(out.tempFileURL);
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  expect(book.worksheets.map((s) => s.name)).toEqual(['报名名单', '候补名单']);

  const list = rowsOf(book.getWorksheet('报名名单')!);
  expect(list[0]).toEqual(['序号', '姓名', '工号', '工会小组', '携带家属人数', '参赛项目', '需要乘车', '备注', '报名时间', '签到']);
  expect(list.slice(1)).toEqual([
    [1, p1.name, p1.staffNo, p1.groupName, 1, '单打、双打', '是', '素食', '2026-03-02 09:00', ''],
    [2, p2.name, p2.staffNo, p2.groupName, 0, '双打', '', '', '2026-03-02 09:01', ''],
  ]);
  const waitlist = rowsOf(book.getWorksheet('候补名单')!);
  expect(waitlist[0]).toEqual([...list[0], '候补位次']);
  expect(waitlist.slice(1)).toEqual([[1, p3.name, p3.staffNo, p3.groupName, 0, '单打', '否', '', '2026-03-02 09:02', '', 1]]);
});

it('is for organisers only: members and group leaders are refused and nothing is stored', async () => {
  const a = await published();
  const before = t.snapshot();
  expect(await t.act(demo.openid(members[0].staffNo), 'activity.export', { activityId: a._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await t.act('a-stranger', 'activity.export', { activityId: a._id })).toMatchObject({ ok: false, code: 'NOT_BOUND' });
  expect(await t.act(chair, 'activity.export', { activityId: 'nope' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(t.snapshot()).toEqual(before);
});
