/**
 * Invisible text through real actions (issue 12 §7): a group name or an activity title with
 * nothing to see is refused with TEXT_INVISIBLE and writes nothing; separators and stacked marks
 * are refused; look-alike characters are dropped, so they cannot make a second group of the same name.
 */
import { activityDraft, demo, expectOk, startTestCloud, type TestCloud } from './support/harness';

jest.setTimeout(60_000);

let t: TestCloud;
const chair = demo.openid(demo.chair.staffNo);
const committee = demo.openid(demo.committee.staffNo);

beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.stop());

it('refuses names and titles with nothing to see, naming the field, and writes nothing', async () => {
  const before = t.snapshot();
  for (const name of ['\u200b', '\u200b\u200f\u00ad', '\u0085', '\u0301\u0301', '\u3164\u200b']) {
    expect(await t.act(chair, 'groups.create', { name })).toEqual({
      ok: false,
      code: 'TEXT_INVISIBLE',
      message: '填写的内容里没有看得见的文字，请重新填写',
      // NEL is also a line break, which a one-line field refuses on its own.
      issues: expect.arrayContaining([{ path: 'name', message: '没有看得见的文字，请重新填写' }]),
    });
  }
  const title = await t.act(committee, 'activity.create', { draft: activityDraft(t.cloud.clock.now(), { title: '\u2028\u200b\u2029' }) });
  expect(title).toMatchObject({ ok: false, code: 'TEXT_INVISIBLE', issues: [{ path: 'draft.title' }] });
  expect(t.snapshot()).toEqual(before);
});

it('refuses line separators and marks stacked on a character in a one-line field', async () => {
  const before = t.snapshot();
  expect(await t.act(chair, 'groups.create', { name: '语文\u2028组' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'name', message: '含有无法显示的特殊字符，请删除后再试' }] });
  expect(await t.act(chair, 'groups.create', { name: `语${'\u0336'.repeat(30)}文组` })).toMatchObject({ ok: false, code: 'INVALID_INPUT', issues: [{ path: 'name', message: '一个字上最多叠加 3 个符号，请删除多余的符号' }] });
  expect(t.snapshot()).toEqual(before);
});

it('drops look-alike characters, so a zero-width space cannot make a second 体育组', async () => {
  const made = expectOk(await t.act(chair, 'groups.create', { name: '\u200b体育\u00ad组\u200f' }));
  expect(made.name).toBe('体育组');
  expect(await t.act(chair, 'groups.create', { name: '体\u200b育组' })).toMatchObject({ ok: false, code: 'GROUP_NAME_TAKEN' });
});
