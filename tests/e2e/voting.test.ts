import { demo } from '../cloud/support/harness';
import { voteDraft } from '../cloud/support/votes';
import { shot, signInAs, startApp, type E2eApp } from './support/app';
import type { BrowserContext, Page } from 'playwright-core';

jest.setTimeout(120000);

let app: E2eApp;
let voteId = '';
const title = '2026年度工会工作先进个人评选';
const maxPicks = 3;

// An in-service member with no roles, bound to WeChat; the candidates are six other in-service members.
const active = demo.members.filter((m) => m.status === 'active');
const voter = active.find((m) => m.openid && m.roles.length === 0)!;
const candidates = active.filter((m) => m !== voter && m.openid).slice(8, 14);
const picked = candidates.slice(0, maxPicks);
const oneTooMany = candidates[maxPicks];
const notPicked = candidates.slice(maxPicks);

beforeAll(async () => {
  app = await startApp();
  const chair = { openid: demo.openid(demo.chair.staffNo) };
  // A fresh secret election, so the test does not depend on the demo's ballots.
  const draft = voteDraft(
    app.cloud.clock.now(),
    {
      kind: 'election',
      candidates: candidates.map((m, i) => ({ id: `c${i + 1}`, name: m.name, memberId: m.staffNo, intro: `${m.groupName}，热心工会工作` })),
      minPicks: 1,
      maxPicks,
    },
    { title, description: `请从 ${candidates.length} 位候选人中选出不超过 ${maxPicks} 位。无记名投票，投票结束后公布结果。`, electorate: { statuses: ['active'] } },
  );
  const created = (await app.cloud.call('api', { action: 'vote.create', input: { draft } }, chair)).result;
  voteId = created.data._id;
  const published = (await app.cloud.call('api', { action: 'vote.publish', input: { voteId } }, chair)).result;
  expect(published).toMatchObject({ ok: true, data: { status: 'published' } });
});
afterAll(() => app?.stop());

const visible = (page: Page) => page.locator('.taro_page:visible');
const button = (page: Page, text: string | RegExp) => visible(page).locator('.nut-button', { hasText: text });
const row = (page: Page, name: string) => visible(page).locator('.choice-row', { hasText: name });

/** 首页 → 投票评议 → the vote, as a person would find it. */
async function openVoteFromHome(page: Page, onList?: () => Promise<void>) {
  await page.locator('.taro-tabbar__tabbar').getByText('首页').click();
  // The members' entry (organisers also have a 投票评议 tool, to start a vote).
  await visible(page).locator('.nut-cell', { hasText: '参加评选、民主评议和表决' }).click();
  const card = visible(page).locator('.vote-card', { hasText: title });
  await card.waitFor();
  if (onList) await onList();
  await card.click();
  await visible(page).locator('.ballot__title', { hasText: title }).waitFor();
}

let member: { context: BrowserContext; page: Page };
/** The same member's second tab, opened on the ballot before the first tab casts. */
let secondTab: Page;

describe('a secret election in the browser', () => {
  it('a member picks the most candidates allowed, is refused one more, confirms and has voted', async () => {
    member = await app.newPerson();
    const a = member.page;
    await signInAs(a, voter.name);
    await openVoteFromHome(a, async () => {
      const card = visible(a).locator('.vote-card', { hasText: title });
      await card.getByText('去投票').waitFor();
      await card.getByText('无记名').waitFor();
      await shot(a, 'vote-list');
    });

    // Before casting, the member also has the ballot open in another tab.
    secondTab = await member.context.newPage();
    secondTab.setDefaultTimeout(15000);
    await secondTab.goto(`/#/packages/vote/ballot/index?id=${encodeURIComponent(voteId)}`);
    await button(secondTab, /^投票$/).waitFor();
    // Back to the first tab (a tab in the background is throttled, as on a phone).
    await a.bringToFront();

    await visible(a).getByText(`请选择 1–${maxPicks} 人`).waitFor();
    await visible(a).getByText('无记名投票：系统只记录你已投票，不记录你投了谁').waitFor();
    for (const [i, candidate] of picked.entries()) {
      await row(a, candidate.name).click();
      await expect(row(a, candidate.name).getAttribute('aria-checked')).resolves.toBe('true');
      await visible(a).getByText(`已选 ${i + 1} 人`).waitFor();
    }
    // One more than allowed: refused with a hint, and the picks stay as they were.
    await row(a, oneTooMany.name).click();
    const refused = visible(a).locator('.ballot__refused');
    await refused.getByText(`最多只能选 ${maxPicks} 人，请先取消一位再选`).waitFor();
    expect(await row(a, oneTooMany.name).getAttribute('aria-checked')).toBe('false');
    await visible(a).getByText(`已选 ${maxPicks} 人`).waitFor();
    expect(await visible(a).locator('.choice-row--checked').count()).toBe(maxPicks);
    await refused.scrollIntoViewIfNeeded();
    await shot(a, 'vote-ballot-chosen');

    await button(a, /^投票$/).click();
    const modal = a.locator('.taro__modal');
    await modal.getByText('确认投票').waitFor();
    await modal.getByText(`你选择了 ${maxPicks} 人：${picked.map((m) => m.name).join('、')}。提交后不能修改。`).waitFor();
    await modal.getByText('提交', { exact: true }).click();

    await visible(a).locator('.ballot__voted', { hasText: '已投票' }).waitFor();
    await visible(a).getByText('你的选票已投入票箱，系统不记录你投了谁。').waitFor();
    await expect(button(a, /^投票$/).count()).resolves.toBe(0);
    await visible(a).getByText('投票结束后公布结果').first().waitFor();
    await shot(a, 'vote-voted');
  });

  it('casting again from the tab opened earlier is refused by the cloud, and the ballot counts once', async () => {
    const b = secondTab;
    await b.bringToFront();
    // This tab still shows the ballot as it was before the first tab cast.
    await row(b, notPicked[0].name).click();
    await visible(b).getByText('已选 1 人').waitFor();
    await button(b, /^投票$/).click();
    await b.locator('.taro__modal').getByText('提交', { exact: true }).click();
    // The refusal stays on screen, and the tab catches up: 已投票, with no ballot to cast again.
    await visible(b).locator('.inline-message', { hasText: '你已经投过票了，每人只能投一次' }).waitFor();
    await visible(b).locator('.ballot__voted', { hasText: '已投票' }).waitFor();
    expect(await button(b, /^投票$/).count()).toBe(0);
    await shot(b, 'vote-second-try-refused');

    const [stored] = app.cloud.db.admin.find('votes', { _id: voteId });
    expect(stored).toMatchObject({ turnout: 1, voterIds: [voter.staffNo] });
    expect(stored.tally).toEqual(Object.fromEntries(candidates.map((_, i) => [`c${i + 1}`, i < maxPicks ? 1 : 0])));

    // Reloaded, the second tab knows too.
    await b.reload();
    await visible(b).locator('.ballot__voted', { hasText: '已投票' }).waitFor();
    await b.close();
  });

  it('the chair sees the turnout and who has not voted, closes early, and the member sees the results', async () => {
    const electorate = active.length;
    const chair = (await app.newPerson()).page;
    await signInAs(chair, demo.chair.name);
    await openVoteFromHome(chair);
    await button(chair, '投票情况').click();

    const turnout = visible(chair).locator('.turnout');
    await turnout.locator('.turnout__title', { hasText: title }).waitFor();
    await turnout.getByText(`已投 1 / 应投 ${electorate}，投票率 ${Number(((1 / electorate) * 100).toFixed(1))}%`).waitFor();
    await turnout.getByText(`还没投票（${electorate - 1} 人）`).waitFor();
    await turnout.getByText('无记名投票：名单只显示谁还没投票，不显示任何人的选择。').waitFor();
    const nonVoters = turnout.locator('.turnout__list');
    // Everyone in service but the member who voted; the unbound are marked so they can be reminded.
    await nonVoters.locator('.turnout__name', { hasText: demo.chair.name }).waitFor();
    await expect(nonVoters.locator('.turnout__name', { hasText: voter.name }).count()).resolves.toBe(0);
    const unbound = active.filter((m) => !m.openid);
    await nonVoters.getByText(`其中 ${unbound.length} 人标着「未绑定」`).waitFor();
    await expect(nonVoters.locator('.turnout__person', { hasText: unbound[0].name }).getByText('未绑定').count()).resolves.toBe(1);
    await shot(chair, 'vote-turnout');

    await button(chair, '提前结束投票').click();
    const modal = chair.locator('.taro__modal');
    await modal.getByText('结束后大家就不能再投票了', { exact: false }).waitFor();
    await modal.getByText('结束投票', { exact: true }).click();
    await turnout.getByText('投票已结束。').waitFor();
    await turnout.getByText(/· 已结束$/).waitFor();
    await expect(button(chair, '提前结束投票').count()).resolves.toBe(0);
    expect(app.cloud.db.admin.find('votes', { _id: voteId })[0]).toMatchObject({ status: 'closed', turnout: 1 });

    // The member reloads the vote and sees the results: one ballot, a vote each for the three chosen.
    const a = member.page;
    await a.bringToFront();
    await a.reload();
    await visible(a).locator('.ballot__tags').getByText('已结束').waitFor();
    const results = visible(a).locator('.results');
    await results.getByText('共 1 张选票，百分比按选票数计算').waitFor();
    for (const candidate of picked) {
      await results.locator('.result-bar', { hasText: candidate.name }).getByText('1 票 · 100%').waitFor();
    }
    for (const candidate of notPicked) {
      await results.locator('.result-bar', { hasText: candidate.name }).getByText('0 票 · 0%').waitFor();
    }
    // Most votes first.
    const labels = await results.locator('.result-bar__label').allTextContents();
    expect(labels.slice(0, maxPicks).sort()).toEqual(picked.map((m) => m.name).sort());
    await visible(a).locator('.ballot__voted', { hasText: '已投票' }).waitFor();
    await results.scrollIntoViewIfNeeded();
    await shot(a, 'vote-results');
  });
});
