/**
 * The annual plan and a notice in the browser: the chair pastes plan 1, checks the preview and
 * saves it; 首页 shows the month's plan items. The chair publishes a notice to everyone; a member
 * finds it unread on 首页 and reads it; the chair sees 已读 1 on 阅读情况.
 */
import type { Page } from 'playwright-core';
import { demo } from '../cloud/support/harness';
import { signInAs, startApp, type E2eApp } from './support/app';
import { button, cell, importPlan1, openPlanImport, planItemsOf, publishNotice, showMonthWithPlan, still, visible } from './support/month';

jest.setTimeout(120000);

let app: E2eApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const notice = {
  title: '关于开展教职工冬季健步走活动的通知',
  body: '各工会小组：\n为丰富教职工业余生活，工会定于下周六上午在学校田径场举行冬季健步走活动。\n请各小组长于本周五前把参加人数报工会办公室。',
};
// An in-service member without roles, bound to WeChat.
const member = demo.members.find((m) => m.openid && m.status === 'active' && m.roles.length === 0)!;

let chair: Page;

describe('the annual plan and a notice, in the browser', () => {
  it('the chair pastes plan 1, sees 11 months in the preview, saves it, and 首页 shows the month’s plan', async () => {
    chair = (await app.newPerson()).page;
    await signInAs(chair, demo.chair.name);
    await visible(chair).getByText('工会工作').waitFor();
    await openPlanImport(chair);
    await importPlan1(chair, 'plan-preview', app.cloud.clock.now());

    const plans = app.cloud.db.admin.find('plans', {});
    expect(plans).toHaveLength(1);
    await chair.goto('/');
    const shown = await showMonthWithPlan(chair, (year, month) => planItemsOf(plans, year, month), app.cloud.clock.now());
    expect(shown.items.length).toBeGreaterThan(0);
    await visible(chair).locator('.section-title', { hasText: /工作计划$/ }).scrollIntoViewIfNeeded();
    await still(chair, 'home-month-plan');
  });

  it('the chair publishes a notice to everyone', async () => {
    await chair.goto('/');
    await publishNotice(chair, notice, 'notice-form');
    const [stored] = app.cloud.db.admin.find('notices', { title: notice.title });
    expect(stored).toMatchObject({ status: 'published', everyone: true, body: notice.body });
  });

  it('a member sees it unread on 首页, opens and reads it; it is read in 通知公告 too', async () => {
    const page = (await app.newPerson()).page;
    await signInAs(page, member.name);
    // 首页's 通知: the notice with its unread dot.
    const entry = cell(page, notice.title);
    await entry.locator('.home__dot[aria-label="未读"]').waitFor();
    await entry.scrollIntoViewIfNeeded();
    await still(page, 'notice-unread-on-home');
    await entry.click();
    await visible(page).locator('.notice-detail__title', { hasText: notice.title }).waitFor();
    await visible(page).getByText('为丰富教职工业余生活').waitFor();
    await visible(page).locator('.notice-detail__meta').getByText(demo.chair.name).waitFor();
    // A member has no tools on a notice.
    expect(await visible(page).getByText('通知管理').count()).toBe(0);
    await still(page, 'notice-member-reads');
    expect(app.cloud.db.admin.find('noticeReads', {}).filter((r) => r.memberId === member.staffNo)).toHaveLength(1);

    // 通知公告: the notice without its unread mark.
    await page.goto('/');
    await visible(page).locator('.nut-cell', { hasText: '工会的通知、校务公开和经费公开' }).click();
    const card = visible(page).locator('.notice-card', { hasText: notice.title });
    await card.waitFor();
    expect(await card.getAttribute('class')).not.toContain('notice-card--unread');
    await expect(card.locator('.notice-card__dot').count()).resolves.toBe(0);
  });

  it('the chair opens 阅读情况: the member’s read is counted (已读 2 with the chair’s own) and no longer among 还没读', async () => {
    const everyone = app.cloud.db.admin.find('members', {}).length;
    // The chair is in the audience too, and read it on the page 保存并发布 opened: the member is the other read.
    const [stored] = app.cloud.db.admin.find('notices', { title: notice.title });
    const readers = app.cloud.db.admin.find('noticeReads', { noticeId: stored._id }).map((r) => r.memberId).sort();
    expect(readers).toEqual([demo.chair.staffNo, member.staffNo].sort());
    await chair.bringToFront();
    await chair.reload();
    await button(chair, '阅读情况').click();
    const head = visible(chair).locator('.readers__head');
    await head.locator('.readers__title', { hasText: notice.title }).waitFor();
    await head.getByText(`已读 2 / 应读 ${everyone}（${Math.round((2 / everyone) * 100)}%）`).waitFor();
    await visible(chair).locator('.section-title', { hasText: `还没读（${everyone - 2} 人）` }).waitFor();
    const unread = visible(chair).locator('.readers__list');
    await unread.locator('.readers__group', { hasText: member.groupName }).waitFor();
    expect(await unread.locator('.readers__name', { hasText: member.name }).count()).toBe(0);
    expect(await unread.locator('.readers__name', { hasText: demo.chair.name }).count()).toBe(0);
    await still(chair, 'notice-readers');
  });
});
