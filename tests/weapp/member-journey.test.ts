/**
 * A member's month on the weapp build: sign up for the film night with a showing and one family
 * member, cancel, vote in the activists' election, read the chair's notice, and send a named and
 * an anonymous suggestion, each checked on screen and in the local cloud's records.
 */
import { act, CHAIR, MEMBER } from './support/fixtures';
import { demoOpenid, startWeappWorld, type WeappWorld } from './support/weapp-app';
import type { Phone } from './stand-in/phone';
import { textOf } from './stand-in/view';

jest.setTimeout(180_000);

let world: WeappWorld;
let phone: Phone;
const find = <T>(collection: string, query: object) => world.cloud.db.admin.find(collection, query) as T[];

beforeAll(async () => {
  world = await startWeappWorld();
});
afterAll(() => world?.stop());

const byClass = (fragment: string) => phone.find((n) => String(n.attr.class ?? '').split(/\s+/).includes(fragment));

it('signs up for the film night with a showing and one family member, then cancels', async () => {
  // From the share card the chair posted in the union's chat (首页 lists it only in its own month).
  const movie = find<{ _id: string; title: string }>('activities', {}).find((a) => a.title === '工会观影日：本月新片')!;
  phone = world.phone(demoOpenid(MEMBER), `/pages/activity/index?id=${movie._id}`);
  await phone.waitForText('万达影城 5 号厅');
  phone.tapNode(byClass('nut-radio').find((n) => textOf(n) === '周六下午 14:30')!, '周六下午 14:30');
  // A person's second tap comes after the first one's screen update (two in one tick lose the first).
  await phone.settle();
  phone.tapNode(byClass('nut-inputnumber-add')[0]!, '+');
  await phone.waitFor('one family member', () => byClass('nut-inputnumber-input')[0]?.attr.value === '1' || undefined);
  await phone.tap(/^报名$/);
  await phone.waitForText('已报名');
  const [signup] = find<{ status: string; companions: number; answers: Record<string, unknown> }>('signups', { memberId: MEMBER });
  expect(signup).toMatchObject({ status: 'confirmed', companions: 1, answers: { session: 'o2' } });
  expect(phone.recorded.subscribeAsked).toHaveLength(1);
  expect(phone.text()).toContain('剩余 118 个名额');

  await phone.tap('取消报名');
  await phone.waitFor('the confirmation', () => phone.recorded.modals.length > 0 || phone.findText(/^确定|确认取消/).length > 0);
  if (phone.recorded.modals.length === 0) await phone.tap(/^确定|确认取消/);
  await phone.waitForText('剩余 120 个名额');
  expect(find<{ status: string }>('signups', { memberId: MEMBER })[0]!.status).not.toBe('confirmed');
});

it('votes for two candidates in the activists\' election, confirming in WeChat\'s dialog', async () => {
  const vote = find<{ _id: string; title: string; turnout: number; voterIds: string[]; content: { candidates: Array<{ id: string; name: string }> } }>('votes', {})
    .find((v) => v.title === '2026年度工会活动积极分子评选')!;
  const [first, second] = vote.content.candidates;
  // The card's page has no back: the 首页 button (WeChat's home button) goes to the tab.
  phone.mp.reLaunch('/pages/index/index');
  await phone.waitForRoute('pages/index/index');
  await phone.tap('2026年度工会活动积极分子评选');
  await phone.waitForRoute('packages/vote/ballot/index');
  await phone.tap(first!.name);
  await phone.tap(second!.name);
  await phone.tap(/^投票$/);
  await phone.waitFor('投票成功', () => phone.recorded.toasts.some((t) => t.title === '投票成功'));
  await phone.waitForText('已投票');
  expect(phone.recorded.modals.at(-1)).toMatchObject({ title: '确认投票', confirm: true });
  expect(phone.recorded.modals.at(-1)!.content).toContain(first!.name);
  const after = find<typeof vote>('votes', { _id: vote._id })[0]!;
  expect(after.turnout).toBe(vote.turnout + 1);
  expect(after.voterIds).toContain(MEMBER);
});

it('reads the chair\'s notice from 通知公告, and the chair sees it read', async () => {
  const notice = await act(world, CHAIR, 'notice.create', {
    draft: { title: '关于组织教职工体检的通知', body: '体检在市人民医院进行，请空腹前往。', attachments: [], audience: {}, everyone: true, pinned: false, publishAt: null },
  });
  await act(world, CHAIR, 'notice.publish', { noticeId: notice._id });
  phone.mp.switchTab('/pages/index/index');
  await phone.tap('通知公告');
  await phone.waitForRoute('packages/notice/list/index');
  await phone.tap('关于组织教职工体检的通知');
  await phone.waitForRoute('packages/notice/detail/index');
  await phone.waitForText('请空腹前往');
  await phone.waitFor('the read recorded', () => find('noticeReads', { noticeId: notice._id, memberId: MEMBER }).length === 1);
  const readers = await act(world, CHAIR, 'notice.readers', { noticeId: notice._id });
  expect(readers.readCount).toBe(1);
  expect(readers.unread.map((u) => u.memberId)).not.toContain(MEMBER);
});

it('sends a named and an anonymous suggestion, and follows both from 我的建议', async () => {
  phone.mp.switchTab('/pages/index/index');
  await phone.tap('意见箱');
  await phone.waitForRoute('packages/suggestion/mine/index');
  await phone.tap('写建议');
  await phone.waitForRoute('packages/suggestion/send/index');
  await phone.type('标题', '建议食堂增加晚餐窗口');
  await phone.type('写下你的建议', '晚自习老师下班晚，希望食堂晚上多开一个窗口。');
  await phone.tap('提交建议');
  await phone.waitForText('建议已提交');

  await phone.tap('再写一条');
  await phone.type('标题', '建议图书馆延长开放时间');
  await phone.type('写下你的建议', '希望周末也能借书，方便老师备课。');
  await phone.settle();
  phone.tapNode(byClass('nut-switch')[0]!, '匿名');
  await phone.waitForText('只有这台手机能查看它的进度');
  await phone.tap('提交建议');
  await phone.waitForText('这是一条匿名建议');

  const stored = find<{ _id: string; title: string; anonymous: boolean; senderId?: string }>('suggestions', {});
  expect(stored.find((s) => s.title === '建议食堂增加晚餐窗口')).toMatchObject({ anonymous: false, senderId: MEMBER });
  const anonymous = stored.find((s) => s.title === '建议图书馆延长开放时间')!;
  expect(anonymous.anonymous).toBe(true);
  expect(JSON.stringify(anonymous)).not.toContain(MEMBER);

  // Both sends spent one of the tickets the page was granted when it opened; the grant is unchanged.
  const grants = find<{ _id: string; hashes: string[] }>('suggestionGrants', {}).filter((g) => g._id.startsWith(`${MEMBER}_`));
  expect(grants).toHaveLength(1);
  expect(grants[0].hashes).toHaveLength(5);

  phone.mp.switchTab('/pages/index/index');
  await phone.tap('意见箱');
  await phone.waitForText('建议食堂增加晚餐窗口');
  await phone.waitForText('建议图书馆延长开放时间');

  // The anonymous one opens from this phone (by the credential it kept), and shows the reply.
  await act(world, CHAIR, 'suggestion.reply', { suggestionId: anonymous._id, text: '图书馆周六上午开放。' });
  await phone.tap('建议图书馆延长开放时间');
  await phone.waitForRoute('packages/suggestion/detail/index');
  await phone.waitForText('希望周末也能借书');
  await phone.waitForText('图书馆周六上午开放。');
  expect(phone.errors).toEqual([]);
});
