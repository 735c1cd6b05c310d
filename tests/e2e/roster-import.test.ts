import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demo } from '../cloud/support/harness';
import { shot, signInAs, startApp, type E2eApp } from './support/app';

jest.setTimeout(90000);

let app: E2eApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

it('the chair imports a roster: picks a file, sees row problems, imports the valid rows', async () => {
  const file = path.join(os.tmpdir(), `名册-${Date.now()}.csv`);
  writeFileSync(
    file,
    ['姓名,工号,性别,工会小组,状态', '新来的老师,N2001,女,语文组,在职', ',N2002,男,语文组,在职', '外校老师,N2003,男,天文组,在职', `${demo.plain.name},${demo.plain.staffNo},${demo.plain.gender === 'male' ? '男' : '女'},体艺组,在职`].join('\r\n'),
  );
  const { page } = await app.newPerson();
  await signInAs(page, demo.chair.name);
  await page.getByText('工会工作').waitFor();
  await page.locator('.nut-cell', { hasText: '会员名册' }).click();
  await page.locator('.roster').getByText(demo.members[10].name).waitFor();
  await shot(page, 'roster');

  await page.locator('.roster .nut-button', { hasText: '导入名册' }).first().click();
  const chooser = page.waitForEvent('filechooser');
  await page.locator('.import .nut-button', { hasText: '选择文件' }).click();
  await (await chooser).setFiles(file);

  const importPage = page.locator('.import');
  await importPage.getByText('第 3 行').waitFor();
  await importPage.getByText('缺少姓名').waitFor();
  await importPage.getByText('没有名为「天文组」的工会小组，请先在「工会小组」中新建').waitFor();
  await shot(page, 'roster-import-preview');

  await importPage.locator('.nut-button', { hasText: '导入 2 条有效记录' }).click();
  await page.locator('.nut-dialog').getByText('将新增 1 人、更新 1 人，有问题的 2 行不会导入。确定导入吗？').waitFor();
  await page.locator('.nut-dialog .nut-button', { hasText: '导入' }).click();
  await importPage.getByText('新增 1 人，更新 1 人').waitFor();
  await shot(page, 'roster-import-done');

  expect(app.cloud.db.admin.find('members', { _id: 'N2001' })[0]).toMatchObject({ name: '新来的老师', groupName: '语文组' });
  expect(app.cloud.db.admin.find('members', { _id: demo.plain.staffNo })[0]).toMatchObject({ groupName: '体艺组', openid: demo.openid(demo.plain.staffNo) });
  expect(app.cloud.db.admin.find('members', { _id: 'N2003' })).toEqual([]);

  await importPage.locator('.nut-button', { hasText: '返回名册' }).click();
  await page.locator('.roster').getByText('新来的老师').waitFor();
});
