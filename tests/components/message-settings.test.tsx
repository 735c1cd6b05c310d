import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ReminderSettingsPage from '../../src/packages/message/settings/index';
import { NOTICE_REMINDER_TEMPLATE, VOTE_REMINDER_TEMPLATE } from '../../types/subscriptions';
import { button } from './support/dom';
import { answer, callsTo, failure, requestSubscribe } from './support/gateway';
import { aStatus } from './support/month';
import { stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();
jest.setTimeout(20000);

const card = (title: string) => screen.getByLabelText(title);

beforeEach(() => {
  answer({ 'subscription.status': aStatus({ voteReminder: 2 }), 'subscription.report': { recorded: true } });
});

test('each kind of reminder with how many are in hand, and one-time consent explained plainly', async () => {
  render(<ReminderSettingsPage />);
  expect(await within(await screen.findByLabelText('投票提醒')).findByText('还能收到 2 条')).toBeInTheDocument();
  expect(within(card('活动提醒')).getByText('现在收不到微信提醒')).toBeInTheDocument();
  expect(within(card('通知提醒')).getByText('现在收不到微信提醒')).toBeInTheDocument();
  expect(within(card('办理进度提醒')).getByText('接收一次「办理进度提醒」')).toBeInTheDocument();
  expect(screen.getByText('微信规定每次同意只能收到一条提醒；同意几次，就能收到几条。')).toBeInTheDocument();
});

test('接收一次 asks WeChat within the tap, records the consent, and shows one more in hand', async () => {
  requestSubscribe.mockResolvedValueOnce({ [VOTE_REMINDER_TEMPLATE]: 'accept' });
  render(<ReminderSettingsPage />);
  await screen.findByText('还能收到 2 条');
  answer({ 'subscription.status': aStatus({ voteReminder: 3 }) });

  fireEvent.click(button('接收一次「投票提醒」'));
  // Asked at once, before anything asynchronous: WeChat refuses the sheet otherwise.
  expect(requestSubscribe).toHaveBeenCalledWith([VOTE_REMINDER_TEMPLATE]);

  expect(await within(card('投票提醒')).findByText('已接收，可以多收到 1 条「投票提醒」')).toBeInTheDocument();
  expect(callsTo('subscription.report')).toEqual([{ templateId: VOTE_REMINDER_TEMPLATE, result: 'accept', context: { kind: 'settings' } }]);
  expect(await within(card('投票提醒')).findByText('还能收到 3 条')).toBeInTheDocument();
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已接收' }));
});

test('a refusal is recorded too, and said kindly', async () => {
  requestSubscribe.mockResolvedValueOnce({ [NOTICE_REMINDER_TEMPLATE]: 'reject' });
  render(<ReminderSettingsPage />);
  await screen.findByText('还能收到 2 条');
  fireEvent.click(button('接收一次「通知提醒」'));
  expect(await within(card('通知提醒')).findByText('这次没有同意，不会多收到提醒')).toBeInTheDocument();
  expect(callsTo('subscription.report')).toEqual([{ templateId: NOTICE_REMINDER_TEMPLATE, result: 'reject', context: { kind: 'settings' } }]);
});

test('reminders switched off in WeChat say where to switch them on', async () => {
  requestSubscribe.mockResolvedValueOnce({ [NOTICE_REMINDER_TEMPLATE]: 'ban' });
  render(<ReminderSettingsPage />);
  await screen.findByText('还能收到 2 条');
  fireEvent.click(button('接收一次「通知提醒」'));
  expect(await within(card('通知提醒')).findByText('微信里关掉了这类提醒：可以在小程序右上角「…」→「设置」里打开，再回来接收')).toBeInTheDocument();
});

test('when WeChat could not ask, nothing is recorded and the member is told', async () => {
  render(<ReminderSettingsPage />);
  await screen.findByText('还能收到 2 条');
  fireEvent.click(button('接收一次「投票提醒」'));
  expect(await within(card('投票提醒')).findByText('这次没能打开微信的提醒窗口，请稍后再试')).toBeInTheDocument();
  expect(callsTo('subscription.report')).toHaveLength(0);
});

test('a consent the cloud could not record says so', async () => {
  requestSubscribe.mockResolvedValueOnce({ [VOTE_REMINDER_TEMPLATE]: 'accept' });
  answer({ 'subscription.report': failure('INTERNAL') });
  render(<ReminderSettingsPage />);
  await screen.findByText('还能收到 2 条');
  fireEvent.click(button('接收一次「投票提醒」'));
  expect(await within(card('投票提醒')).findByText('服务开小差了，请稍后再试')).toBeInTheDocument();
  await waitFor(() => expect(button('接收一次「投票提醒」')).not.toHaveClass('nut-button-disabled'));
});

test('a failed load offers 重试', async () => {
  answer({ 'subscription.status': failure('INTERNAL') });
  render(<ReminderSettingsPage />);
  expect(await screen.findByText('加载失败')).toBeInTheDocument();
  expect(screen.getByText('重试')).toBeInTheDocument();
});
