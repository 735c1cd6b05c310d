import { render, screen, waitFor } from '@testing-library/react';
import { RemindMeButton } from '../../src/components/RemindMeButton';
import { PROGRESS_REMINDER_TEMPLATE } from '../../types/subscriptions';
import { tapAndSettle } from './support/dom';
import { callsTo, requestSubscribe } from './support/gateway';
import { stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();

const renderButton = () =>
  render(<RemindMeButton template="progressReminder" context={{ kind: 'proposal', id: 'p1' }} label="有答复时提醒我" />);

test('one tap asks WeChat for one reminder of this kind and tells the ledger the answer', async () => {
  requestSubscribe.mockResolvedValueOnce({ [PROGRESS_REMINDER_TEMPLATE]: 'accept' });
  renderButton();
  await tapAndSettle(screen.getByText('有答复时提醒我'));
  expect(requestSubscribe).toHaveBeenCalledWith([PROGRESS_REMINDER_TEMPLATE]);
  await waitFor(() => expect(callsTo('subscription.report')).toEqual([{ templateId: PROGRESS_REMINDER_TEMPLATE, result: 'accept', context: { kind: 'proposal', id: 'p1' } }]));
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '好的，到时会提醒你' }));
  expect(await screen.findByText('已订阅 · 再订一次')).toBeInTheDocument();
});

test('a refusal is reported too, and the member is told the app still keeps the message', async () => {
  requestSubscribe.mockResolvedValueOnce({ [PROGRESS_REMINDER_TEMPLATE]: 'reject' });
  renderButton();
  await tapAndSettle(screen.getByText('有答复时提醒我'));
  await waitFor(() => expect(callsTo('subscription.report')).toEqual([expect.objectContaining({ result: 'reject' })]));
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '不会通过微信提醒，消息仍会出现在「消息」里' }));
});

test('when WeChat cannot ask (no answer), nothing is reported', async () => {
  requestSubscribe.mockResolvedValueOnce({});
  renderButton();
  await tapAndSettle(screen.getByText('有答复时提醒我'));
  await waitFor(() => expect(taro.showToast).toHaveBeenCalled());
  expect(callsTo('subscription.report')).toEqual([]);
});
