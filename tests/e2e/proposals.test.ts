import { demo } from '../cloud/support/harness';
import { shot, signInAs, startApp, type E2eApp } from './support/app';
import type { Locator, Page } from 'playwright-core';

jest.setTimeout(120000);

let app: E2eApp;
let sessionId = '';
const sessionName = '第十二届教代会第二次会议';
const title = '关于改善教工食堂午餐质量的提案';
const reasons = '教工食堂午餐菜品品种少、口味单一，高峰时段排队时间长，不少老师反映午休时间不够用。';
const measures = '增加每日菜品种类，开设面食窗口；错峰开餐，高三年级老师提前十分钟就餐。';
const firstReply = '总务处已与食堂承包方沟通，下月起每日增加两个菜品，并开设面食窗口。';
const secondReply = '经教工座谈后再次调整：已实行错峰开餐，高三老师十一时五十分起就餐，新增面食窗口已开放。';

// Delegates without roles: the proposer and the two co-signers. The committee member is on the
// proposal committee but is not the chair; the handler answers for 总务处 and is no delegate.
const delegates = demo.members.filter((m) => m.isDelegate && m.openid && m.roles.length === 0);
const [proposer, cosignerA, cosignerB] = delegates;
const committee = demo.members.find((m) => m.roles.includes('proposalCommittee') && !m.roles.includes('chair') && m.openid)!;
const handler = demo.members.find((m) => !m.isDelegate && m.openid && m.roles.length === 0 && m.department === '总务处')!;

beforeAll(async () => {
  app = await startApp();
  const chair = { openid: demo.openid(demo.chair.staffNo) };
  const now = app.cloud.clock.now();
  const day = 24 * 3600_000;
  const session = (
    await app.cloud.call('api', { action: 'congress.saveSession', input: { session: { name: sessionName, proposalOpensAt: now - day, proposalClosesAt: now + 14 * day, minCoSigners: 2 } } }, chair)
  ).result;
  expect(session).toMatchObject({ ok: true });
  sessionId = session.data._id;
  const department = (await app.cloud.call('api', { action: 'department.save', input: { department: { name: '总务处', handlerIds: [handler.staffNo] } } }, chair)).result;
  expect(department).toMatchObject({ ok: true, data: { handlers: [{ name: handler.name }] } });
});
afterAll(() => app?.stop());

const visible = (page: Page) => page.locator('.taro_page:visible');
const button = (page: Page, text: string | RegExp) => visible(page).locator('.nut-button', { hasText: text });
const status = (page: Page) => visible(page).locator('.proposal-detail__tags');
/** The native text box with this placeholder (Taro wraps it in an element carrying the placeholder too). */
const field = (page: Page, placeholder: string) => visible(page).locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`);
const historyEvent = (page: Page, text: string | RegExp) => visible(page).locator('.proposal-history__event', { hasText: text });

/** Taro.showModal in the browser: checks the question's title, then taps its confirm button. */
async function confirmModal(page: Page, heading: string, confirmText: string) {
  const modal = page.locator('.taro__modal');
  await modal.locator('.taro-modal__title', { hasText: heading }).waitFor();
  await modal.locator('.taro-model__confirm', { hasText: confirmText }).click();
  await modal.waitFor({ state: 'hidden' });
}

/** 首页 → 教代会提案 (the app opened afresh), on the box named, if not the first. */
async function openProposals(page: Page, box?: string) {
  await page.bringToFront();
  await page.goto('/');
  await page.locator('.taro-tabbar__tabbar').getByText('首页').click();
  await visible(page).locator('.nut-cell', { hasText: '起草、附议提案，跟进办理和答复' }).click();
  await visible(page).locator('.proposal-list__session', { hasText: sessionName }).waitFor();
  if (box) await visible(page).locator('.proposal-tabs__tab', { hasText: box }).click();
}

/** The proposal's card in the box shown, then its page. */
async function openCard(page: Page) {
  await visible(page).locator('.proposal-card', { hasText: title }).click();
  await visible(page).locator('.proposal-detail__title', { hasText: title }).waitFor();
}

/** Back to a proposal page left open a while ago: to the front, and pulled fresh. */
async function refresh(page: Page) {
  await page.bringToFront();
  await page.reload();
  await visible(page).locator('.proposal-detail__title', { hasText: title }).waitFor();
}

/** A screenshot once the toast that confirmed the last step has gone. */
async function still(page: Page, name: string) {
  // Taro's toast is a zero-sized wrapper around fixed boxes: gone when the wrapper is display: none.
  await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLElement>('.taro__toast')).every((el) => el.style.display === 'none'));
  await shot(page, name);
}

/** Where an element is once it has stopped moving (the date picker slides up). */
async function settledBox(locator: Locator) {
  let last = await locator.boundingBox();
  for (;;) {
    await locator.page().waitForTimeout(100);
    const box = await locator.boundingBox();
    if (box && last && box.x === last.x && box.y === last.y) return box;
    last = box;
  }
}

async function rate(page: Page, rating: '满意' | '不满意', round: number) {
  await visible(page).locator('.proposal-detail__lead', { hasText: `评价第 ${round} 轮答复` }).waitFor();
  await button(page, new RegExp(`^${rating}$`)).click();
  await confirmModal(page, '评价答复', '提交评价');
}

async function reply(page: Page, text: string, round: number) {
  await visible(page).locator('.proposal-detail__lead', { hasText: `第 ${round} 轮答复（总务处主办）` }).waitFor();
  await field(page, '答复内容：办理情况、采取的措施和结果（10–3000 字）').fill(text);
  await visible(page).getByText(`${text.length}/3000`).waitFor();
  await button(page, '提交答复').click();
  await confirmModal(page, '提交答复', '提交');
  await status(page).getByText('已答复待评价').waitFor();
}

let proposerPage: Page;
let cosignerPages: Page[] = [];
let committeePage: Page;

describe('a staff-congress proposal from draft to 办结, in the browser', () => {
  it('a delegate drafts a proposal and invites two delegates to co-sign', async () => {
    const page = (proposerPage = (await app.newPerson()).page);
    await signInAs(page, proposer.name);
    await openProposals(page);
    await visible(page).getByText('征集中').waitFor();
    await button(page, '起草提案').click();

    await visible(page).getByText('一事一案').waitFor();
    await field(page, '案由：一句话说明提什么，例如 关于增设教工午休室的提案').fill(title);
    await field(page, '案据：为什么提，现状和存在的问题、依据').fill(reasons);
    await field(page, '建议措施：具体、可行的解决办法').fill(measures);
    await visible(page).locator('.nut-radio', { hasText: '后勤保障' }).click();
    await visible(page).getByText(`${title.length}/60`).waitFor();
    // The five categories wrap on a phone: the form does not scroll sideways.
    expect(await visible(page).last().evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await shot(page, 'proposal-draft-form');
    await button(page, '保存草稿').click();

    // Saved: the proposal's own page takes over.
    await visible(page).locator('.proposal-detail__title', { hasText: title }).waitFor();
    await status(page).getByText('草稿').waitFor();
    await status(page).getByText('后勤保障').waitFor();
    await visible(page).getByText(reasons).waitFor();
    await visible(page).locator('.proposal-detail__blocker', { hasText: '暂时不能提交：请先邀请附议人' }).waitFor();

    await button(page, '邀请附议').click();
    const invite = visible(page).locator('.proposal-invite');
    for (const delegate of [cosignerA, cosignerB]) await invite.locator(`.check-row[aria-label="${delegate.name}"]`).click();
    await button(page, '发送邀请（2 人）').click();

    await status(page).getByText('征集附议中').waitFor();
    await visible(page).locator('.proposal-detail__blocker', { hasText: '暂时不能提交：还需 2 位代表附议' }).waitFor();
    expect(await button(page, /^提交$/).getAttribute('class')).toContain('nut-button-disabled');
    await visible(page).getByText('已附议 0 人，提交前需要至少 2 人').waitFor();
    for (const delegate of [cosignerA, cosignerB]) await visible(page).locator(`.proposal-detail__cosigner[aria-label="${delegate.name} 待回复"]`).waitFor();
    await historyEvent(page, /邀请附议：/).waitFor();
    await visible(page).locator('.proposal-detail__cosigners').scrollIntoViewIfNeeded();
    await still(page, 'proposal-seeking-cosigners');
  });

  it('both delegates find it in 待我附议 and co-sign; the proposer submits it', async () => {
    for (const delegate of [cosignerA, cosignerB]) {
      const page = (await app.newPerson()).page;
      cosignerPages.push(page);
      await signInAs(page, delegate.name);
      await openProposals(page, '待我附议');
      await openCard(page);
      await visible(page).getByText(`${proposer.name} 邀请你附议这份提案`).waitFor();
      await button(page, /^附议$/).click();
      await confirmModal(page, '附议提案', '附议');
      await visible(page).locator(`.proposal-detail__cosigner[aria-label="${delegate.name} 已附议"]`).waitFor();
      expect(await button(page, /^附议$/).count()).toBe(0);
    }

    const page = proposerPage;
    await refresh(page);
    await visible(page).getByText('已附议 2 人，提交前需要至少 2 人').waitFor();
    expect(await visible(page).locator('.proposal-detail__blocker').count()).toBe(0);
    await button(page, /^提交$/).click();
    await confirmModal(page, '提交提案', '提交');
    await status(page).getByText('待审查').waitFor();
    await visible(page).getByText('已提交，等待提案工作委员会审查。').waitFor();
    expect(await button(page, /^提交$/).count()).toBe(0);
  });

  it('a member of the proposal committee accepts it (立案) and assigns it to 总务处 with a deadline', async () => {
    const page = (committeePage = (await app.newPerson()).page);
    await signInAs(page, committee.name);
    // The committee's box: 首页 → 提案工作.
    await page.locator('.taro-tabbar__tabbar').getByText('首页').click();
    await visible(page).locator('.nut-cell', { hasText: '审查提案、交办承办部门' }).click();
    await visible(page).locator('.proposal-tabs__tab--active', { hasText: '提案审查' }).waitFor();
    const card = visible(page).locator('.proposal-card', { hasText: title });
    await card.getByText('待审查').waitFor();
    await card.getByText(`提案人 ${proposer.name}`).waitFor();
    await card.getByText('附议 2 人').waitFor();
    await openCard(page);

    const triage = visible(page).locator('.proposal-detail__actions').filter({ hasText: '提案审查' });
    await triage.getByText('请审查这份提案：符合要求的立案；不立案、转为意见建议或并案时，请写明理由。').waitFor();
    for (const choice of ['不予立案', '转为意见建议', '并案']) await triage.locator('.nut-button', { hasText: choice }).waitFor();
    await triage.scrollIntoViewIfNeeded();
    await shot(page, 'proposal-committee-triage');
    await button(page, /^立案$/).click();
    await confirmModal(page, '立案', '立案');
    await status(page).getByText('已立案待交办').waitFor();
    await status(page).getByText('第 1 号').waitFor();

    // 交办: 总务处 leads, the reply due a year from today (the date picker's year moved on by one).
    await visible(page).locator('.proposal-detail__lead', { hasText: '交办承办部门' }).waitFor();
    await visible(page).locator('.check-row[aria-label="主办 总务处"]').click();
    await visible(page).locator('.proposal-detail__pick', { hasText: '选择日期' }).click();
    // Taro's date picker slides up from the bottom of the screen (its overlay is moved to <body>).
    const picker = page.locator('.weui-picker:visible');
    await picker.waitFor();
    const years = picker.locator('.weui-picker__group').first().locator('.weui-picker__mask');
    const box = await settledBox(years);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y - 17, { steps: 3 });
    await page.mouse.move(x, y - 34, { steps: 3 });
    await page.mouse.up();
    await picker.locator('.weui-picker__action', { hasText: '确定' }).click();
    const nextYear = new Date(app.cloud.clock.now() + 8 * 3600_000).getUTCFullYear() + 1;
    await visible(page).locator('.proposal-detail__pick', { hasText: new RegExp(`^${nextYear}年\\d+月\\d+日$`) }).waitFor();
    await visible(page).locator('.proposal-detail__actions').filter({ hasText: '交办承办部门' }).scrollIntoViewIfNeeded();
    await still(page, 'proposal-committee-assign');
    await button(page, '确认交办').click();

    await status(page).getByText('办理中').waitFor();
    await visible(page).locator('.nut-cell', { hasText: '主办部门' }).getByText('总务处').waitFor();
    await visible(page).locator('.nut-cell', { hasText: '答复期限' }).getByText(new RegExp(`^${nextYear}年`)).waitFor();
    await visible(page).locator('.nut-cell', { hasText: '审查结果' }).getByText(new RegExp(`^立案（${committee.name}，`)).waitFor();
    await historyEvent(page, '交办：主办 总务处').waitFor();
    await button(page, '重新交办').waitFor();
  });

  it('the handler of 总务处 replies; the proposer is not satisfied and it comes back for a second round', async () => {
    const page = (await app.newPerson()).page;
    await signInAs(page, handler.name);
    await openProposals(page, '承办答复');
    const card = visible(page).locator('.proposal-card', { hasText: title });
    await card.getByText('办理中').waitFor();
    await card.getByText(/^主办 总务处 · 答复期限 /).waitFor();
    await openCard(page);
    await reply(page, firstReply, 1);
    const round = visible(page).locator('.proposal-detail__round[aria-label="第 1 轮答复"]');
    await round.getByText(firstReply).waitFor();
    await round.getByText(new RegExp(`^总务处 · ${handler.name} · `)).waitFor();
    await round.scrollIntoViewIfNeeded();
    await still(page, 'proposal-handler-reply');

    await refresh(proposerPage);
    await status(proposerPage).getByText('已答复待评价').waitFor();
    await visible(proposerPage).getByText(firstReply).waitFor();
    await visible(proposerPage).getByText('已评价 0/3 人').waitFor();
    await rate(proposerPage, '不满意', 1);
    await status(proposerPage).getByText('办理中').waitFor();
    await visible(proposerPage).getByText('有代表对上一轮答复不满意，承办部门正在重新办理（第 2 轮）。').waitFor();
    await visible(proposerPage).getByText(`评价：${proposer.name}：不满意`).waitFor();

    await refresh(page);
    await visible(page).getByText('有代表对上一轮答复不满意，请重新办理后再次答复。').waitFor();
    await reply(page, secondReply, 2);
    await visible(page).locator('.proposal-detail__round[aria-label="第 2 轮答复"]').getByText(secondReply).waitFor();
  });

  it('both co-signers and the proposer are satisfied: 已办结, with every step in 办理过程', async () => {
    for (const cosigner of cosignerPages) {
      await refresh(cosigner);
      await rate(cosigner, '满意', 2);
      await status(cosigner).getByText('已答复待评价').waitFor();
    }
    const page = proposerPage;
    await refresh(page);
    await visible(page).getByText('已评价 2/3 人').waitFor();
    await rate(page, '满意', 2);
    await status(page).getByText('已办结').waitFor();
    await visible(page).getByText('提案已办结。').waitFor();
    await visible(page).getByText(`评价：${cosignerA.name}：满意；${cosignerB.name}：满意；${proposer.name}：满意`).waitFor();
    expect(await visible(page).locator('.proposal-detail__actions').count()).toBe(0);

    const events = [
      `${proposer.name} · 起草提案`,
      `${proposer.name} · 邀请附议：`,
      `${cosignerA.name} · 附议`,
      `${cosignerB.name} · 附议`,
      `${proposer.name} · 提交提案`,
      `${committee.name} · 立案，编为第 1 号`,
      `${committee.name} · 交办：主办 总务处`,
      `${handler.name} · 总务处答复（第 1 轮）`,
      `${proposer.name} · 评价第 1 轮答复：不满意`,
      '系统 · 有代表对答复不满意，退回承办部门重新办理',
      `${handler.name} · 总务处答复（第 2 轮）`,
      `${cosignerA.name} · 评价第 2 轮答复：满意`,
      `${cosignerB.name} · 评价第 2 轮答复：满意`,
      `${proposer.name} · 评价第 2 轮答复：满意`,
      '系统 · 全部评价完成，提案办结',
    ];
    const lines = await visible(page).locator('.proposal-history__event').allTextContents();
    expect(lines).toHaveLength(events.length);
    events.forEach((event, i) => expect(lines[i]).toContain(event));
    await visible(page).locator('.proposal-history__note', { hasText: `备注：答复期限 ` }).waitFor();
    await visible(page).locator('.proposal-history').scrollIntoViewIfNeeded();
    await still(page, 'proposal-closed-history');

    const [stored] = app.cloud.db.admin.find('proposals', { title });
    expect(stored).toMatchObject({ status: 'closed', round: 2, number: 1, sessionId, assignment: { leadName: '总务处' } });
    expect(stored.replies).toHaveLength(2);
    expect(stored.replies.map((r: { text: string }) => r.text)).toEqual([firstReply, secondReply]);
  });

  it('the committee member reads the session’s report: the proposal, 总务处 and the satisfaction', async () => {
    const page = committeePage;
    await page.bringToFront();
    await page.goto('/');
    await visible(page).locator('.nut-cell', { hasText: '审查提案、交办承办部门' }).click();
    await visible(page).locator('.proposal-card', { hasText: title }).getByText('已办结').waitFor();
    await visible(page).getByRole('link', { name: '提案办理情况报告' }).click();

    const item = visible(page).locator(`.admin__card[aria-label="${title}"]`);
    await item.waitFor();
    await visible(page).locator('.report__pick', { hasText: sessionName }).waitFor();
    await visible(page).getByText('共收到提案 1 份，立案 1 份').waitFor();
    await visible(page).locator('.report__row', { hasText: '已办结' }).getByText('1 份').waitFor();
    await item.getByText(`第1号 ${title}`).waitFor();
    await item.getByText(`提案人：${proposer.name} · 后勤保障 · 已办结`).waitFor();
    await item.getByText('主办：总务处').waitFor();
    await item.getByText(`答复：${secondReply}`).waitFor();
    await item.getByText('评价：满意 3 · 基本满意 0 · 不满意 0').waitFor();
    await still(page, 'proposal-report');
  });
});
