import { demo } from '../cloud/support/harness';
import { shot, signInAs, startApp, type E2eApp } from './support/app';

jest.setTimeout(90000);

let app: E2eApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

describe('membership in the browser', () => {
  it('a stranger is sent to binding; a number the roster lacks is refused; the roster’s number binds them', async () => {
    const { page } = await app.newPerson();
    await page.goto('/__dev/signin');
    await page.locator('input[name="phone"]').fill('13000000000');
    await page.getByRole('button', { name: '以未绑定的新微信用户进入' }).click();
    await page.getByText('欢迎来到教工之家').waitFor();
    await shot(page, 'bind');
    expect(await page.locator('input[placeholder="工号"]').count()).toBe(0); // name + 工号 no longer binds
    await page.getByText('微信手机号一键绑定').click();
    await page.getByText('名册里没有登记这个手机号。请用工会主席或小组长给你的绑定码绑定').waitFor();

    // The sign-in page's quick way: a new WeChat user whose WeChat returns this unbound member's number.
    const target = demo.unbound[0];
    await page.goto('/__dev/signin');
    await page.locator(`button[name="phoneOf"][value="${target.staffNo}"]`).click();
    await page.getByText('微信手机号一键绑定').click();
    await page.getByText(new RegExp(`^${target.name}，`)).waitFor();
    await page.getByText(`${target.groupName} · 小组共`).waitFor();
    await shot(page, 'home-after-binding');
    expect(app.cloud.db.admin.find('members', { _id: target.staffNo })[0].openid).toBeTruthy();
  });

  it('the chair issues a binding code on the member page; the member binds with name and code on a new WeChat', async () => {
    const target = demo.unbound[1];
    const chair = (await app.newPerson()).page;
    await signInAs(chair, demo.chair.name);
    await chair.goto(`/#/packages/admin/member/index?id=${target.staffNo}`);
    await chair.locator('.nut-button', { hasText: '生成绑定码' }).click();
    const digits = chair.locator('.member__code-digits');
    await digits.waitFor();
    const code = (await digits.textContent())!.trim();
    expect(code).toMatch(/^\d{6}$/);
    await chair.getByText(/只显示这一次/).waitFor();
    await shot(chair, 'member-bind-code');

    const { page } = await app.newPerson();
    await page.goto('/__dev/signin');
    await page.getByRole('button', { name: '以未绑定的新微信用户进入' }).click();
    await page.getByText('没有登记手机号或换了手机？用绑定码绑定').click();
    await page.locator('input[placeholder="姓名"]').fill(target.name);
    await page.locator('input[placeholder="6 位绑定码"]').fill(code === '000000' ? '000001' : '000000');
    await page.locator('.bind__submit').click();
    await page.getByText('姓名或绑定码不对，请核对后再试').waitFor();
    await page.locator('input[placeholder="6 位绑定码"]').fill(code);
    await page.locator('.bind__submit').click();
    await page.getByText(new RegExp(`^${target.name}，`)).waitFor();
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
