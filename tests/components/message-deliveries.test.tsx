import { render, screen, within } from '@testing-library/react';
import DeliveriesPage from '../../src/packages/message/deliveries/index';
import { answer, callsTo, failure } from './support/gateway';
import { aTally, NOW } from './support/month';
import { stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
stubTaro();
jest.setTimeout(20000);

test('each reminder: what, which kind, when, and how many got it by WeChat, in the app only, or refused', async () => {
  answer({
    'reminder.summary': [
      aTally(),
      aTally({ reason: 'digest:2026-12', kind: 'digest', title: '12月工会工作安排', createdAt: NOW - 48 * 3600000, wechat: 0, inAppOnly: 120, refused: 0 }),
    ],
  });
  render(<DeliveriesPage />);
  const vote = await screen.findByLabelText('投票明天截止：2026 年度工会活动积极分子评选');
  expect(within(vote).getByText('投票截止提醒 · 2026年12月3日 08:00')).toBeInTheDocument();
  expect(within(vote).getByText('微信送达 31 人')).toBeInTheDocument();
  expect(within(vote).getByText('仅站内 12 人')).toBeInTheDocument();
  expect(within(vote).getByText('被拒 2 人')).toBeInTheDocument();
  expect(within(screen.getByLabelText('12月工会工作安排')).getByText('仅站内 120 人')).toBeInTheDocument();
  expect(callsTo('reminder.summary')).toEqual([{}]);
});

test('nothing sent yet, or a failed load, says so', async () => {
  answer({ 'reminder.summary': [] });
  const { unmount } = render(<DeliveriesPage />);
  expect(await screen.findByText('还没有发出过提醒')).toBeInTheDocument();
  unmount();

  answer({ 'reminder.summary': failure('FORBIDDEN') });
  render(<DeliveriesPage />);
  expect(await screen.findByText('你没有权限进行这个操作')).toBeInTheDocument();
});
