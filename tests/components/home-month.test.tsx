import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Home from '../../src/pages/index/index';
import { notifyMonthChanged } from '../../src/lib/month-routes';
import { answer, callsTo, failure } from './support/gateway';
import { aMember } from './support/members';
import { aHomeMonth, anEmptyMonth } from './support/month';
import { testNow } from '../support/test-instant';
import { stubTaro } from './support/taro';
import type { Role } from '../../types/fields';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();
jest.setTimeout(20000);

const as = (roles: Role[] = []) => answer({ 'me.get': { bound: true, member: aMember({ roles }), groupMemberCount: 12 } });
/** The cell (a row of a section) holding this text. */
const cell = (text: string) => {
  const found = screen.getByText(text).closest('.nut-cell');
  if (!found) throw new Error(`「${text}」不在一行里`);
  return found as HTMLElement;
};
const opened = () => taro.navigateTo.mock.calls.map(([options]) => (options as { url: string }).url);

// The page runs at the run's instant (TEST_NOW; Date is faked in setup-dom.ts): "this month" and the
// greeting are whatever they are in Shanghai then, worked out here by hand from the instant.
const shanghai = new Date(testNow() + 8 * 3600_000);
const [year, month, hour] = [shanghai.getUTCFullYear(), shanghai.getUTCMonth() + 1, shanghai.getUTCHours()];
const [prevYear, prevMonth] = month === 1 ? [year - 1, 12] : [year, month - 1];
const key = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;
const thisMonth = key(year, month);
const lastMonth = key(prevYear, prevMonth);
/** What the greeting says at this hour: night until 05:00, morning until 11:00 (so at 08:59 and 09:00 too). */
const partOfDay = hour < 5 ? '晚上好' : hour < 11 ? '早上好' : hour < 13 ? '中午好' : hour < 18 ? '下午好' : '晚上好';
/** This month as the cloud answers it: the fixture's month, moved to the month it is now. */
const monthNow = (overrides: Parameters<typeof aHomeMonth>[0] = {}) =>
  aHomeMonth({
    month: thisMonth,
    planItems: aHomeMonth().planItems.map((item) => ({ ...item, month, ...(item.date ? { date: `${thisMonth}-20` } : {}) })),
    ...overrides,
  });

beforeEach(() => {
  as();
  answer({ 'home.month': (input) => (input.month === thisMonth ? monthNow() : anEmptyMonth(input.month)) });
});

test('the month at a glance: the plan’s items, activities, open votes and notices, each leading to its page', async () => {
  render(<Home />);
  expect(await screen.findByText(`王老师，${partOfDay}`)).toBeInTheDocument();
  expect(screen.getByText('语文组 · 小组共 12 人')).toBeInTheDocument();
  expect(await screen.findByText('本月工作计划')).toBeInTheDocument();
  expect(callsTo('home.month')).toEqual([{ month: thisMonth }]);
  expect(screen.getByText(`${year}年${month}月`)).toBeInTheDocument();

  // Plan: the dated item with its day; the linked one opens what was made of it; the others don't.
  expect(within(cell('组织教工迎新年长跑。')).getByText(`${month}月20日`)).toBeInTheDocument();
  fireEvent.click(cell('搞好年终总结工作。'));
  expect(taro.navigateTo).not.toHaveBeenCalled();
  fireEvent.click(cell('评选年度工会活动积极分子。'));
  expect(within(cell('评选年度工会活动积极分子。')).getByText('投票 ›')).toBeInTheDocument();

  // Activities with the member's standing; votes with 已投票; notices with the unread dot.
  expect(within(cell('教工羽毛球赛')).getByText('已报名')).toBeInTheDocument();
  fireEvent.click(cell('教工羽毛球赛'));
  expect(within(cell('2026 年度工会活动积极分子评选')).getByText('已投票')).toBeInTheDocument();
  expect(within(cell('食堂满意度问卷')).getByText('未投票')).toBeInTheDocument();
  fireEvent.click(cell('食堂满意度问卷'));
  expect(within(cell('关于组织教职工年度体检的通知')).getByLabelText('未读')).toBeInTheDocument();
  expect(within(cell('工会经费收支公开')).queryByLabelText('未读')).not.toBeInTheDocument();
  fireEvent.click(cell('关于组织教职工年度体检的通知'));

  expect(opened()).toEqual([
    '/packages/vote/ballot/index?id=v9',
    '/pages/activity/index?id=act1',
    '/packages/vote/ballot/index?id=v2',
    '/packages/notice/detail/index?id=n1',
  ]);
});

test('消息 shows the unread count and opens the messages; the whole year’s plan is one tap away', async () => {
  render(<Home />);
  expect(await screen.findByText('3 条未读')).toBeInTheDocument();
  fireEvent.click(cell('消息'));
  fireEvent.click(cell('查看全年工作计划'));
  expect(opened()).toEqual(['/packages/message/list/index', `/packages/plan/year/index?year=${year}`]);
});

test('another month: one call for it, and each section says when it has nothing', async () => {
  render(<Home />);
  await screen.findByText('本月工作计划');
  await act(async () => {
    fireEvent.click(screen.getByLabelText('上个月'));
  });
  // In January the month before is last year's December.
  expect(await screen.findByText(`${prevMonth}月工作计划`)).toBeInTheDocument();
  expect(callsTo('home.month')).toEqual([{ month: thisMonth }, { month: lastMonth }]);
  expect(screen.getByText(`${prevYear}年${prevMonth}月没有工作计划安排`)).toBeInTheDocument();
  expect(screen.getByText(`${prevYear}年${prevMonth}月没有活动`)).toBeInTheDocument();
  expect(screen.getByText('现在没有进行中的投票')).toBeInTheDocument();
  expect(screen.getByText(`${prevYear}年${prevMonth}月没有新通知`)).toBeInTheDocument();
  expect(screen.queryByText('教工羽毛球赛')).not.toBeInTheDocument();

  // 看近期 comes back to this month.
  await act(async () => {
    fireEvent.click(screen.getByText('看近期'));
  });
  expect(await screen.findByText('本月工作计划')).toBeInTheDocument();
  expect(callsTo('home.month').at(-1)).toEqual({ month: thisMonth });
});

test('an empty month says so, section by section', async () => {
  answer({ 'home.month': anEmptyMonth(thisMonth) });
  render(<Home />);
  expect(await screen.findByText('这个月没有工作计划安排')).toBeInTheDocument();
  expect(screen.getByText('这个月没有活动')).toBeInTheDocument();
  expect(screen.getByText('现在没有进行中的投票')).toBeInTheDocument();
  expect(screen.getByText('这个月没有新通知')).toBeInTheDocument();
  expect(screen.queryByText(/条未读/)).not.toBeInTheDocument();
});

test('the month reloads when a notice, the plan or a message changes', async () => {
  render(<Home />);
  await screen.findByText('3 条未读');
  answer({ 'home.month': monthNow({ unreadMessages: 1, notices: [] }) });
  await act(async () => {
    notifyMonthChanged();
  });
  expect(await screen.findByText('1 条未读')).toBeInTheDocument();
  expect(screen.getByText('这个月没有新通知')).toBeInTheDocument();
  expect(callsTo('home.month')).toHaveLength(2);
});

test('a month that fails to load offers 重试, and the rest of the page still works', async () => {
  answer({ 'home.month': failure('INTERNAL') });
  render(<Home />);
  expect(await screen.findByText('加载失败')).toBeInTheDocument();
  expect(screen.getByText('服务开小差了，请稍后再试')).toBeInTheDocument();
  fireEvent.click(cell('投票评议'));
  expect(opened()).toEqual(['/packages/vote/list/index']);

  answer({ 'home.month': monthNow() });
  await act(async () => {
    fireEvent.click(screen.getByText('重试'));
  });
  expect(await screen.findByText('本月工作计划')).toBeInTheDocument();
});

test('union affairs include 通知公告; tools follow the roles', async () => {
  as(['chair']);
  const { unmount } = render(<Home />);
  await screen.findByText('工会工作');
  for (const title of ['通知公告', '投票评议', '教代会提案', '意见箱', '工作计划', '发布通知', '提醒记录']) fireEvent.click(cell(title));
  expect(opened()).toEqual([
    '/packages/notice/list/index',
    '/packages/vote/list/index',
    '/packages/proposal/list/index',
    '/packages/suggestion/mine/index',
    '/packages/plan/import/index',
    '/packages/notice-admin/edit/index',
    '/packages/message/deliveries/index',
  ]);
  expect(within(cell('工作计划')).getByText('导入年度工作计划，生成活动、投票和通知')).toBeInTheDocument();
  unmount();

  as(['committee']);
  const committee = render(<Home />);
  await screen.findByText('工会工作');
  expect(screen.getByText('发布通知')).toBeInTheDocument();
  expect(screen.getByText('提醒记录')).toBeInTheDocument();
  expect(screen.queryByText('工作计划')).not.toBeInTheDocument();
  committee.unmount();

  as([]);
  render(<Home />);
  await screen.findByText('本月工作计划');
  await waitFor(() => expect(screen.getByText('通知公告')).toBeInTheDocument());
  expect(screen.queryByText('工会工作')).not.toBeInTheDocument();
});
