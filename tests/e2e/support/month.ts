/**
 * Steps shared by the notices-and-plan test and the journey: locators scoped to the page on show,
 * the seed's plan 1 as the chair pastes it, importing it, and publishing a notice.
 */
import type { Locator, Page } from 'playwright-core';
import { shot } from './app';
export { seedPlan } from '../../fixtures/seed-plans';
import { seedPlan } from '../../fixtures/seed-plans';

/** The page on show (Taro keeps the pages below it in the DOM, hidden). */
export const visible = (page: Page): Locator => page.locator('.taro_page:visible');
export const button = (page: Page, text: string | RegExp): Locator => visible(page).locator('.nut-button', { hasText: text });
/** The native text box with this placeholder (Taro wraps it in an element carrying the placeholder too). */
export const field = (page: Page, placeholder: string): Locator =>
  visible(page).locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`);
/** A cell on 首页 (or any list of cells), by the words it shows. */
export const cell = (page: Page, text: string | RegExp): Locator => visible(page).locator('.nut-cell', { hasText: text });

/** A screenshot once the toast that confirmed the last step has gone. */
export async function still(page: Page, name: string): Promise<void> {
  // Taro's toast is a zero-sized wrapper around fixed boxes: gone when the wrapper is display: none.
  await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLElement>('.taro__toast')).every((el) => el.style.display === 'none'));
  await shot(page, name);
}

/**
 * A text box holds all its lines: the textarea ends inside the NutUI box drawn around it, so
 * nothing of a long text is drawn over what comes after (see app.scss).
 */
export async function expectTextWithinItsBox(textarea: Locator): Promise<void> {
  const [inner, outer] = await textarea.evaluate((el) => {
    const box = el.closest('.nut-textarea')!;
    return [el.getBoundingClientRect().bottom, box.getBoundingClientRect().bottom];
  });
  expect(inner).toBeLessThanOrEqual(outer);
}


/** Plan 1 as the parser reads it: months and their item counts (see tests/unit/plan-parser.test.ts). */
export const PLAN_1_SHAPE: Array<[number, number]> = [[1, 4], [2, 7], [3, 8], [4, 5], [5, 4], [6, 4], [7, 3], [9, 6], [10, 8], [11, 5], [12, 5]];

/** The year and month of `now` (the cloud's clock) in Shanghai, as the app counts them. */
export function shanghaiNow(now: number): { year: number; month: number } {
  const d = new Date(now + 8 * 3600_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

/** The chair's home page → 工作计划. */
export async function openPlanImport(page: Page): Promise<void> {
  await cell(page, '导入年度工作计划，生成活动、投票和通知').click();
  await visible(page).getByText('把工会的年度工作计划粘贴到下面').waitFor();
}

/**
 * On the import page: pastes plan 1, taps 识别, checks the preview (11 months, 1月 with its 4
 * items), screenshots it, and saves it for this year (of `now`, the cloud's clock). Ends on the
 * year's plan page.
 */
export async function importPlan1(page: Page, screenshot: string, now: number): Promise<void> {
  const { year } = shanghaiNow(now);
  const text = seedPlan(1);
  // page.fill sets the box's value in one go and fires input, as a paste does.
  const paste = visible(page).locator('.plan__paste textarea');
  await paste.fill(text);
  await expectTextWithinItsBox(paste);
  await button(page, /^识别$/).click();

  const items = PLAN_1_SHAPE.reduce((n, [, count]) => n + count, 0);
  await visible(page).locator('.plan__summary', { hasText: `共 ${PLAN_1_SHAPE.length} 个月、${items} 条工作。` }).waitFor();
  const months = visible(page).locator('.plan__month');
  expect(await months.count()).toBe(PLAN_1_SHAPE.length);
  const january = visible(page).locator(`.plan__month[aria-label="${year}年1月"]`);
  await january.locator('.plan__month-title', { hasText: `${year}年1月` }).waitFor();
  expect(await january.locator('.plan__item').count()).toBe(4);
  await january.getByText('1. 制定好新年工会活动计划。').waitFor();
  await january.getByText('4. 春节期间慰问离退休教职工,走访慰问生病住院的职工。').waitFor();
  // No 八月 in plan 1: 七月 is followed by 九月.
  expect(await months.locator('.plan__month-title').allTextContents()).toEqual(PLAN_1_SHAPE.map(([m]) => `${year}年${m}月`));
  // Nothing to check twice in this plan.
  expect(await visible(page).locator('.plan__warnings').count()).toBe(0);
  await visible(page).locator('.plan__pick', { hasText: `${year}年` }).first().waitFor();
  expect(await visible(page).locator('.plan__input input').inputValue()).toBe(`${year}年工会工作计划`);
  await still(page, screenshot);

  await button(page, '保存计划').click();
  // Saved: the year's plan opens.
  await visible(page).locator('.plan__title', { hasText: `${year}年工会工作计划` }).waitFor();
  await visible(page).locator(`.plan__month[aria-label="${year}年12月"]`).getByText('1. 搞好年终总结工作,评选20xx年工会活动积极分子。').waitFor();
}

/** The stored plan's items of a month (the cloud's copy, as 首页 will show them). */
export function planItemsOf(plans: Array<{ months: Array<{ year: number; month: number; items: Array<{ text: string }> }> }>, year: number, month: number): string[] {
  return plans.flatMap((p) => p.months.filter((m) => m.year === year && m.month === month)).flatMap((m) => m.items.map((i) => i.text));
}

/**
 * 首页's month: moves with the MonthSwitcher from this month to the nearest month (this one first,
 * then later ones, then earlier ones: just after New Year the plan saved is last year's) whose plan
 * has items, and checks they are all shown. Returns the month shown. `now`: the cloud's clock.
 */
export async function showMonthWithPlan(page: Page, itemsOf: (year: number, month: number) => string[], now: number): Promise<{ year: number; month: number; items: string[] }> {
  const start = shanghaiNow(now);
  const monthAt = (offset: number) => {
    const index = start.year * 12 + (start.month - 1) + offset;
    return { year: Math.floor(index / 12), month: (index % 12) + 1 };
  };
  const offsets = [0, ...Array.from({ length: 12 }, (_, i) => i + 1), ...Array.from({ length: 12 }, (_, i) => -(i + 1))];
  const offset = offsets.find((o) => itemsOf(monthAt(o).year, monthAt(o).month).length > 0);
  if (offset === undefined) throw new Error('no month of the plan within a year of now has items');
  const arrow = visible(page).locator(`.month-switcher__arrow[aria-label="${offset > 0 ? '下个月' : '上个月'}"]`);
  for (let step = 1; step <= Math.abs(offset); step++) {
    await arrow.click();
    const { year, month } = monthAt(Math.sign(offset) * step);
    await visible(page).locator('.month-switcher__label', { hasText: `${year}年${month}月` }).waitFor();
  }
  const { year, month } = monthAt(offset);
  const items = itemsOf(year, month);
  const title = visible(page).locator('.section-title', { hasText: /^(本月|\d+月)工作计划$/ });
  await title.waitFor();
  for (const text of items) await cell(page, text).waitFor();
  return { year, month, items };
}

export interface NoticeText {
  title: string;
  body: string;
}

/**
 * The chair's home page → 发布通知: title, body, audience 全体会员, screenshot, 保存并发布. Ends on
 * the notice's own page.
 */
export async function publishNotice(page: Page, notice: NoticeText, screenshot: string): Promise<void> {
  await cell(page, '给全体或部分会员发通知，查看谁已读').click();
  await field(page, '标题，例如 关于开展2026年教职工体检的通知').fill(notice.title);
  const body = field(page, '正文：写清楚时间、地点、要做什么、找谁咨询');
  await body.fill(notice.body);
  await expectTextWithinItsBox(body);
  await visible(page).locator('.nut-radio', { hasText: '全体会员' }).click();
  await visible(page).locator('.nut-radio', { hasText: '立即发布' }).click();
  await visible(page).locator('.section-title', { hasText: '内容' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await still(page, screenshot);
  await button(page, '保存并发布').click();
  await visible(page).locator('.notice-detail__title', { hasText: notice.title }).waitFor();
  await visible(page).getByText('通知已经发布，不能再修改；如需更正请另发一条。').waitFor();
}
