import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ActivitiesPage from '../../src/pages/activities/index';
import MyActivitiesPage from '../../src/pages/my-activities/index';
import { aSummary, START } from './support/activities';
import { button } from './support/dom';
import { answer, callsTo, failure } from './support/gateway';
import { stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();

const badminton = aSummary({ _id: 'a1', title: '教工羽毛球赛', capacity: 20, taken: 17, mine: { status: 'confirmed', companions: 1 } });
const movie = aSummary({ _id: 'a2', title: '月末电影夜', category: 'culture', capacity: 30, taken: 30, waiting: 2, mine: { status: 'waitlisted', companions: 0, waitPosition: 3 } });
const health = aSummary({ _id: 'a3', title: '教职工体检', category: 'health', capacity: null, taken: 40, mine: { status: 'cancelled', companions: 0 } });
const cardOf = (title: string) => screen.getByLabelText(title);
const chip = (label: string) => screen.getByText(label, { selector: '.filter-chips__chip, .filter-chips__chip *' });

test('each card shows places left and the member’s own standing; one call loads the upcoming list', async () => {
  answer({ 'activity.list': { activities: [badminton, movie, health], canManage: false } });
  render(<ActivitiesPage />);

  expect(await screen.findByText('教工羽毛球赛')).toBeInTheDocument();
  expect(callsTo('activity.list')).toEqual([{}]);
  expect(within(cardOf('教工羽毛球赛')).getByText('剩余 3 个名额')).toBeInTheDocument();
  expect(within(cardOf('教工羽毛球赛')).getByText('已报名')).toBeInTheDocument();
  expect(within(cardOf('月末电影夜')).getByText('已满，可候补')).toBeInTheDocument();
  expect(within(cardOf('月末电影夜')).getByText('候补第 3 位')).toBeInTheDocument();
  expect(within(cardOf('教职工体检')).getByText('不限名额')).toBeInTheDocument();
  expect(within(cardOf('教职工体检')).getByText('已取消')).toBeInTheDocument();
  expect(within(cardOf('教工羽毛球赛')).getByText(/12月5日 周六 14:00–17:00/)).toBeInTheDocument();
  expect(screen.queryByText('发起活动')).not.toBeInTheDocument();

  fireEvent.click(cardOf('月末电影夜'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/activity/index?id=a2' });
});

test('a category chip and the month arrows ask the cloud for that category and month', async () => {
  answer({ 'activity.list': (input) => ({ activities: input.category === 'health' ? [health] : [badminton, health], canManage: true }) });
  render(<ActivitiesPage />);
  await screen.findByText('教工羽毛球赛');
  expect(button('发起活动')).toBeInTheDocument();

  fireEvent.click(chip('健康体检'));
  await waitFor(() => expect(screen.queryByText('教工羽毛球赛')).not.toBeInTheDocument());
  expect(screen.getByText('教职工体检')).toBeInTheDocument();
  expect(callsTo('activity.list').at(-1)).toEqual({ category: 'health' });

  fireEvent.click(screen.getByLabelText('下个月'));
  await waitFor(() => expect(callsTo('activity.list').at(-1)).toEqual({ category: 'health', month: expect.stringMatching(/^\d{4}-\d{2}$/) }));
  expect(screen.getByText(/^\d{4}年\d{1,2}月$/)).toBeInTheDocument();
});

test('an empty month says so, and a failed load offers to retry', async () => {
  answer({ 'activity.list': failure('INTERNAL') });
  render(<ActivitiesPage />);
  expect(await screen.findByText('服务开小差了，请稍后再试')).toBeInTheDocument();

  answer({ 'activity.list': { activities: [], canManage: false } });
  fireEvent.click(button('重试'));
  expect(await screen.findByText('近期没有活动')).toBeInTheDocument();
});

test('我的报名 lists upcoming sign-ups first, then past ones, each with its standing', async () => {
  const past = aSummary({ _id: 'p1', title: '去年的登山', startAt: START - 400 * 86400000, endAt: START - 400 * 86400000 + 3600000, mine: { status: 'confirmed', companions: 0 } });
  const now = jest.spyOn(Date, 'now').mockReturnValue(START - 3 * 86400000);
  answer({ 'activity.mine': [past, movie] });
  render(<MyActivitiesPage />);

  expect(await screen.findByText('月末电影夜')).toBeInTheDocument();
  const titles = Array.from(document.querySelectorAll('.section-title, .activity-card__title')).map((el) => el.textContent);
  expect(titles).toEqual(['即将开始', '月末电影夜', '已结束', '去年的登山']);
  expect(within(cardOf('月末电影夜')).getByText('候补第 3 位')).toBeInTheDocument();
  expect(callsTo('activity.mine')).toHaveLength(1);
  now.mockRestore();
});
