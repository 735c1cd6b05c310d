/**
 * A union's month in the browser, start to end, as one story: the chair imports new staff and the
 * annual plan, publishes an activity, a secret vote and a notice; a newcomer binds; two members
 * sign up for the one place (the second waits, then moves up); members vote and read; delegates
 * bring a proposal to 立案; and the day before the vote closes the reminders go out, once each.
 * The screenshots (test-results/e2e/journey-NN-*.png) are the README's tour.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import type { Message } from '../../types/message';
import { demo } from '../cloud/support/harness';
import { signInAs, startApp, type E2eApp } from './support/app';
import { button, cell, field, importPlan1, openPlanImport, planItemsOf, publishNotice, showMonthWithPlan, still, visible } from './support/month';

jest.setTimeout(300_000);

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;
/** Midnight in Shanghai of the day `ms` falls on. */
const shanghaiDayStart = (ms: number) => Math.floor((ms + SHANGHAI) / DAY) * DAY - SHANGHAI;
const shanghaiClock = (ms: number) => {
  const d = new Date(ms + SHANGHAI);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`, time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` };
};

let app: E2eApp;
const sessionName = '第十二届教代会第二次会议';

beforeAll(async () => {
  // Without the demo's votes: one of them closes three days after the seed, as the journey's vote
  // does unless it opens after midnight, and the newcomer's one 投票提醒 consent would go to
  // whichever of the two the reminders run reaches first (by random id).
  app = await startApp({ seed: { votes: false } });
  // Not what this test is about: the congress session that proposals are collected for, and a department to handle them.
  const chair = { openid: demo.openid(demo.chair.staffNo) };
  const now = app.cloud.clock.now();
  const session = (await app.cloud.call('api', { action: 'congress.saveSession', input: { session: { name: sessionName, proposalOpensAt: now - DAY, proposalClosesAt: now + 14 * DAY, minCoSigners: 2 } } }, chair)).result;
  expect(session).toMatchObject({ ok: true });
  const handler = demo.members.find((m) => !m.isDelegate && m.openid && m.roles.length === 0 && m.department === '总务处')!;
  const department = (await app.cloud.call('api', { action: 'department.save', input: { department: { name: '总务处', handlerIds: [handler.staffNo] } } }, chair)).result;
  expect(department).toMatchObject({ ok: true });
});
afterAll(() => app?.stop());

// The newcomers on the chair's sheet; the first binds her WeChat during the month.
const newcomers = [
  { name: '欧阳晓雯', staffNo: 'N3001', gender: '女', group: '语文组' },
  { name: '司马卫国', staffNo: 'N3002', gender: '男', group: '数学组' },
  { name: '钟灵', staffNo: 'N3003', gender: '女', group: '英语组' },
];
const newcomer = newcomers[0];
// An in-service member without roles: signs up first, gives the place up, and votes.
const member = demo.members.find((m) => m.openid && m.status === 'active' && m.roles.length === 0)!;
// Delegates without roles (the proposer and two co-signers), and the proposal committee's member.
const [proposer, cosignerA, cosignerB] = demo.members.filter((m) => m.isDelegate && m.openid && m.roles.length === 0 && m !== member);
const committee = demo.members.find((m) => m.roles.includes('proposalCommittee') && !m.roles.includes('chair') && m.openid)!;
// The vote's two candidates.
const candidates = demo.members.filter((m) => m.openid && m.status === 'active' && m.roles.length === 0 && !m.isDelegate && m !== member).slice(3, 5);

const activity = { title: '教工父母一日游', place: '五桂山', description: '带上父母，同游五桂山。上午九时校门口集合乘车，午餐统一安排。' };
const voteTitle = '2026年度“最美教工”评选';
const notice = { title: '关于开展教职工冬季健步走活动的通知', body: '各工会小组：\n工会定于下周六上午在学校田径场举行冬季健步走活动，欢迎教职工携家属参加。\n请各小组长于本周五前把参加人数报工会办公室。' };
const proposal = {
  title: '关于增设教工午休室的提案',
  reasons: '学校目前没有教工午休的场所，中午不少老师只能趴在办公桌上休息，下午上课精神不足。',
  measures: '将图书馆三楼闲置的阅览室改造为教工午休室，配置躺椅和储物柜，由工会负责日常管理。',
};

/** A screenshot of the whole page, not only the screen (for the long home page): a phone as tall as the page. */
async function fullShot(page: Page, name: string) {
  const viewport = page.viewportSize()!;
  // While a page slides in, the one leaving is still visible: the newest is the last.
  const height = await visible(page).last().evaluate((el) => Math.ceil(el.scrollHeight));
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  try {
    await still(page, name);
  } finally {
    await page.setViewportSize(viewport);
  }
}

/** Taro.showModal in the browser: checks the title, then taps the button. */
async function answerModal(page: Page, heading: string, choice: string) {
  const modal = page.locator('.taro__modal');
  await modal.locator('.taro-modal__title', { hasText: heading }).waitFor();
  await modal.locator('.taro-model__btn', { hasText: new RegExp(`^${choice}$`) }).click();
  await modal.waitFor({ state: 'hidden' });
}

/** Where an element is once it has stopped moving (the pickers slide up). */
async function settledBox(locator: Locator) {
  let last = await locator.boundingBox();
  for (;;) {
    await locator.page().waitForTimeout(100);
    const box = await locator.boundingBox();
    if (box && last && box.x === last.x && box.y === last.y) return box;
    last = box;
  }
}

/** Drags one column of the open picker by whole rows (positive: back to earlier values), then 确定. */
async function turnPicker(page: Page, column: number, rows: number) {
  const picker = page.locator('.weui-picker:visible');
  await picker.waitFor();
  const mask = picker.locator('.weui-picker__group').nth(column).locator('.weui-picker__mask');
  const box = await settledBox(mask);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + (rows * 34) / 2, { steps: 3 });
  await page.mouse.move(x, y + rows * 34, { steps: 3 });
  await page.mouse.up();
  await picker.locator('.weui-picker__action', { hasText: '确定' }).click();
  await picker.waitFor({ state: 'hidden' });
}

/** A roster sheet of the newcomers, as the chair's office keeps it. */
async function newcomersSheet(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  sheet.addRow(['姓名', '工号', '性别', '工会小组', '状态', '部门']);
  for (const p of newcomers) sheet.addRow([p.name, p.staffNo, p.gender, p.group, '在职', '教务处']);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'jgzj-journey-')), '2026年新入职教工名册.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

/** 首页, fresh. */
async function home(page: Page) {
  await page.bringToFront();
  await page.goto('/');
  await visible(page).locator('.home__title').waitFor();
}

async function signedIn(name: string): Promise<Page> {
  const { page } = await app.newPerson();
  await signInAs(page, name);
  await visible(page).locator('.home__title', { hasText: `${name}，` }).waitFor();
  return page;
}

/** 首页 → the activity, in the month it starts (it starts in a week: maybe next month). */
async function openActivity(page: Page, startAt: number) {
  await home(page);
  const [now, then] = [shanghaiClock(app.cloud.clock.now()).date.slice(0, 7), shanghaiClock(startAt).date.slice(0, 7)];
  if (then !== now) {
    await visible(page).locator('.month-switcher__arrow[aria-label="下个月"]').click();
    await visible(page).locator('.month-switcher__label', { hasText: `${then.slice(0, 4)}年${Number(then.slice(5))}月` }).waitFor();
  }
  // By its whole title: a plan item of the month mentions 教工父母一日游 too.
  await visible(page).locator('.nut-cell').filter({ has: page.getByText(activity.title, { exact: true }) }).click();
  await visible(page).locator('.activity__signup').waitFor();
}

describe('a union’s month', () => {
  it('roster and plan, an activity, a vote and a notice; binding, signing up, voting, reading; a proposal to 立案; reminders once', async () => {
    // 1. The chair imports three newcomers from a spreadsheet, then plan 1.
    const chair = await signedIn(demo.chair.name);
    await cell(chair, '查看会员，设置角色，导入名册').click();
    await visible(chair).locator('.roster .nut-button', { hasText: '导入名册' }).first().click();
    const chooser = chair.waitForEvent('filechooser');
    await button(chair, '选择文件').click();
    await (await chooser).setFiles(await newcomersSheet());
    const importPage = visible(chair).locator('.import');
    await importPage.getByText('文件：2026年新入职教工名册.xlsx').waitFor();
    for (const p of newcomers) await importPage.locator('.preview-row__who', { hasText: p.name }).waitFor();
    await still(chair, 'journey-01-roster-import');
    await button(chair, '导入 3 条有效记录').click();
    await chair.locator('.nut-dialog').getByText('将新增 3 人、更新 0 人。确定导入吗？').waitFor();
    await chair.locator('.nut-dialog .nut-button', { hasText: '导入' }).click();
    await importPage.getByText('新增 3 人，更新 0 人').waitFor();
    for (const p of newcomers) expect(app.cloud.db.admin.find('members', { _id: p.staffNo })[0]).toMatchObject({ name: p.name, groupName: p.group, status: 'active' });

    await home(chair);
    await openPlanImport(chair);
    await importPlan1(chair, 'journey-02-plan-preview', app.cloud.clock.now());
    const plans = app.cloud.db.admin.find('plans', {});

    // 2. An activity with one place, a secret vote and a notice.
    await home(chair);
    await cell(chair, '发起新活动；已有活动在「活动」页打开后管理').click();
    await field(chair, '活动名称，例如 教工羽毛球赛').fill(activity.title);
    // The seven categories wrap on a phone: the form does not scroll sideways.
    expect(await chair.locator('[id^="/packages/organiser/edit/index"]').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await visible(chair).locator('.nut-radio', { hasText: '外出活动' }).click();
    await field(chair, '地点，例如 学校体育馆').fill(activity.place);
    await field(chair, '活动说明：安排、注意事项、联系人').fill(activity.description);
    await visible(chair).locator('.nut-switch[aria-label="不限名额"]').click();
    await field(chair, '名额（含携带的家属）').fill('1');
    await button(chair, '保存为草稿').click();
    await visible(chair).getByText(`「${activity.title}」还是草稿，会员看不到。现在发布吗？`).waitFor();
    await button(chair, /^发布$/).click();
    await visible(chair).getByText('活动已发布').waitFor();
    const [storedActivity] = app.cloud.db.admin.find('activities', { title: activity.title });
    expect(storedActivity).toMatchObject({ status: 'published', capacity: 1, place: activity.place, category: 'outing' });
    await button(chair, '查看活动').click();
    await visible(chair).locator('.activity__manage').waitFor();
    await still(chair, 'journey-03-activity-published');

    await home(chair);
    await cell(chair, '评选、民主评议、表决或问卷投票；已有投票在「投票评议」里管理').click();
    await visible(chair).locator('.nut-radio', { hasText: '评选' }).first().waitFor();
    await field(chair, '标题，例如 2026年度优秀教师评选').fill(voteTitle);
    await field(chair, '说明（选填）：评选条件、名额、注意事项').fill('每人从两位候选人中选一位。无记名投票，截止后公布结果。');
    await field(chair, '候选人 1 姓名或名称').fill(candidates[0].name);
    await field(chair, '候选人 1 工号（选填，用于关联会员）').fill(candidates[0].staffNo);
    await visible(chair).getByText('+ 添加候选人').click();
    await field(chair, '候选人 2 姓名或名称').fill(candidates[1].name);
    await field(chair, '候选人 2 工号（选填，用于关联会员）').fill(candidates[1].staffNo);
    await visible(chair).getByText('每张选票最多选 1 人').waitFor();
    // The form opens the vote at the next full hour; the chair opens it now: an hour back on the clock.
    const opens = visible(chair).locator('.edit__row', { hasText: '开始' }).locator('.edit__pick');
    const today = shanghaiClock(app.cloud.clock.now());
    // After 23:00 in Shanghai the next full hour is tomorrow: then the cloud's clock moves to the opening instead.
    const opensTomorrow = (await opens.first().textContent()) !== today.date;
    if (!opensTomorrow) {
      await opens.nth(1).click();
      await turnPicker(chair, 0, 1);
      const opensAt = (await opens.nth(1).textContent())!;
      expect(opensAt <= today.time).toBe(true);
    }
    await expect(visible(chair).locator('.nut-switch[aria-label="无记名投票"]').getAttribute('aria-checked')).resolves.toBe('true');
    await visible(chair).locator('.nut-radio', { hasText: '全体会员' }).click();
    await visible(chair).locator('.section-title', { hasText: '投票时间' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await still(chair, 'journey-04-vote-form');
    await button(chair, '保存为草稿').click();
    // Saved: the vote's own page, where the organiser publishes it.
    await visible(chair).locator('.ballot__title', { hasText: voteTitle }).waitFor();
    await button(chair, /^发布$/).click();
    await button(chair, '投票情况').waitFor();
    const [storedVote] = app.cloud.db.admin.find('votes', { title: voteTitle });
    expect(storedVote).toMatchObject({ status: 'published', secret: true, electorate: {} });
    if (opensTomorrow) await app.moveClockTo(storedVote.opensAt + 60_000);
    else expect(storedVote.opensAt).toBeLessThanOrEqual(app.cloud.clock.now());

    await home(chair);
    await publishNotice(chair, notice, 'journey-05-notice-form');

    // 3. The first newcomer (no phone on the roster) binds her WeChat with her name and the code her group leader gave her.
    const leader = demo.members.find((m) => m.groupName === newcomer.group && m.roles.includes('groupLeader') && m.openid)!;
    const issued = (await app.cloud.call('api', { action: 'member.issueBindCode', input: { memberId: newcomer.staffNo } }, { openid: demo.openid(leader.staffNo) })).result;
    expect(issued).toMatchObject({ ok: true });
    const newbie = (await app.newPerson()).page;
    await newbie.goto('/__dev/signin');
    await newbie.getByRole('button', { name: '以未绑定的新微信用户进入' }).click();
    await newbie.getByText('欢迎来到教工之家').waitFor();
    await newbie.getByText('没有登记手机号或换了手机？用绑定码绑定').click();
    await newbie.locator('input[placeholder="姓名"]').fill(newcomer.name);
    await newbie.locator('input[placeholder="6 位绑定码"]').fill(issued.data.code);
    await still(newbie, 'journey-06-bind');
    await newbie.locator('.bind__submit').click();
    await visible(newbie).locator('.home__title', { hasText: `${newcomer.name}，` }).waitFor();
    await visible(newbie).getByText(`${newcomer.group} · 小组共`).waitFor();
    expect(app.cloud.db.admin.find('members', { _id: newcomer.staffNo })[0].openid).toBeTruthy();
    // Her month: the plan, and the vote and the notice she has not yet read.
    await showMonthWithPlan(newbie, (year, month) => planItemsOf(plans, year, month), app.cloud.clock.now());
    await cell(newbie, voteTitle).getByText('未投票').waitFor();
    await cell(newbie, notice.title).locator('.home__dot[aria-label="未读"]').waitFor();
    await fullShot(newbie, 'journey-07-home-month');

    // 4. One place: the member signs up, the newcomer waits; the member cancels, the newcomer moves up.
    const memberPage = await signedIn(member.name);
    await openActivity(memberPage, storedActivity.startAt);
    await button(memberPage, /^报名$/).click();
    await answerModal(memberPage, '活动提醒', '接收');
    await visible(memberPage).locator('.activity__standing', { hasText: '已报名' }).waitFor();

    await openActivity(newbie, storedActivity.startAt);
    await button(newbie, /^报名$/).click();
    await answerModal(newbie, '活动提醒', '不用了');
    await visible(newbie).locator('.activity__standing', { hasText: '候补第 1 位' }).waitFor();
    await visible(newbie).getByText('有人取消时会按顺序自动递补，递补后会通知你。').waitFor();
    await visible(newbie).locator('.activity__signup').scrollIntoViewIfNeeded();
    await still(newbie, 'journey-08-activity-waitlisted');

    await memberPage.bringToFront();
    await button(memberPage, '取消报名').click();
    await answerModal(memberPage, '取消报名', '取消报名');
    await visible(memberPage).getByText('你已取消过报名。').waitFor();

    await newbie.bringToFront();
    await newbie.reload();
    await visible(newbie).locator('.activity__standing', { hasText: '已报名' }).waitFor();
    await visible(newbie).locator('.activity__signup').scrollIntoViewIfNeeded();
    await still(newbie, 'journey-09-activity-promoted');
    expect(app.cloud.db.admin.find('activities', { _id: storedActivity._id })[0]).toMatchObject({ taken: 1, waiting: 0 });
    expect(app.cloud.db.admin.find('signups', { activityId: storedActivity._id }).map((s) => [s.memberId, s.status]).sort()).toEqual(
      [[member.staffNo, 'cancelled'], [newcomer.staffNo, 'confirmed']].sort(),
    );

    // 5. The member votes (secret); the newcomer asks to be reminded, and reads the notice.
    await home(memberPage);
    await cell(memberPage, voteTitle).click();
    await visible(memberPage).locator('.ballot__title', { hasText: voteTitle }).waitFor();
    await visible(memberPage).getByText('无记名投票：系统只记录你已投票，不记录你投了谁').waitFor();
    await visible(memberPage).locator('.choice-row', { hasText: candidates[0].name }).click();
    await visible(memberPage).getByText('已选 1 人').waitFor();
    await still(memberPage, 'journey-10-ballot');
    await button(memberPage, /^投票$/).click();
    await answerModal(memberPage, '确认投票', '提交');
    await visible(memberPage).locator('.ballot__voted', { hasText: '已投票' }).waitFor();
    expect(app.cloud.db.admin.find('votes', { _id: storedVote._id })[0]).toMatchObject({ turnout: 1, voterIds: [member.staffNo] });

    await home(newbie);
    await cell(newbie, voteTitle).click();
    await visible(newbie).locator('.ballot__title', { hasText: voteTitle }).waitFor();
    await visible(newbie).getByText('还没想好？截止前一天提醒我').click();
    await answerModal(newbie, '投票提醒', '接收');
    await visible(newbie).getByText('已订阅 · 再订一次').waitFor();

    await home(newbie);
    await cell(newbie, notice.title).click();
    await visible(newbie).locator('.notice-detail__title', { hasText: notice.title }).waitFor();
    await visible(newbie).getByText('欢迎教职工携家属参加').waitFor();
    await still(newbie, 'journey-11-notice');
    const [storedNotice] = app.cloud.db.admin.find('notices', { title: notice.title });
    expect(app.cloud.db.admin.find('noticeReads', { noticeId: storedNotice._id, memberId: newcomer.staffNo })).toHaveLength(1);

    // 6. A delegate drafts a proposal and invites two delegates; they co-sign; it is submitted and 立案.
    const proposerPage = await signedIn(proposer.name);
    await cell(proposerPage, '起草、附议提案，跟进办理和答复').click();
    await visible(proposerPage).locator('.proposal-list__session', { hasText: sessionName }).waitFor();
    await button(proposerPage, '起草提案').click();
    await field(proposerPage, '案由：一句话说明提什么，例如 关于增设教工午休室的提案').fill(proposal.title);
    await field(proposerPage, '案据：为什么提，现状和存在的问题、依据').fill(proposal.reasons);
    await field(proposerPage, '建议措施：具体、可行的解决办法').fill(proposal.measures);
    await visible(proposerPage).locator('.nut-radio', { hasText: '教职工福利' }).click();
    await button(proposerPage, '保存草稿').click();
    const status = (page: Page) => visible(page).locator('.proposal-detail__tags');
    await visible(proposerPage).locator('.proposal-detail__title', { hasText: proposal.title }).waitFor();
    await status(proposerPage).getByText('草稿').waitFor();
    await button(proposerPage, '邀请附议').click();
    const invite = visible(proposerPage).locator('.proposal-invite');
    for (const delegate of [cosignerA, cosignerB]) await invite.locator(`.check-row[aria-label="${delegate.name}"]`).click();
    await button(proposerPage, '发送邀请（2 人）').click();
    await status(proposerPage).getByText('征集附议中').waitFor();

    for (const delegate of [cosignerA, cosignerB]) {
      const page = await signedIn(delegate.name);
      await cell(page, '起草、附议提案，跟进办理和答复').click();
      await visible(page).locator('.proposal-tabs__tab', { hasText: '待我附议' }).click();
      await visible(page).locator('.proposal-card', { hasText: proposal.title }).click();
      await visible(page).getByText(`${proposer.name} 邀请你附议这份提案`).waitFor();
      await button(page, /^附议$/).click();
      await answerModal(page, '附议提案', '附议');
      await visible(page).locator(`.proposal-detail__cosigner[aria-label="${delegate.name} 已附议"]`).waitFor();
    }

    await proposerPage.bringToFront();
    await proposerPage.reload();
    await visible(proposerPage).getByText('已附议 2 人，提交前需要至少 2 人').waitFor();
    await button(proposerPage, /^提交$/).click();
    await answerModal(proposerPage, '提交提案', '提交');
    await status(proposerPage).getByText('待审查').waitFor();

    const committeePage = await signedIn(committee.name);
    await cell(committeePage, '审查提案、交办承办部门').click();
    await visible(committeePage).locator('.proposal-card', { hasText: proposal.title }).click();
    await visible(committeePage).locator('.proposal-detail__title', { hasText: proposal.title }).waitFor();
    await button(committeePage, /^立案$/).click();
    await answerModal(committeePage, '立案', '立案');
    await status(committeePage).getByText('已立案待交办').waitFor();
    await status(committeePage).getByText('第 1 号').waitFor();
    await visible(committeePage).locator('.nut-cell', { hasText: '审查结果' }).getByText(new RegExp(`^立案（${committee.name}，`)).waitFor();
    await visible(committeePage).locator('.proposal-detail__title').evaluate((el) => el.closest('.card')!.scrollIntoView({ block: 'start' }));
    await still(committeePage, 'journey-12-proposal-accepted');
    const [storedProposal] = app.cloud.db.admin.find('proposals', { title: proposal.title });
    expect(storedProposal).toMatchObject({ status: 'accepted', number: 1 });
    expect(Object.keys(storedProposal.coSigners).sort()).toEqual([cosignerA.staffNo, cosignerB.staffNo].sort());

    // 7. The day before the vote closes, at 09:00 in Shanghai (reminders wait for it), the hourly
    // timer runs, and runs again. The clocks move there, whatever hour the run started at.
    const reasonsBefore = new Set(app.cloud.db.admin.find('messages', {}).map((m) => m._id as string));
    const outboxBefore = app.cloud.outbox().length;
    const dayBefore = shanghaiDayStart(storedVote.closesAt) - DAY;
    expect(dayBefore + 9 * HOUR).toBeGreaterThan(app.cloud.clock.now());
    await app.moveClockTo(dayBefore + 9 * HOUR);
    const first = await app.cloud.fireTrigger('reminders', 'hourly');
    const afterFirst = app.cloud.db.admin.find('messages', {}) as Message[];
    const outboxAfterFirst = app.cloud.outbox();
    const second = await app.cloud.fireTrigger('reminders', 'hourly');
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: true });

    // The run's reminders: the vote closing tomorrow among them, to every bound voter who has not voted.
    const fresh = afterFirst.filter((m) => !reasonsBefore.has(m._id));
    const voteReason = `vote-closing:${storedVote._id}`;
    const firstReport = first.report.reminders as Array<{ reason: string; recipients: number; created: number; wechat: number }>;
    expect(firstReport.map((r) => r.reason)).toContain(voteReason);
    const bound = (app.cloud.db.admin.find('members', {}) as Array<{ _id: string; openid?: string }>).filter((m) => m.openid).map((m) => m._id);
    const voteRecipients = fresh.filter((m) => m.reason === voteReason).map((m) => m.memberId);
    expect([...voteRecipients].sort()).toEqual(bound.filter((id) => id !== member.staffNo).sort());
    expect(voteRecipients).toContain(newcomer.staffNo);
    // Each reminder reached each member once…
    const byReason = new Map<string, string[]>();
    for (const m of fresh) byReason.set(m.reason, [...(byReason.get(m.reason) ?? []), m.memberId]);
    for (const r of firstReport) {
      const reached = byReason.get(r.reason) ?? [];
      expect(new Set(reached).size).toBe(reached.length);
      expect(reached).toHaveLength(r.created);
    }
    expect([...byReason.keys()].sort()).toEqual(firstReport.filter((r) => r.created > 0).map((r) => r.reason).sort());
    // …and by WeChat at most once: only those with a consent in hand, one message each.
    const sent = outboxAfterFirst.slice(outboxBefore);
    const sentKeys = sent.map((e) => `${e.touser} ${e.page} ${JSON.stringify(e.data)}`);
    expect(new Set(sentKeys).size).toBe(sentKeys.length);
    const newbieOpenid = app.cloud.db.admin.find('members', { _id: newcomer.staffNo })[0].openid;
    expect(sent.filter((e) => e.page === `packages/vote/ballot/index?id=${encodeURIComponent(storedVote._id)}`).map((e) => e.touser)).toEqual([newbieOpenid]);
    expect(fresh.find((m) => m.reason === voteReason && m.memberId === newcomer.staffNo)).toMatchObject({ delivery: 'sent' });
    // The second run: nothing new, nothing sent again.
    for (const r of second.report.reminders as Array<{ created: number; wechat: number }>) expect(r).toMatchObject({ created: 0, wechat: 0 });
    expect(app.cloud.db.admin.find('messages', {})).toHaveLength(afterFirst.length);
    expect(app.cloud.outbox()).toHaveLength(outboxAfterFirst.length);

    // The newcomer finds it in 消息, beside her move up from the waiting list (the notice came out before she bound).
    await home(newbie);
    await cell(newbie, '活动、投票和通知的提醒').getByText(/\d+ 条未读/).waitFor();
    await cell(newbie, '活动、投票和通知的提醒').click();
    const reminder = visible(newbie).locator('.message__item', { hasText: voteTitle });
    await reminder.getByText('投票将于明天 18:00 截止，你还没有投票。').waitFor();
    await reminder.getByText(/^投票截止提醒 · /).waitFor();
    await reminder.getByText('微信已提醒').waitFor();
    await reminder.getByText('未读').waitFor();
    await visible(newbie).locator('.message__item', { hasText: activity.title }).getByText(/^报名变动 · /).waitFor();
    await still(newbie, 'journey-13-messages');
  });
});
