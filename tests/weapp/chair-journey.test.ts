/**
 * The chair on the weapp build: creates and publishes an activity from 首页's 工作 tools, imports
 * plan 1 of the seed (pasted from a chat), and exports a participant list, which WeChat's
 * document viewer opens (`wx.openDocument` with the .xlsx); publishes a notice with a PDF picked
 * from a chat (uploaded where `file.uploadPath` says), which a member opens from the notice.
 */
import ExcelJS from 'exceljs';
import { seedPlan } from '../fixtures/seed-plans';
import { act, CHAIR, MEMBER } from './support/fixtures';
import { demoOpenid, startWeappWorld, type WeappWorld } from './support/weapp-app';
import type { Phone } from './stand-in/phone';
import { textOf } from './stand-in/view';

jest.setTimeout(180_000);

let world: WeappWorld;
let chair: Phone;
const find = <T>(collection: string, query: object) => world.cloud.db.admin.find(collection, query) as T[];
const TITLE = '教工父母一日游';

beforeAll(async () => {
  world = await startWeappWorld();
  chair = world.phone(demoOpenid(CHAIR));
  await chair.waitForText('活动管理');
});
afterAll(() => world?.stop());

/** The switch labelled 不限名额. */
const capacitySwitch = () =>
  chair.find((n) => String(n.attr.class ?? '').split(/\s+/).includes('nut-switch') && textOf(n.parent!) === '不限名额')[0]!;

it('creates an activity and publishes it', async () => {
  await chair.tap('活动管理');
  await chair.waitForRoute('packages/organiser/edit/index');
  await chair.type('活动名称', TITLE);
  await chair.tap('外出活动');
  await chair.type('地点，例如', '五桂山');
  await chair.type('活动说明', '带上父母一起去五桂山走走，中午在山下农庄吃饭。');
  await chair.settle();
  // 不限名额 is on at first: turn it off to give a number.
  chair.tapNode(capacitySwitch(), '不限名额');
  await chair.type('名额（含携带的家属）', '30');
  await chair.tap('保存为草稿');
  await chair.waitForText(`「${TITLE}」还是草稿，会员看不到。现在发布吗？`);
  await chair.tap(/^发布$/);
  await chair.waitForText('活动已发布');
  expect(find('activities', { title: TITLE })[0]).toMatchObject({ status: 'published', capacity: 30, place: '五桂山', category: 'outing' });
  expect(chair.errors).toEqual([]);
});

it('opens the new activity, its participant list, and exports it: WeChat opens the workbook', async () => {
  const activity = find<{ _id: string }>('activities', { title: TITLE })[0]!;
  await act(world, MEMBER, 'activity.signUp', { activityId: activity._id, companions: 0, answers: {} });
  await chair.tap('查看活动');
  await chair.waitForRoute('pages/activity/index');
  await chair.tap('报名名单');
  await chair.waitForRoute('packages/organiser/participants/index');
  await chair.waitForText('郭春梅');
  await chair.tap('导出名单');
  await chair.waitFor('the document viewer', () => chair.recorded.documents[0]);
  const [opened] = chair.recorded.documents;
  expect(opened!.fileType).toBe('xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(opened!.bytes as unknown as ArrayBuffer);
  const cells = book.worksheets.flatMap((sheet) => sheet.getSheetValues().flat().map(String));
  expect(cells).toContain('郭春梅');
});

it('imports plan 1 of the seed: preview by month, then saves the year', async () => {
  chair.mp.switchTab('/pages/index/index');
  await chair.tap('导入年度工作计划，生成活动、投票和通知');
  await chair.waitForRoute('packages/plan/import/index');
  await chair.type('在这里粘贴工作计划的全文', seedPlan(1));
  await chair.tap(/^识别$/);
  await chair.waitForText('共 11 个月、59 条工作。');
  await chair.waitForText('1. 制定好新年工会活动计划。');
  await chair.tap('保存计划');
  // Saved: the year's plan opens.
  await chair.waitForRoute('packages/plan/year/index');
  await chair.waitForText('搞好年终总结工作');
  const [plan] = find<{ months: Array<{ items: unknown[] }> }>('plans', {});
  expect(plan!.months).toHaveLength(11);
  expect(plan!.months.reduce((n, m) => n + m.items.length, 0)).toBe(59);
});

it('publishes a notice with a PDF picked from a chat; a member opens it in WeChat\'s document viewer', async () => {
  const pdf = Buffer.from('%PDF-1.4 体检须知：请空腹前往市人民医院。');
  chair.mp.switchTab('/pages/index/index');
  await chair.tap('通知公告');
  await chair.waitForRoute('packages/notice/list/index');
  await chair.tap('发布通知');
  await chair.waitForRoute('packages/notice-admin/edit/index');
  await chair.type('标题，例如', '关于组织教职工体检的通知');
  await chair.type('正文：', '体检在市人民医院进行，须知见附件。');
  chair.script.messageFile.push({ name: '体检须知.pdf', bytes: pdf });
  await chair.tap('添加附件');
  await chair.waitFor('附件已上传', () => chair.recorded.toasts.some((t) => t.title === '附件已上传'));
  await chair.tap('保存并发布');
  await chair.waitForRoute('packages/notice/detail/index');
  const [notice] = find<{ _id: string; status: string; attachments: Array<{ fileID: string; size: number }> }>('notices', { title: '关于组织教职工体检的通知' });
  expect(notice).toMatchObject({ status: 'published', attachments: [{ size: pdf.length }] });
  expect(notice!.attachments[0]!.fileID).toMatch(/\/files\/notice\/[0-9a-f]{32}\.pdf$/);
  expect(chair.errors).toEqual([]);

  const member = world.phone(demoOpenid(MEMBER), `/packages/notice/detail/index?id=${notice!._id}`);
  await member.waitForText('须知见附件');
  await member.tap('体检须知.pdf');
  await member.waitFor('the document viewer', () => member.recorded.documents[0]);
  const [opened] = member.recorded.documents;
  expect(opened!.fileType).toBe('pdf');
  expect(Buffer.from(opened!.bytes)).toEqual(pdf);
  expect(member.errors).toEqual([]);
});
