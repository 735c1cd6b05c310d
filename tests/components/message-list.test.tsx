import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MessageListPage from '../../src/packages/message/list/index';
import { button, isDisabled, tapAndSettle } from './support/dom';
import { answer, callsTo, failure } from './support/gateway';
import { aMessage, NOW } from './support/month';
import { stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();
jest.setTimeout(20000);

const HOUR = 60 * 60 * 1000;
const digest = aMessage({
  _id: 'digest:2026-12~T001',
  kind: 'digest',
  title: '12月工会工作安排',
  body: '本月有 3 项工作，1 个活动。',
  page: 'pages/index/index',
  createdAt: NOW - 50 * HOUR,
  read: true,
  byWechat: false,
});
const notice = aMessage({
  _id: 'notice:n1~T001',
  kind: 'notice',
  title: '新通知：关于组织教职工年度体检的通知',
  body: '体检时间为12月10日至12日。',
  page: 'packages/notice/detail/index?id=n1',
  createdAt: NOW - 5 * HOUR,
  read: false,
  byWechat: false,
});
const vote = aMessage();
const card = (title: string) => screen.getByLabelText(title);
const titles = () => Array.from(document.querySelectorAll('.message__title')).map((el) => el.textContent);

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  answer({ 'message.list': { messages: [digest, notice, vote], unread: 2 }, 'message.read': { unread: 1 } });
});

test('newest first, unread marked, and how each reached the member', async () => {
  render(<MessageListPage />);
  expect(await screen.findByText('2 条未读')).toBeInTheDocument();
  expect(titles()).toEqual([vote.title, notice.title, digest.title]);

  expect(within(card(vote.title)).getByText('未读')).toBeInTheDocument();
  expect(within(card(vote.title)).getByText('微信已提醒')).toBeInTheDocument();
  expect(within(card(vote.title)).getByText('投票截止提醒 · 2026年12月3日 08:00')).toBeInTheDocument();
  expect(within(card(notice.title)).getByText('仅在小程序内')).toBeInTheDocument();
  expect(within(card(digest.title)).queryByText('未读')).not.toBeInTheDocument();
  expect(within(card(digest.title)).getByText('仅在小程序内')).toBeInTheDocument();
});

test('tapping an unread message marks it read and opens its page', async () => {
  const changed = jest.fn();
  Taro.eventCenter.on('month:changed', changed);
  render(<MessageListPage />);
  await screen.findByText('2 条未读');

  await tapAndSettle(card(vote.title));
  expect(callsTo('message.read')).toEqual([{ messageId: vote._id }]);
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/vote/ballot/index?id=v1' });
  expect(within(card(vote.title)).queryByText('未读')).not.toBeInTheDocument();
  expect(screen.getByText('1 条未读')).toBeInTheDocument();
  // The home page's count follows.
  await waitFor(() => expect(changed).toHaveBeenCalled());
  Taro.eventCenter.off('month:changed', changed);
});

test('a read message just opens; a message for the home page switches to its tab', async () => {
  render(<MessageListPage />);
  await screen.findByText('2 条未读');
  await tapAndSettle(card(digest.title));
  expect(callsTo('message.read')).toHaveLength(0);
  expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
  expect(taro.navigateTo).not.toHaveBeenCalled();
});

test('全部已读 marks every message read and says so', async () => {
  answer({ 'message.read': { unread: 0 } });
  render(<MessageListPage />);
  await screen.findByText('2 条未读');
  await tapAndSettle(button('全部已读'));

  expect(callsTo('message.read')).toEqual([{}]);
  expect(await screen.findByText('没有未读消息')).toBeInTheDocument();
  expect(screen.queryByText('未读')).not.toBeInTheDocument();
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已全部标为已读' }));
  expect(isDisabled(button('全部已读'))).toBe(true);
});

test('no messages: 暂无消息, and the way to 提醒设置', async () => {
  answer({ 'message.list': { messages: [], unread: 0 } });
  render(<MessageListPage />);
  expect(await screen.findByText('暂无消息')).toBeInTheDocument();
  expect(isDisabled(button('全部已读'))).toBe(true);
  fireEvent.click(screen.getByText('提醒设置'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/message/settings/index' });
});

test('a failed load offers 重试', async () => {
  answer({ 'message.list': failure('INTERNAL') });
  render(<MessageListPage />);
  expect(await screen.findByText('加载失败')).toBeInTheDocument();
  answer({ 'message.list': { messages: [vote], unread: 1 } });
  await act(async () => {
    fireEvent.click(screen.getByText('重试'));
  });
  expect(await screen.findByText('1 条未读')).toBeInTheDocument();
});
