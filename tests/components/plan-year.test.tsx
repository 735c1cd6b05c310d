import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import PlanYearPage from '../../src/packages/plan/year/index';
import { button, confirmDialog } from './support/dom';
import { answer, callsTo, failure } from './support/gateway';
import { aMember } from './support/members';
import { aPlan, NOW } from './support/month';
import { openPageWith, stubTaro } from './support/taro';
import type { Role } from '../../types/fields';
import type { Plan, PlanItem } from '../../types/plan';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();
jest.setTimeout(20000);

const as = (roles: Role[]) => answer({ 'me.get': { bound: true, member: aMember({ roles }), groupMemberCount: 12 } });
const itemCard = (text: string) => screen.getByLabelText(text);
const pickDate = async (text: string, value: string) => {
  const picker = itemCard(text).querySelector('taro-picker-core[aria-label="设定日期"]');
  if (!picker) throw new Error(`「${text}」没有日期选择器`);
  await act(async () => {
    fireEvent(picker, new CustomEvent('change', { detail: { value } }));
  });
};

/** The stored plan: changes show on the next 'plan.get', as in the cloud. */
let stored: Plan;
const change = (itemId: string, patch: Partial<PlanItem>): PlanItem => {
  let changed: PlanItem | undefined;
  stored = {
    ...stored,
    months: stored.months.map((m) => ({ ...m, items: m.items.map((i) => (i.id === itemId ? (changed = { ...i, ...patch }) : i)) })),
  };
  return changed!;
};

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  openPageWith({ year: '2026' });
  stored = aPlan();
  answer({
    'plan.get': () => ({ plan: stored }),
    'plan.setItemDate': (input) => change(input.itemId, { date: input.date }),
    'plan.makeDraft': (input) => {
      change(input.itemId, { linked: { kind: input.kind, id: 'd1' } });
      return { kind: input.kind, id: 'd1' };
    },
  });
});

test('a member reads the year by month: dates, undated items, and what was made of an item', async () => {
  as([]);
  render(<PlanYearPage />);
  expect(await screen.findByText('2026年工会工作计划')).toBeInTheDocument();
  expect(callsTo('plan.get')).toEqual([{ year: 2026 }]);
  expect(Array.from(document.querySelectorAll('.plan__month-title')).map((el) => el.textContent)).toEqual(['2026年9月', '2026年12月', '2027年1月']);

  expect(within(itemCard('组织教工迎新年长跑。')).getByText('12月20日')).toBeInTheDocument();
  expect(within(itemCard('搞好年终总结工作。')).getByText('日期未定')).toBeInTheDocument();
  const linked = itemCard('评选年度工会活动积极分子。');
  expect(within(linked).getByText('已生成投票')).toBeInTheDocument();
  fireEvent.click(within(linked).getByText('查看投票'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/vote/ballot/index?id=v9' });

  // Members change nothing.
  expect(screen.queryByText('生成活动')).not.toBeInTheDocument();
  expect(document.querySelector('taro-picker-core[aria-label="设定日期"]')).toBeNull();
  expect(screen.queryByText('清除日期')).not.toBeInTheDocument();
});

test('a committee member gives an item its day within the month, and clears another', async () => {
  as(['committee']);
  render(<PlanYearPage />);
  await screen.findByText('2026年工会工作计划');

  await pickDate('搞好年终总结工作。', '2026-12-28');
  expect(callsTo('plan.setItemDate')).toEqual([{ year: 2026, itemId: 'i-dec1', date: '2026-12-28' }]);
  expect(await within(itemCard('搞好年终总结工作。')).findByText('12月28日')).toBeInTheDocument();
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已定在12月28日' }));

  await act(async () => {
    fireEvent.click(within(itemCard('组织教工迎新年长跑。')).getByText('清除日期'));
  });
  expect(callsTo('plan.setItemDate')[1]).toEqual({ year: 2026, itemId: 'i-dec2', date: null });
  expect(await within(itemCard('组织教工迎新年长跑。')).findByText('日期未定')).toBeInTheDocument();
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已清除日期' }));
});

test('a refused date is explained beside the item', async () => {
  as(['chair']);
  answer({ 'plan.setItemDate': failure('CONFLICT') });
  render(<PlanYearPage />);
  await screen.findByText('2026年工会工作计划');
  await pickDate('搞好年终总结工作。', '2026-12-28');
  expect(await within(itemCard('搞好年终总结工作。')).findByText('有人同时在修改，请刷新后再试')).toBeInTheDocument();
});

test.each([
  ['活动', 'activity', '/packages/organiser/edit/index?id=d1'],
  ['投票', 'vote', '/packages/vote-admin/edit/index?id=d1'],
  ['通知', 'notice', '/packages/notice-admin/edit/index?id=d1'],
] as const)('生成%s makes a draft from the item and opens it for editing', async (label, kind, url) => {
  as(['committee']);
  render(<PlanYearPage />);
  await screen.findByText('2026年工会工作计划');

  fireEvent.click(within(itemCard('筹备组织好离退休教工外出旅游。')).getByText(`生成${label}`));
  expect(await screen.findByText(`用「筹备组织好离退休教工外出旅游。」生成一份${label}草稿？草稿生成后打开，修改好再发布。每一条只能生成一次。`)).toBeInTheDocument();
  await confirmDialog(`生成${label}`);

  expect(callsTo('plan.makeDraft')).toEqual([{ year: 2026, itemId: 'i-sep1', kind }]);
  await waitFor(() => expect(taro.navigateTo).toHaveBeenCalledWith({ url }));
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: `已生成${label}草稿` }));
  const item = itemCard('筹备组织好离退休教工外出旅游。');
  expect(within(item).getByText(`已生成${label}`)).toBeInTheDocument();
  expect(within(item).queryByText('生成活动')).not.toBeInTheDocument();
});

test('an item someone else already used says so', async () => {
  as(['chair']);
  answer({ 'plan.makeDraft': failure('PLAN_ITEM_LINKED') });
  render(<PlanYearPage />);
  await screen.findByText('2026年工会工作计划');
  fireEvent.click(within(itemCard('搞好年终总结工作。')).getByText('生成通知'));
  await confirmDialog('生成通知');
  expect(await within(itemCard('搞好年终总结工作。')).findByText('这个条目已经生成过草稿了')).toBeInTheDocument();
  expect(taro.navigateTo).not.toHaveBeenCalled();
});

test('without a plan, the chair is offered the import and members are told plainly', async () => {
  answer({ 'plan.get': { plan: null } });
  as(['chair']);
  const { unmount } = render(<PlanYearPage />);
  expect(await screen.findByText('还没有导入2026年的工作计划')).toBeInTheDocument();
  fireEvent.click(button('导入工作计划'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/plan/import/index' });
  unmount();

  as(['committee']);
  render(<PlanYearPage />);
  expect(await screen.findByText('工会还没有发布今年的工作计划')).toBeInTheDocument();
  expect(screen.queryByText('导入工作计划')).not.toBeInTheDocument();
});

test('other years are one tap away; a failed load offers 重试', async () => {
  openPageWith({});
  as([]);
  answer({ 'plan.get': failure('INTERNAL') });
  render(<PlanYearPage />);
  expect(await screen.findByText('加载失败')).toBeInTheDocument();
  expect(callsTo('plan.get')).toEqual([{ year: 2026 }]);

  answer({ 'plan.get': { plan: null } });
  await act(async () => {
    fireEvent.click(screen.getByLabelText('上一年'));
  });
  expect(await screen.findByText('工会还没有发布2025年的工作计划')).toBeInTheDocument();
  expect(callsTo('plan.get')).toEqual([{ year: 2026 }, { year: 2025 }]);
});
