import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import NoticeListPage from '../../src/packages/notice/list/index';
import { notifyMonthChanged } from '../../src/lib/month-routes';
import { button, tapAndSettle } from './support/dom';
import { answer, callsTo, failure } from './support/gateway';
import { aNoticeSummary, DAY, inDays, PUBLISHED_AT } from './support/notices';
import { stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();
jest.setTimeout(20000);

const cardOf = (title: string) => screen.getByLabelText(title);
const titles = () => Array.from(document.querySelectorAll('.section-title, .notice-card__title')).map((el) => el.textContent);
const showAllSwitch = () => document.querySelector(".nut-switch[aria-label='显示未发布的通知']") as HTMLElement;

const checkup = aNoticeSummary({ _id: 'n1', read: false, attachmentCount: 2 });
const fund = aNoticeSummary({ _id: 'n2', title: '2026年上半年工会经费收支公开', excerpt: '工会经费收支情况如下，欢迎监督。', pinned: true, visibleAt: PUBLISHED_AT - 10 * DAY });
const movie = aNoticeSummary({ _id: 'n3', title: '十二月教工电影夜', excerpt: '周五晚上七点，学校礼堂。', visibleAt: PUBLISHED_AT + DAY, read: false, authorName: '王委员' });

test('pinned notices come first; unread ones carry a dot and a bold title, and the count is at the top', async () => {
  answer({ 'notice.list': { notices: [movie, checkup, fund], canManage: false, unread: 2 } });
  render(<NoticeListPage />);

  expect(await screen.findByText('十二月教工电影夜')).toBeInTheDocument();
  expect(callsTo('notice.list')).toEqual([{ scope: 'mine' }]);
  expect(titles()).toEqual(['2026年上半年工会经费收支公开', '十二月教工电影夜', '关于开展2026年教职工体检的通知']);
  expect(screen.getByText('未读 2 条')).toBeInTheDocument();

  const pinned = within(cardOf('2026年上半年工会经费收支公开'));
  expect(pinned.getByText('置顶')).toBeInTheDocument();
  expect(pinned.queryByLabelText('未读')).not.toBeInTheDocument();
  expect(pinned.getByText('2026年上半年工会经费收支公开')).not.toHaveClass('notice-card__title--unread');

  const unread = within(cardOf('关于开展2026年教职工体检的通知'));
  expect(unread.getByLabelText('未读')).toBeInTheDocument();
  expect(unread.getByText('关于开展2026年教职工体检的通知')).toHaveClass('notice-card__title--unread');
  expect(unread.getByText(/今年的体检定于12月5日/)).toBeInTheDocument();
  expect(unread.getByText('李主席')).toBeInTheDocument();
  expect(unread.getByText('2026年11月20日 09:30')).toBeInTheDocument();
  expect(unread.getByText('附件 2')).toBeInTheDocument();
  expect(unread.queryByText('置顶')).not.toBeInTheDocument();
  expect(within(cardOf('十二月教工电影夜')).queryByText(/附件/)).not.toBeInTheDocument();

  expect(screen.queryByText('发布通知')).not.toBeInTheDocument();
  expect(showAllSwitch()).toBeNull();
  fireEvent.click(cardOf('十二月教工电影夜'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notice/detail/index?id=n3' });
});

test('all read: no count at the top and no dots', async () => {
  answer({ 'notice.list': { notices: [fund], canManage: false, unread: 0 } });
  render(<NoticeListPage />);
  await screen.findByText('2026年上半年工会经费收支公开');
  expect(screen.queryByText(/未读/)).not.toBeInTheDocument();
});

test('organisers write a notice, and with the switch also see drafts, held and scheduled ones, tagged', async () => {
  const draft = aNoticeSummary({ _id: 'd1', title: '元旦联欢会安排（草稿）', status: 'draft', read: true });
  const held = aNoticeSummary({ _id: 'd2', title: '关于教工食堂调整的说明', status: 'held', read: true });
  const scheduled = aNoticeSummary({ _id: 'd3', title: '寒假值班安排', scheduled: true, visibleAt: inDays(3), read: true });
  answer({ 'notice.list': (input) => (input.scope === 'all' ? { notices: [draft, held, scheduled, checkup], canManage: true, unread: 1 } : { notices: [checkup], canManage: true, unread: 1 }) });
  render(<NoticeListPage />);
  await screen.findByText('关于开展2026年教职工体检的通知');
  expect(screen.queryByText('元旦联欢会安排（草稿）')).not.toBeInTheDocument();

  fireEvent.click(button('发布通知'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notice-admin/edit/index' });

  await tapAndSettle(showAllSwitch());
  expect(await screen.findByText('元旦联欢会安排（草稿）')).toBeInTheDocument();
  expect(callsTo('notice.list')).toEqual([{ scope: 'mine' }, { scope: 'all' }]);
  expect(titles()).toEqual(['未发布（只有组织者能看到）', '元旦联欢会安排（草稿）', '关于教工食堂调整的说明', '寒假值班安排', '已发布', '关于开展2026年教职工体检的通知']);
  expect(within(cardOf('元旦联欢会安排（草稿）')).getByText('草稿')).toBeInTheDocument();
  expect(within(cardOf('关于教工食堂调整的说明')).getByText('待审核')).toBeInTheDocument();
  expect(within(cardOf('寒假值班安排')).getByText('定时发布')).toBeInTheDocument();
  expect(within(cardOf('寒假值班安排')).getByText(/ 发布$/)).toBeInTheDocument();
  // Drafts are nobody's unread notice.
  expect(within(cardOf('元旦联欢会安排（草稿）')).queryByLabelText('未读')).not.toBeInTheDocument();
  expect(within(cardOf('关于开展2026年教职工体检的通知')).queryByText(/草稿|待审核|定时发布/)).not.toBeInTheDocument();
});

test('an empty list says 暂无通知', async () => {
  answer({ 'notice.list': { notices: [], canManage: false, unread: 0 } });
  render(<NoticeListPage />);
  expect(await screen.findByText('暂无通知')).toBeInTheDocument();
});

test('a failed load says why and 重试 loads again', async () => {
  answer({ 'notice.list': failure('INTERNAL') });
  render(<NoticeListPage />);
  expect(await screen.findByText('加载失败')).toBeInTheDocument();
  expect(screen.getByText('服务开小差了，请稍后再试')).toBeInTheDocument();

  answer({ 'notice.list': { notices: [checkup], canManage: false, unread: 1 } });
  await tapAndSettle(button('重试'));
  expect(await screen.findByText('关于开展2026年教职工体检的通知')).toBeInTheDocument();
});

test('reloads when a notice was read or changed on another page', async () => {
  answer({ 'notice.list': { notices: [checkup], canManage: false, unread: 1 } });
  render(<NoticeListPage />);
  await screen.findByText('未读 1 条');

  answer({ 'notice.list': { notices: [{ ...checkup, read: true }], canManage: false, unread: 0 } });
  act(() => notifyMonthChanged());
  await waitFor(() => expect(screen.queryByText('未读 1 条')).not.toBeInTheDocument());
  expect(callsTo('notice.list')).toHaveLength(2);
  expect(within(cardOf('关于开展2026年教职工体检的通知')).queryByLabelText('未读')).not.toBeInTheDocument();
});
