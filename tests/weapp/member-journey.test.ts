/**
 * A member on the weapp build: sign up for the film night with a showing and one family member,
 * then cancel, each checked on screen and in the local cloud's records.
 */
import { MEMBER } from './support/fixtures';
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
  phone = world.phone(demoOpenid(MEMBER));
  await phone.tap('工会观影日：本月新片');
  await phone.waitForRoute('pages/activity/index');
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
