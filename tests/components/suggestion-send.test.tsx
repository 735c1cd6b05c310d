import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import SendSuggestionPage from '../../src/packages/suggestion/send/index';
import { OWNER_TOKENS_KEY } from '../../src/packages/suggestion/lib/owner-tokens';
import { SEND_TICKETS_KEY } from '../../src/packages/suggestion/lib/send-tickets';
import { CloudCallError } from '../../src/gateway/cloud';
import type { ActionInput } from '../../types/actions';
import { button, field, tapAndSettle, typeInto } from './support/dom';
import { answer, callsTo, failure, randomToken, testToken } from './support/gateway';
import { aSuggestion, anAnonymousSuggestion } from './support/suggestions';
import { stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();
jest.setTimeout(20000);

const TITLE = '标题，例如 建议食堂增加晚餐窗口';
const BODY = '写下你的建议：遇到了什么问题，希望怎样改进';
const typeIntoArea = async (placeholder: string, value: string) => {
  const area = await waitFor(() => {
    const found = screen.getAllByPlaceholderText(placeholder).find((el) => el.tagName === 'TEXTAREA');
    if (!found) throw new Error(`没有占位文字为「${placeholder}」的文本框`);
    return found;
  });
  fireEvent.input(area, { target: { value } });
};
const anonymousSwitch = () => document.querySelector(".nut-switch[aria-label='匿名']") as HTMLElement;
const kept = () => Taro.getStorageSync(OWNER_TOKENS_KEY) as unknown;
const heldTickets = () => (Taro.getStorageSync(SEND_TICKETS_KEY) || {}) as { tickets?: string[] };
/** The page asks for the day's five tickets when it opens: testToken(1) … testToken(5); owner tokens come after. */
const TICKETS = [1, 2, 3, 4, 5].map(testToken);
const ownerToken = (n: number) => testToken(5 + n);
const opened = async () => {
  render(<SendSuggestionPage />);
  await waitFor(() => expect(callsTo('suggestion.tickets')).toHaveLength(1));
  await waitFor(() => expect(heldTickets().tickets).toHaveLength(5));
};
const sentAs = (overrides: Partial<ReturnType<typeof aSuggestion>> = {}) => (input: ActionInput<'suggestion.send'>) =>
  aSuggestion({ title: input.title, body: input.body, anonymous: input.anonymous, ...(input.anonymous ? { _id: 's-anon', senderName: '匿名' } : {}), ...overrides });

const fillIn = async () => {
  await typeInto(TITLE, '  建议食堂增加晚餐窗口 ');
  await typeIntoArea(BODY, '晚自习前吃饭的老师很多，窗口只有两个。');
};

beforeEach(() => {
  Taro.clearStorageSync();
  answer({ 'suggestion.tickets': { day: '20260302', granted: true } });
});

test('explains 匿名 in plain words before anything is sent', async () => {
  render(<SendSuggestionPage />);
  expect(screen.getByText('匿名：记录里不保存你的姓名和工号，只有这台手机能查看它的进度')).toBeInTheDocument();
  expect(anonymousSwitch()).toHaveAttribute('aria-checked', 'false');
  expect(screen.getByText(/署名提交：工会能看到你的姓名/)).toBeInTheDocument();
  await tapAndSettle(anonymousSwitch());
  expect(screen.getByText('换手机或清除微信数据后，就不能再查看这条建议的进度了。')).toBeInTheDocument();
});

test('a named suggestion is sent trimmed, with one of the day’s tickets and no token, and the sender sees its status', async () => {
  answer({ 'suggestion.send': sentAs() });
  await opened();
  expect(callsTo('suggestion.tickets')).toEqual([{ tickets: TICKETS }]);
  await fillIn();
  await tapAndSettle(button('提交建议'));

  expect(callsTo('suggestion.send')).toEqual([{ title: '建议食堂增加晚餐窗口', body: '晚自习前吃饭的老师很多，窗口只有两个。', anonymous: false, ticket: TICKETS[0] }]);
  // Tickets are asked for when the page opens, never when sending.
  expect(callsTo('suggestion.tickets')).toHaveLength(1);
  expect(randomToken).toHaveBeenCalledTimes(5);
  expect(heldTickets().tickets).toEqual(TICKETS.slice(1));
  expect(kept()).toBeFalsy();
  expect(await screen.findByText('建议已提交')).toBeInTheDocument();
  expect(screen.getByText('已收到，待答复')).toBeInTheDocument();
  expect(screen.getByText('工会已经收到，答复后会显示在这里。')).toBeInTheDocument();
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已提交' }));

  fireEvent.click(button('查看进度'));
  expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/suggestion/detail/index?id=s1' });
});

test('an anonymous suggestion sends a fresh token and the phone keeps it with the suggestion it opens', async () => {
  answer({ 'suggestion.send': sentAs() });
  await opened();
  await fillIn();
  await tapAndSettle(anonymousSwitch());
  await tapAndSettle(button('提交建议'));

  expect(randomToken).toHaveBeenCalledTimes(6);
  expect(callsTo('suggestion.send')).toEqual([{ title: '建议食堂增加晚餐窗口', body: '晚自习前吃饭的老师很多，窗口只有两个。', anonymous: true, token: ownerToken(1), ticket: TICKETS[0] }]);
  expect(kept()).toEqual([{ token: ownerToken(1), id: 's-anon' }]);
  expect(await screen.findByText('这是一条匿名建议：只有这台手机能在「我的建议」里查看它的进度。')).toBeInTheDocument();
});

test('each anonymous suggestion gets its own token; the newest is kept first', async () => {
  let n = 0;
  answer({ 'suggestion.send': (input) => anAnonymousSuggestion({ _id: `s-anon-${++n}`, title: input.title }) });
  await opened();
  await fillIn();
  await tapAndSettle(anonymousSwitch());
  await tapAndSettle(button('提交建议'));
  await screen.findByText('建议已提交');
  fireEvent.click(button('再写一条'));
  await typeInto(TITLE, '希望增加教工体检项目');
  await typeIntoArea(BODY, '建议体检增加甲状腺彩超。');
  await tapAndSettle(button('提交建议'));
  await screen.findByText('建议已提交');

  expect(callsTo('suggestion.send').map((input) => [input.token, input.ticket])).toEqual([[ownerToken(1), TICKETS[0]], [ownerToken(2), TICKETS[1]]]);
  expect(kept()).toEqual([
    { token: ownerToken(2), id: 's-anon-2' },
    { token: ownerToken(1), id: 's-anon-1' },
  ]);
});

test('with the day’s tickets spent, the limit is said kindly before anything is sent, and the text stays', async () => {
  // Today's tickets were granted earlier (another visit) and are spent: this visit gets none.
  answer({ 'suggestion.tickets': { day: '20260302', granted: false } });
  Taro.setStorageSync(SEND_TICKETS_KEY, { day: '20260302', tickets: [], asking: null });
  render(<SendSuggestionPage />);
  await waitFor(() => expect(callsTo('suggestion.tickets')).toHaveLength(1));
  await fillIn();
  await tapAndSettle(anonymousSwitch());
  await tapAndSettle(button('提交建议'));

  const notice = await screen.findByText(/今天提交的建议已达上限，明天再来吧/);
  expect(notice).toHaveTextContent('写好的内容可以先复制保存，明天再提交');
  expect(notice).toHaveAttribute('role', 'status');
  expect(callsTo('suggestion.send')).toEqual([]);
  expect(screen.queryByText('建议已提交')).not.toBeInTheDocument();
  expect((await field(TITLE)).value).toBe('  建议食堂增加晚餐窗口 ');
  expect(kept()).toBeFalsy();
});

test('yesterday’s tickets are dropped when the cloud answers a new day that it granted none for', async () => {
  answer({ 'suggestion.tickets': { day: '20260303', granted: false } });
  Taro.setStorageSync(SEND_TICKETS_KEY, { day: '20260302', tickets: ['yesterdaysticket'.padEnd(43, 'y')], asking: null });
  render(<SendSuggestionPage />);
  await waitFor(() => expect(heldTickets().tickets).toEqual([]));
});

test('a lost grant is asked again with the same tickets', async () => {
  answer({ 'suggestion.tickets': new CloudCallError('NETWORK', '网络不太顺畅，请稍后再试') });
  const first = render(<SendSuggestionPage />);
  await waitFor(() => expect(callsTo('suggestion.tickets')).toHaveLength(1));
  first.unmount();
  answer({ 'suggestion.tickets': { day: '20260302', granted: true } });
  render(<SendSuggestionPage />);
  await waitFor(() => expect(heldTickets().tickets).toEqual(TICKETS));
  expect(callsTo('suggestion.tickets')).toEqual([{ tickets: TICKETS }, { tickets: TICKETS }]);
});

test('a refused send gives its ticket back; a spent or outdated ticket makes the page ask for today’s again', async () => {
  answer({ 'suggestion.send': failure('CONTENT_RISKY') });
  await opened();
  await fillIn();
  await tapAndSettle(button('提交建议'));
  expect(await screen.findByRole('alert')).toHaveTextContent('内容未通过微信内容安全检查');
  expect(heldTickets().tickets).toEqual(TICKETS);

  answer({ 'suggestion.send': failure('SUGGESTION_TICKET_INVALID') });
  await tapAndSettle(button('提交建议'));
  expect(await screen.findByRole('alert')).toHaveTextContent('提交凭据已经用过或已过期，请再提交一次');
  await waitFor(() => expect(callsTo('suggestion.tickets')).toHaveLength(2));
  expect(callsTo('suggestion.send').map((input) => input.ticket)).toEqual([TICKETS[0], TICKETS[0]]);
});

test('a lost answer keeps the token: the suggestion may have arrived', async () => {
  answer({ 'suggestion.send': new CloudCallError('NETWORK', '网络不太顺畅，请稍后再试') });
  await opened();
  await fillIn();
  await tapAndSettle(anonymousSwitch());
  await tapAndSettle(button('提交建议'));

  expect(await screen.findByRole('alert')).toHaveTextContent('网络不太顺畅，请稍后再试');
  expect(kept()).toEqual([{ token: ownerToken(1) }]);
});

test('a phone without strong randomness cannot send anonymously, and says what to do', async () => {
  await opened();
  randomToken.mockRejectedValueOnce(new CloudCallError('INTERNAL', '这台手机暂时无法匿名提交，请把微信更新到最新版本后再试，或关闭「匿名」'));
  await fillIn();
  await tapAndSettle(anonymousSwitch());
  await tapAndSettle(button('提交建议'));

  expect(await screen.findByRole('alert')).toHaveTextContent('请把微信更新到最新版本后再试');
  expect(callsTo('suggestion.send')).toEqual([]);
  expect(heldTickets().tickets).toEqual(TICKETS);
});

test('too short a title is caught on the phone', async () => {
  render(<SendSuggestionPage />);
  await typeInto(TITLE, '好');
  await typeIntoArea(BODY, '晚自习前吃饭的老师很多。');
  await tapAndSettle(button('提交建议'));
  expect(await screen.findByRole('alert')).toHaveTextContent('请填写标题');
  expect(callsTo('suggestion.send')).toEqual([]);
});

test('content the check refuses is explained', async () => {
  answer({ 'suggestion.send': failure('CONTENT_RISKY') });
  await opened();
  await fillIn();
  await tapAndSettle(button('提交建议'));
  expect(await screen.findByRole('alert')).toHaveTextContent('内容未通过微信内容安全检查，请修改后再提交');
});

test('a held suggestion says it waits for a person to check it', async () => {
  answer({ 'suggestion.send': sentAs({ status: 'held' }) });
  await opened();
  await fillIn();
  await tapAndSettle(button('提交建议'));
  expect(await screen.findByText('待人工审核')).toBeInTheDocument();
  expect(screen.getByText(/工会主席看过后就会转给工会处理/)).toBeInTheDocument();
});
