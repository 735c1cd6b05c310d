import { act, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ReadersPage from '../../src/packages/notice-admin/readers/index';
import { notifyMonthChanged } from '../../src/lib/month-routes';
import { button, tapAndSettle } from './support/dom';
import { answer, callsTo, failure } from './support/gateway';
import { aReaders, inDays } from './support/notices';
import { openPageWith, stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();
const showModal = jest.spyOn(Taro, 'showModal');
jest.setTimeout(20000);

const groupOf = (name: string) => screen.getByLabelText(name);
const confirmed = (confirm: boolean) => showModal.mockResolvedValueOnce({ confirm, cancel: !confirm, errMsg: 'ok' } as never);

beforeEach(() => openPageWith({ id: 'n1' }));

test('shows 已读 against the audience with a bar, and who has not read it, by group', async () => {
  answer({ 'notice.readers': aReaders() });
  render(<ReadersPage />);
  expect(await screen.findByText('已读 37 / 应读 60（62%）')).toBeInTheDocument();
  expect(callsTo('notice.readers')).toEqual([{ noticeId: 'n1' }]);
  expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '37');
  expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuemax', '60');
  expect(screen.getByText('关于开展2026年教职工体检的通知')).toBeInTheDocument();
  expect(screen.getByText('已发出提醒（含发布时的通知）：微信送达 40 条，只在「消息」里 20 条')).toBeInTheDocument();
  expect(screen.getByText('还没读（3 人）')).toBeInTheDocument();

  expect(within(groupOf('语文组')).getByText('语文组 · 2 人')).toBeInTheDocument();
  expect(within(groupOf('语文组')).getByText('孙老师').parentElement).toHaveTextContent('孙老师未绑定');
  expect(within(groupOf('语文组')).getAllByText('未绑定')).toHaveLength(1);
  expect(within(groupOf('数学组')).getByText('周老师')).toBeInTheDocument();
  expect(screen.getByText(/其中 1 人标着「未绑定」/)).toBeInTheDocument();
  expect(screen.queryByText(/只显示本小组/)).not.toBeInTheDocument();
});

test('a group leader sees only their group, and is told so', async () => {
  answer({
    'notice.readers': aReaders({ scope: 'group', audienceSize: 12, readCount: 10, unread: [{ memberId: 'T010', name: '钱老师', groupName: '语文组', bound: true }, { memberId: 'T012', name: '吴老师', groupName: '语文组', bound: true }] }),
  });
  render(<ReadersPage />);
  expect(await screen.findByText('已读 10 / 应读 12（83%）')).toBeInTheDocument();
  expect(screen.getByText('你是工会小组长，这里只显示本小组的阅读情况。')).toBeInTheDocument();
  expect(within(groupOf('语文组')).getByText('吴老师')).toBeInTheDocument();
  expect(screen.queryByLabelText('数学组')).not.toBeInTheDocument();
});

test('提醒未读 asks first, then reminds and says how it went', async () => {
  answer({ 'notice.readers': aReaders(), 'notice.remindUnread': { reminded: 3, wechat: 1, inAppOnly: 2 } });
  render(<ReadersPage />);
  await screen.findByText('已读 37 / 应读 60（62%）');

  confirmed(false);
  await tapAndSettle(button('提醒未读'));
  expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ content: '给 3 位未读的人发提醒？每天最多提醒一次' }));
  expect(callsTo('notice.remindUnread')).toHaveLength(0);

  answer({ 'notice.readers': aReaders({ reminders: { wechat: 41, inAppOnly: 22 } }) });
  confirmed(true);
  await tapAndSettle(button('提醒未读'));
  expect(callsTo('notice.remindUnread')).toEqual([{ noticeId: 'n1' }]);
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '微信送达 1 人，其余 2 人可在「消息」里看到' }));
  expect(screen.getByText('微信送达 1 人，其余 2 人可在「消息」里看到')).toBeInTheDocument();
  // The reminders so far are loaded again.
  expect(await screen.findByText('已发出提醒（含发布时的通知）：微信送达 41 条，只在「消息」里 22 条')).toBeInTheDocument();
  expect(callsTo('notice.readers')).toHaveLength(2);
});

test('a second reminder the same day: 今天已经提醒过了', async () => {
  answer({ 'notice.readers': aReaders(), 'notice.remindUnread': { reminded: 0, wechat: 0, inAppOnly: 0 } });
  render(<ReadersPage />);
  await screen.findByText('已读 37 / 应读 60（62%）');
  confirmed(true);
  await tapAndSettle(button('提醒未读'));
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '今天已经提醒过了' }));
  expect(callsTo('notice.readers')).toHaveLength(1);
});

test('a refused reminder says why, beside the button', async () => {
  answer({ 'notice.readers': aReaders(), 'notice.remindUnread': failure('FORBIDDEN') });
  render(<ReadersPage />);
  await screen.findByText('已读 37 / 应读 60（62%）');
  confirmed(true);
  await tapAndSettle(button('提醒未读'));
  expect(await screen.findByRole('alert')).toHaveTextContent('你没有权限进行这个操作');
});

test('everyone has read it: said, and nothing to remind', async () => {
  answer({ 'notice.readers': aReaders({ readCount: 60, unread: [], reminders: { wechat: 0, inAppOnly: 0 } }) });
  render(<ReadersPage />);
  expect(await screen.findByText('已读 60 / 应读 60（100%）')).toBeInTheDocument();
  expect(screen.getByText('大家都读过了')).toBeInTheDocument();
  expect(screen.getByText('还没有发过提醒')).toBeInTheDocument();
  expect(screen.queryByText('提醒未读')).not.toBeInTheDocument();
});

test('a notice not out yet cannot be chased', async () => {
  answer({ 'notice.readers': aReaders({ notice: { _id: 'n1', title: '寒假值班安排', status: 'published', visibleAt: inDays(2) }, readCount: 0 }) });
  render(<ReadersPage />);
  expect(await screen.findByText(/通知还没有发布/)).toBeInTheDocument();
  expect(screen.queryByText('提醒未读')).not.toBeInTheDocument();
});

test('loading fails: says so, and 重试 loads again; a change elsewhere reloads', async () => {
  answer({ 'notice.readers': failure('FORBIDDEN') });
  render(<ReadersPage />);
  expect(await screen.findByText('加载失败')).toBeInTheDocument();
  answer({ 'notice.readers': aReaders() });
  await tapAndSettle(button('重试'));
  expect(await screen.findByText('已读 37 / 应读 60（62%）')).toBeInTheDocument();

  answer({ 'notice.readers': aReaders({ readCount: 38 }) });
  act(() => notifyMonthChanged());
  expect(await screen.findByText('已读 38 / 应读 60（63%）')).toBeInTheDocument();
});
