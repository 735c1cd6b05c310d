/**
 * The suggestion box in the browser (H5 + local cloud): a member sends an anonymous suggestion
 * and follows it from 我的建议 — the phone keeps the credential in the browser's storage, and
 * nothing stored names the member. Before the fix, 匿名 always failed here with
 * 这台手机没能保存匿名凭据 (the store could not write to the H5 storage at all).
 */
import { demo } from '../cloud/support/harness';
import { pageAt, shot, signInAs, startApp, type E2eApp } from './support/app';

jest.setTimeout(120000);

let app: E2eApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const TITLE = '建议图书馆周末开放';
const BODY = '希望周末也能借书，方便老师备课。';

it('a member sends an anonymous suggestion, follows it from 我的建议, and sees the reply there', async () => {
  const member = demo.plain;
  const { page } = await app.newPerson();
  await signInAs(page, member.name);
  await page.getByText(new RegExp(`^${member.name}，`)).waitFor();
  await pageAt(page, '/pages/index/index').locator('.nut-cell', { hasText: '意见箱' }).click();
  await pageAt(page, '/packages/suggestion/mine/index').locator('.nut-button', { hasText: '写建议' }).click();
  await page.locator('input[placeholder^="标题"]').fill(TITLE);
  await page.locator('textarea[placeholder^="写下你的建议"]').fill(BODY);
  await page.locator('.nut-switch[aria-label="匿名"]').click();
  await page.getByText('换手机或清除微信数据后').waitFor();
  await page.locator('.nut-button', { hasText: '提交建议' }).click();
  await page.getByText('这是一条匿名建议').waitFor();
  await shot(page, 'suggestion-anonymous-sent');
  await expect(page.getByText('这台手机没能保存匿名凭据').count()).resolves.toBe(0);

  // The browser keeps the credential under the app's key; the record keeps no trace of the member.
  const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('suggestion.ownerTokens') ?? 'null') as { data: Array<{ token: string; id?: string }> } | null);
  expect(kept?.data).toHaveLength(1);
  const [stored] = app.cloud.db.admin.find('suggestions', { title: TITLE }) as Array<Record<string, unknown>>;
  expect(stored).toMatchObject({ anonymous: true, body: BODY });
  expect(kept?.data[0].id).toBe(stored._id);
  expect(JSON.stringify(stored)).not.toContain(member.staffNo);
  expect(JSON.stringify(stored)).not.toContain(member.name);

  // 我的建议 finds it by the kept credential.
  await page.getByText('我的建议 ›').click();
  const mine = pageAt(page, '/packages/suggestion/mine/index');
  await mine.getByText(TITLE).waitFor();
  await shot(page, 'suggestion-anonymous-mine');

  // The committee replies; the sender sees the reply on the suggestion.
  const replier = demo.openid(demo.committee.staffNo);
  const { result } = await app.cloud.call('api', { action: 'suggestion.reply', input: { suggestionId: stored._id, text: '已请图书馆安排周六上午开放。' } }, { openid: replier });
  expect(result).toMatchObject({ ok: true });
  await page.reload();
  await pageAt(page, '/packages/suggestion/mine/index').getByText(TITLE).click();
  const detail = pageAt(page, '/packages/suggestion/detail/index');
  await detail.getByText('已请图书馆安排周六上午开放。').waitFor();
  await detail.getByText(BODY).waitFor();
  await shot(page, 'suggestion-anonymous-replied');
});
