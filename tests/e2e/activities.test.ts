import { activityDraft, demo } from '../cloud/support/harness';
import { pageAt, shot, signInAs, startApp, type E2eApp } from './support/app';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';

jest.setTimeout(120000);

let app: E2eApp;
let activityId = '';
const title = '教工父母一日游';

beforeAll(async () => {
  app = await startApp();
  const chair = { openid: demo.openid(demo.chair.staffNo) };
  const draft = activityDraft(app.cloud.clock.now(), {
    title,
    category: 'outing',
    place: '五桂山',
    capacity: 2,
    companionsMax: 1,
    choices: [{ id: 'pickup', kind: 'single', label: '上车地点', required: true, options: [{ id: 'east', label: '东门' }, { id: 'west', label: '西门' }] }],
  });
  const created = (await app.cloud.call('api', { action: 'activity.create', input: { draft } }, chair)).result;
  activityId = created.data._id;
  await app.cloud.call('api', { action: 'activity.publish', input: { activityId } }, chair);
});
afterAll(() => app?.stop());

/** The activity's own page. */
const onActivity = (page: Page) => pageAt(page, '/pages/activity/index');
const visible = (page: Page) => page.locator('.taro_page:visible');

/**
 * Opens the activity from the 活动 tab, as a member would. The test activity starts in 8 days,
 * often this month, so 首页 (still shown for a moment after the tap) lists it too: look in 活动.
 */
async function openActivity(page: Page) {
  await page.locator('.taro-tabbar__tabbar').getByText('活动').click();
  await pageAt(page, '/pages/activities/index').getByText(title).first().click();
  await onActivity(page).locator('.activity__signup').waitFor();
}

it('a member signs up with a companion and a choice; the next is waitlisted, then promoted when the first cancels', async () => {
  const [first, second] = demo.members.filter((m) => m.openid && m.status === 'active' && m.roles.length === 0);

  const a = (await app.newPerson()).page;
  await signInAs(a, first.name);
  await openActivity(a);
  await onActivity(a).getByText('西门').click();
  await onActivity(a).locator('.nut-inputnumber-add').click();
  await onActivity(a).locator('.nut-button', { hasText: /^报名$/ }).click();
  // On the same tap the app asks for a reminder subscription (WeChat's sheet; in a browser, a modal).
  await a.locator('.taro__modal').getByText('是否接收活动提醒？').waitFor();
  await a.locator('.taro__modal').getByText('接收', { exact: true }).click();
  await onActivity(a).getByText('已报名').first().waitFor();
  await onActivity(a).getByText('上车地点：西门').waitFor();
  await shot(a, 'activity-signed-up');

  const b = (await app.newPerson()).page;
  await signInAs(b, second.name);
  await openActivity(b);
  await onActivity(b).getByText('东门').click();
  await onActivity(b).locator('.nut-button', { hasText: /^报名$/ }).click();
  await b.locator('.taro__modal').getByText('不用了').click();
  await onActivity(b).getByText('候补第 1 位').first().waitFor();
  await shot(b, 'activity-waitlisted');

  a.on('dialog', (dialog) => void dialog.accept());
  await onActivity(a).locator('.nut-button', { hasText: '取消报名' }).click();
  // Taro's H5 showModal: confirm in its own dialog.
  await a.locator('.taro__modal').getByText('取消报名').last().click();
  await onActivity(a).getByText('你已取消过报名。').waitFor();

  await b.reload();
  await onActivity(b).locator('.activity__standing').getByText('已报名').waitFor();
  await shot(b, 'activity-promoted');

  const stored = app.cloud.db.admin.find('activities', { _id: activityId })[0];
  expect(stored).toMatchObject({ taken: 1, waiting: 0 });
  // The consent ledger knows the first may be sent one reminder, the second none.
  const ledger = app.cloud.db.admin.find('subscriptions', {});
  expect(ledger.find((row) => row._id.startsWith(demo.openid(first.staffNo)))).toMatchObject({ credits: 1 });
  expect(ledger.find((row) => row._id.startsWith(demo.openid(second.staffNo)))).toMatchObject({ credits: 0 });
});

it('the organiser sees who is coming, with choices as labels, and exports the list to Excel', async () => {
  const page = (await app.newPerson()).page;
  await signInAs(page, demo.chair.name);
  await page.goto(`/#/packages/organiser/participants/index?id=${activityId}`);
  const second = demo.members.filter((m) => m.openid && m.status === 'active' && m.roles.length === 0)[1];
  await visible(page).getByText(second.name).waitFor();
  await visible(page).getByText('东门').first().waitFor();
  await shot(page, 'activity-participants');

  const download = page.waitForEvent('download');
  await visible(page).locator('.nut-button', { hasText: '导出名单' }).click();
  const file = await (await download).path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet('报名名单')!;
  const rows = sheet.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).filter((cell) => cell !== undefined && cell !== null).map(String));
  expect(rows.some((row) => row.includes(second.name) && row.includes('东门'))).toBe(true);
  await visible(page).getByText(/已导出「.*\.xlsx」/).waitFor();
});
