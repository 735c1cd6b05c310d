import { demo } from '../cloud/support/harness';
import { shot, signInAs, startApp, type E2eApp } from './support/app';

jest.setTimeout(90000);

let app: E2eApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

describe('membership in the browser', () => {
  it('a stranger is sent to binding, binds with name and 工号, and lands on the home page', async () => {
    const { page } = await app.newPerson();
    await page.goto('/__dev/signin');
    await page.getByRole('button', { name: '以未绑定的新微信用户进入' }).click();
    await page.getByText('欢迎来到教工之家').waitFor();
    await shot(page, 'bind');

    const target = demo.unbound[0];
    await page.locator('input[placeholder="姓名"]').fill(target.name);
    await page.locator('input[placeholder="工号"]').fill('T0000');
    await page.locator('.bind__submit').click();
    await page.getByText('姓名和工号对不上，请核对后再试').waitFor();

    await page.locator('input[placeholder="工号"]').fill(target.staffNo);
    await page.locator('.bind__submit').click();
    await page.getByText(new RegExp(`^${target.name}，`)).waitFor();
    await page.getByText(`${target.groupName} · 小组共`).waitFor();
    await shot(page, 'home-after-binding');
    expect(app.cloud.db.admin.find('members', { _id: target.staffNo })[0].openid).toBeTruthy();
  });

  it('a member sees their profile, group and roles on 我的', async () => {
    const member = demo.members.find((m) => m.isDelegate && m.roles.includes('committee') && !m.roles.includes('chair'))!;
    const { page } = await app.newPerson();
    await signInAs(page, member.name);
    await page.getByText(new RegExp(`^${member.name}，`)).waitFor();
    await page.locator('.taro-tabbar__tabbar').getByText('我的').click();
    const mine = page.locator('.mine');
    await mine.getByText(`工号 ${member.staffNo}`).waitFor();
    await mine.getByText('工会委员').first().waitFor();
    await mine.getByText('教代会代表').waitFor();
    await mine.getByText(member.groupName).first().waitFor();
    // The phone is masked even on the member's own screen.
    await mine.getByText(`${member.phone!.slice(0, 3)}****${member.phone!.slice(7)}`).waitFor();
    await shot(page, 'mine');
  });
});
