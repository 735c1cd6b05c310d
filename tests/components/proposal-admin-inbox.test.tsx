import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import InboxPage from '../../src/packages/proposal-admin/inbox/index';
import { button, tapAndSettle } from './support/dom';
import { answer, callsTo, failure } from './support/gateway';
import { aReply, aSuggestion, anAnonymousSuggestion, meWith } from './support/suggestions';
import { stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();
jest.setTimeout(20000);

const REPLY = '写下答复，提交建议的老师会看到';
const cardOf = (title: string) => screen.getByLabelText(title);
const typeReply = async (value: string) => {
  const area = await waitFor(() => {
    const found = screen.getAllByPlaceholderText(REPLY).find((el) => el.tagName === 'TEXTAREA');
    if (!found) throw new Error('没有答复框');
    return found;
  });
  fireEvent.input(area, { target: { value } });
};
const publicSwitch = (title: string) => within(cardOf(title)).getByLabelText('公开答复');
const chip = (label: string) => screen.getByText(label, { selector: '.filter-chips__chip *' });

const replied = aSuggestion({ _id: 's5', title: '关于午休室的建议', status: 'replied', reply: aReply('已在三楼开放午休室。'), mine: false });

test('lists every suggestion; anonymous ones show 匿名 and only their day', async () => {
  answer({ 'me.get': meWith(['committee']), 'suggestion.inbox': [aSuggestion({ mine: false }), anAnonymousSuggestion({ mine: false }), replied] });
  render(<InboxPage />);
  expect(await screen.findByText('建议食堂增加晚餐窗口')).toBeInTheDocument();
  expect(callsTo('suggestion.inbox')).toEqual([{}]);
  expect(within(cardOf('建议食堂增加晚餐窗口')).getByText('王老师')).toBeInTheDocument();
  expect(within(cardOf('建议食堂增加晚餐窗口')).getByText('2026年3月2日 09:30')).toBeInTheDocument();
  const anon = cardOf('希望增加教工体检项目');
  expect(within(anon).getByText('匿名')).toBeInTheDocument();
  expect(within(anon).getByText('2026年3月2日')).toBeInTheDocument();
  expect(within(cardOf('关于午休室的建议')).getByText('已在三楼开放午休室。')).toBeInTheDocument();
});

test('the status filter asks for that status only', async () => {
  answer({ 'me.get': meWith(['committee']), 'suggestion.inbox': (input) => (input.status === 'replied' ? [replied] : []) });
  render(<InboxPage />);
  expect(await screen.findByText('还没有收到建议')).toBeInTheDocument();
  await tapAndSettle(chip('已答复'));
  expect(await screen.findByText('关于午休室的建议')).toBeInTheDocument();
  await tapAndSettle(chip('待人工审核'));
  expect(await screen.findByText('没有「待人工审核」的建议')).toBeInTheDocument();
  expect(callsTo('suggestion.inbox')).toEqual([{}, { status: 'replied' }, { status: 'held' }]);
});

test('a committee member replies; the reply is sent trimmed and the list refreshes', async () => {
  answer({
    'me.get': meWith(['committee']),
    'suggestion.inbox': [aSuggestion({ mine: false })],
    'suggestion.reply': (input) => aSuggestion({ status: 'replied', reply: aReply(input.text), mine: false }),
  });
  render(<InboxPage />);
  await screen.findByText('建议食堂增加晚餐窗口');

  await tapAndSettle(button('答复'));
  await typeReply('  已与食堂商量，下周起增开一个窗口。 ');
  answer({ 'suggestion.inbox': [aSuggestion({ status: 'replied', reply: aReply(), mine: false })] });
  await tapAndSettle(button('发送答复'));

  expect(callsTo('suggestion.reply')).toEqual([{ suggestionId: 's1', text: '已与食堂商量，下周起增开一个窗口。' }]);
  expect(await screen.findByText('已答复，提交人可以看到了。')).toBeInTheDocument();
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已答复' }));
  await waitFor(() => expect(callsTo('suggestion.inbox')).toHaveLength(2));
  expect(await screen.findByText('已与食堂商量，下周起增开一个窗口。')).toBeInTheDocument();
  // Not the chair: no 公开 switch, only who decides it.
  expect(screen.queryByLabelText('公开答复')).not.toBeInTheDocument();
  expect(screen.getByText('答复只有提交人能看到；是否公开由工会主席决定。')).toBeInTheDocument();
});

test('a reply held by the content check says it waits for the chair', async () => {
  answer({ 'me.get': meWith(['committee']), 'suggestion.inbox': [aSuggestion({ mine: false })], 'suggestion.reply': aSuggestion({ mine: false }) });
  render(<InboxPage />);
  await screen.findByText('建议食堂增加晚餐窗口');
  await tapAndSettle(button('答复'));
  await typeReply('已与食堂商量。');
  await tapAndSettle(button('发送答复'));
  expect(await screen.findByText('答复已提交。内容安全检查暂时不可用，工会主席审核通过后，提交人才能看到。')).toBeInTheDocument();
});

test('an empty reply is caught; a refusal is shown beside the suggestion', async () => {
  answer({ 'me.get': meWith(['committee']), 'suggestion.inbox': [aSuggestion({ mine: false })], 'suggestion.reply': failure('CONTENT_RISKY') });
  render(<InboxPage />);
  await screen.findByText('建议食堂增加晚餐窗口');
  await tapAndSettle(button('答复'));
  await tapAndSettle(button('发送答复'));
  expect(await screen.findByRole('alert')).toHaveTextContent('请先写下答复');
  expect(callsTo('suggestion.reply')).toEqual([]);

  await typeReply('不行。');
  await tapAndSettle(button('发送答复'));
  expect(await screen.findByRole('alert')).toHaveTextContent('内容未通过微信内容安全检查，请修改后再提交');
});

test('the chair makes a reply public, and can take it back', async () => {
  answer({ 'me.get': meWith(['chair']), 'suggestion.inbox': [replied], 'suggestion.setPublic': (input) => ({ ...replied, public: input.public }) });
  render(<InboxPage />);
  await screen.findByText('关于午休室的建议');
  await waitFor(() => expect(publicSwitch('关于午休室的建议')).toHaveAttribute('aria-checked', 'false'));
  expect(screen.getByText('公开后，全体会员都能在「公开答复」里看到这条建议和答复，不显示提交人。')).toBeInTheDocument();

  answer({ 'suggestion.inbox': [{ ...replied, public: true }] });
  await tapAndSettle(publicSwitch('关于午休室的建议'));
  expect(callsTo('suggestion.setPublic')).toEqual([{ suggestionId: 's5', public: true }]);
  expect(await screen.findByText('已公开：全体会员可以在「公开答复」里看到这条建议和答复。')).toBeInTheDocument();
  await waitFor(() => expect(publicSwitch('关于午休室的建议')).toHaveAttribute('aria-checked', 'true'));

  answer({ 'suggestion.inbox': [replied] });
  await tapAndSettle(publicSwitch('关于午休室的建议'));
  expect(callsTo('suggestion.setPublic')).toEqual([
    { suggestionId: 's5', public: true },
    { suggestionId: 's5', public: false },
  ]);
  expect(await screen.findByText('已取消公开。')).toBeInTheDocument();
});

test('held and refused suggestions cannot be replied to, and say why', async () => {
  answer({
    'me.get': meWith(['chair']),
    'suggestion.inbox': [
      aSuggestion({ _id: 's6', title: '待审核的建议', status: 'held', mine: false }),
      aSuggestion({ _id: 's7', title: '被拒的建议', status: 'refused', refusedReason: '与工会工作无关', mine: false }),
    ],
  });
  render(<InboxPage />);
  await screen.findByText('待审核的建议');
  expect(screen.queryByText('答复')).not.toBeInTheDocument();
  expect(within(cardOf('待审核的建议')).getByText(/需要工会主席审核通过后才能答复/)).toBeInTheDocument();
  expect(within(cardOf('被拒的建议')).getByText('未通过审核：与工会工作无关。')).toBeInTheDocument();
  fireEvent.click(await within(cardOf('待审核的建议')).findByText(/去审核/));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/proposal-admin/moderation/index' });
});

test('loading fails: says so, and 重试 loads again', async () => {
  answer({ 'me.get': meWith(['committee']), 'suggestion.inbox': failure('FORBIDDEN') });
  render(<InboxPage />);
  expect(await screen.findByText('加载失败')).toBeInTheDocument();
  answer({ 'suggestion.inbox': [aSuggestion({ mine: false })] });
  await tapAndSettle(button('重试'));
  expect(await screen.findByText('建议食堂增加晚餐窗口')).toBeInTheDocument();
});
