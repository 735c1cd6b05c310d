/**
 * Binding on the weapp build (issue 12): a newcomer first refuses WeChat's privacy guide (the app
 * explains in Chinese and offers to agree later), agrees through wx.requirePrivacyAuthorize, then
 * binds with the phone number WeChat vouches for; and a newcomer who denies the number is told so.
 */
import { demo } from '../cloud/support/harness';
import { startWeappWorld, type WeappWorld } from './support/weapp-app';

jest.setTimeout(180_000);

let world: WeappWorld;
beforeAll(async () => {
  world = await startWeappWorld();
});
afterAll(() => world?.stop());

const record = (staffNo: string) => world.cloud.db.admin.find('members', { _id: staffNo })[0] as { openid?: string };

it('refuses the privacy guide, then agrees later and binds with the WeChat phone number', async () => {
  const target = demo.unbound[0];
  const phone = world.phone('weapp-newcomer', '/pages/bind/index');
  phone.script.privacy.agreed = false;
  await phone.waitForText('微信手机号一键绑定');

  // WeChat shows its privacy guide; the person refuses.
  phone.script.privacy.answers.push('refuse');
  await phone.tapPhoneButton('微信手机号一键绑定');
  await phone.waitForText('你还没有同意《教工之家用户隐私保护指引》');
  expect(phone.recorded.privacyShown).toBe(1);
  expect(phone.text()).not.toMatch(/privacy|permission|authorized|fail/i);
  expect(record(target.staffNo).openid).toBeUndefined();

  // Later: the app's button shows the guide again (wx.requirePrivacyAuthorize); this time they agree.
  phone.script.privacy.answers.push('agree');
  await phone.tap('查看并同意隐私保护指引');
  await phone.waitForText('已同意隐私保护指引，请再点一次「微信手机号一键绑定」。');
  expect(phone.recorded.privacyShown).toBe(2);

  // The phone sheet: they pick the number the union has on the roster.
  phone.script.phone.push({ number: target.phone! });
  await phone.tapPhoneButton('微信手机号一键绑定');
  await phone.waitForRoute('pages/index/index');
  await phone.waitForText(`${target.name}，`);
  expect(phone.recorded.toasts).toContainEqual(expect.objectContaining({ title: '绑定成功' }));
  expect(record(target.staffNo).openid).toBe('weapp-newcomer');
  expect(phone.recorded.privacyShown).toBe(2); // agreed once, not asked again
  expect(phone.errors).toEqual([]);
});

it('a newcomer who denies the number is told so, and nothing is bound', async () => {
  const phone = world.phone('weapp-denier', '/pages/bind/index');
  await phone.waitForText('微信手机号一键绑定');
  phone.script.phone.push('deny');
  await phone.tapPhoneButton('微信手机号一键绑定');
  await phone.waitForText('你没有允许使用手机号。可以再点一次，或改用绑定码绑定。');
  expect(world.cloud.db.admin.find('members', { openid: 'weapp-denier' })).toEqual([]);
  await phone.tap('没有登记手机号或换了手机？用绑定码绑定');
  await phone.field('6 位绑定码');
  expect(phone.errors).toEqual([]);
});

it('choosing a file without agreeing to the guide: asked in Chinese, refused once, then agreed and the file is read', async () => {
  const chair = world.phone(demo.openid(demo.chair.staffNo), '/packages/admin/import/index');
  chair.script.privacy.agreed = false;
  await chair.waitForText('选择文件');
  const roster = Buffer.from(['姓名,工号,性别,工会小组', `${demo.plain.name},${demo.plain.staffNo},${demo.plain.gender === 'male' ? '男' : '女'},${demo.plain.groupName}`].join('\r\n'));

  // WeChat's guide, refused; the app's own question, answered 查看并同意; the guide again, refused again.
  chair.script.privacy.answers.push('refuse', 'refuse');
  chair.script.modal.push(true);
  await chair.tap('选择文件');
  await chair.waitFor('the app’s toast', () => chair.recorded.toasts.find((t) => t.title === '未同意隐私保护指引，无法选择文件'));
  expect(chair.recorded.modals.at(-1)).toMatchObject({ title: '需要你的同意', content: expect.stringContaining('你还没有同意《教工之家用户隐私保护指引》') });
  expect(chair.recorded.privacyShown).toBe(2);

  // Next time: they agree from the app's question, and the file they pick is read.
  chair.script.privacy.answers.push('refuse', 'agree');
  chair.script.modal.push(true);
  chair.script.messageFile.push({ name: '名册.csv', bytes: roster });
  await chair.tap('选择文件');
  await chair.waitForText('名册.csv');
  expect(chair.recorded.privacyShown).toBe(4);
  expect(JSON.stringify(chair.recorded)).not.toMatch(/privacy permission/);
  expect(chair.errors).toEqual([]);
});
