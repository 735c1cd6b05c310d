import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MySuggestionsPage from '../../src/packages/suggestion/mine/index';
import SuggestionDetailPage from '../../src/packages/suggestion/detail/index';
import PublicRepliesPage from '../../src/packages/suggestion/public/index';
import { OWNER_TOKENS_KEY } from '../../src/packages/suggestion/lib/owner-tokens';
import { notifyProposalChanged } from '../../src/lib/proposal-routes';
import { button, tapAndSettle } from './support/dom';
import { answer, callsTo, failure, testToken } from './support/gateway';
import { aReply, aSuggestion, anAnonymousSuggestion } from './support/suggestions';
import { openPageWith, stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();
jest.setTimeout(20000);

const cardOf = (title: string) => screen.getByRole('button', { name: title });
const keep = (entries: Array<{ token: string; id?: string }>) => Taro.setStorageSync(OWNER_TOKENS_KEY, entries);

beforeEach(() => Taro.clearStorageSync());

describe('我的建议', () => {
  test('sends every token the phone keeps, and shows each suggestion with its status and reply', async () => {
    keep([{ token: testToken(2), id: 's2' }, { token: testToken(1) }]);
    answer({
      'suggestion.mine': [
        aSuggestion({ status: 'replied', reply: aReply() }),
        anAnonymousSuggestion(),
        aSuggestion({ _id: 's3', title: '关于停车位的建议', status: 'held' }),
        aSuggestion({ _id: 's4', title: '关于广告的建议', status: 'refused', refusedReason: '与工会工作无关' }),
      ],
    });
    render(<MySuggestionsPage />);

    expect(await screen.findByText('建议食堂增加晚餐窗口')).toBeInTheDocument();
    expect(callsTo('suggestion.mine')).toEqual([{ tokens: [testToken(2), testToken(1)] }]);
    expect(within(cardOf('建议食堂增加晚餐窗口')).getByText('已答复')).toBeInTheDocument();
    expect(within(cardOf('建议食堂增加晚餐窗口')).getByText('答复：已与食堂商量，下周起增开一个窗口。')).toBeInTheDocument();
    expect(within(cardOf('建议食堂增加晚餐窗口')).getByText('2026年3月2日 09:30 提交')).toBeInTheDocument();
    // Anonymous: 匿名, and only the day.
    expect(within(cardOf('希望增加教工体检项目')).getByText('已收到，待答复')).toBeInTheDocument();
    expect(within(cardOf('希望增加教工体检项目')).getByText('匿名')).toBeInTheDocument();
    expect(within(cardOf('希望增加教工体检项目')).getByText('2026年3月2日 提交')).toBeInTheDocument();
    expect(within(cardOf('关于停车位的建议')).getByText('待人工审核')).toBeInTheDocument();
    expect(within(cardOf('关于广告的建议')).getByText('未通过审核')).toBeInTheDocument();
    expect(within(cardOf('关于广告的建议')).getByText('原因：与工会工作无关')).toBeInTheDocument();
    expect(screen.getByText('匿名建议只在提交它的这台手机上显示。')).toBeInTheDocument();

    fireEvent.click(cardOf('希望增加教工体检项目'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/suggestion/detail/index?id=s2' });
  });

  test('without kept tokens it asks for the named ones only; 写建议 and 公开答复 are a tap away', async () => {
    answer({ 'suggestion.mine': [] });
    render(<MySuggestionsPage />);
    expect(await screen.findByText('你还没有提交过建议')).toBeInTheDocument();
    expect(callsTo('suggestion.mine')).toEqual([{ tokens: [] }]);

    fireEvent.click(button('写建议'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/suggestion/send/index' });
    fireEvent.click(screen.getByText('查看公开答复 ›'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/suggestion/public/index' });
  });

  test('a new anonymous suggestion sent elsewhere is asked for with its new token', async () => {
    answer({ 'suggestion.mine': [] });
    render(<MySuggestionsPage />);
    await screen.findByText('你还没有提交过建议');

    keep([{ token: testToken(7), id: 's7' }]);
    answer({ 'suggestion.mine': [anAnonymousSuggestion({ _id: 's7' })] });
    await act(async () => notifyProposalChanged());
    expect(await screen.findByText('希望增加教工体检项目')).toBeInTheDocument();
    expect(callsTo('suggestion.mine')).toEqual([{ tokens: [] }, { tokens: [testToken(7)] }]);
  });

  test('loading fails: says so, and 重试 loads again', async () => {
    answer({ 'suggestion.mine': failure('INTERNAL') });
    render(<MySuggestionsPage />);
    expect(await screen.findByText('加载失败')).toBeInTheDocument();
    answer({ 'suggestion.mine': [aSuggestion()] });
    await tapAndSettle(button('重试'));
    expect(await screen.findByText('建议食堂增加晚餐窗口')).toBeInTheDocument();
  });
});

describe('建议详情', () => {
  test('an anonymous suggestion opens with the token kept for it, and shows the reply', async () => {
    keep([{ token: testToken(3), id: 's9' }, { token: testToken(2), id: 's2' }]);
    openPageWith({ id: 's2' });
    answer({ 'suggestion.get': anAnonymousSuggestion({ status: 'replied', reply: aReply('体检中心已同意增加这两项。'), public: true }) });
    render(<SuggestionDetailPage />);

    expect(await screen.findByText('希望增加教工体检项目')).toBeInTheDocument();
    expect(callsTo('suggestion.get')).toEqual([{ suggestionId: 's2', token: testToken(2) }]);
    expect(screen.getByText('我匿名提交')).toBeInTheDocument();
    expect(screen.getByText('2026年3月2日')).toBeInTheDocument();
    expect(screen.getByText('体检中心已同意增加这两项。')).toBeInTheDocument();
    expect(screen.getByText('张主席 答复于 2026年3月5日 10:00')).toBeInTheDocument();
    expect(screen.getByText(/工会主席已公开这条答复/)).toBeInTheDocument();
  });

  test('a named one is asked for without a token; waiting for a reply is said plainly', async () => {
    openPageWith({ id: 's1' });
    answer({ 'suggestion.get': aSuggestion() });
    render(<SuggestionDetailPage />);
    expect(await screen.findByText('工会已经收到，答复后会显示在这里。')).toBeInTheDocument();
    expect(callsTo('suggestion.get')).toEqual([{ suggestionId: 's1' }]);
    expect(screen.getByText('已收到，待答复')).toBeInTheDocument();
  });

  test('a refused one shows the reason', async () => {
    openPageWith({ id: 's4' });
    answer({ 'suggestion.get': aSuggestion({ _id: 's4', status: 'refused', refusedReason: '与工会工作无关' }) });
    render(<SuggestionDetailPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('没有通过审核，原因：与工会工作无关。');
  });

  test('one this phone cannot open says so', async () => {
    openPageWith({ id: 'gone' });
    answer({ 'suggestion.get': failure('NOT_FOUND') });
    render(<SuggestionDetailPage />);
    expect(await screen.findByText('加载失败')).toBeInTheDocument();
    expect(screen.getByText('要找的内容不存在或已被删除')).toBeInTheDocument();
  });
});

describe('公开答复', () => {
  test('lists the published suggestions with their replies, naming no sender', async () => {
    answer({ 'suggestion.public': [aSuggestion({ status: 'replied', reply: aReply(), public: true, mine: false, senderName: '王老师' })] });
    render(<PublicRepliesPage />);
    expect(await screen.findByText('建议食堂增加晚餐窗口')).toBeInTheDocument();
    expect(screen.getByText('已与食堂商量，下周起增开一个窗口。')).toBeInTheDocument();
    expect(screen.queryByText(/王老师/)).not.toBeInTheDocument();
  });

  test('nothing published yet, or a failure, is said so', async () => {
    answer({ 'suggestion.public': [] });
    const { unmount } = render(<PublicRepliesPage />);
    expect(await screen.findByText('还没有公开的答复')).toBeInTheDocument();
    unmount();
    answer({ 'suggestion.public': failure('INTERNAL') });
    render(<PublicRepliesPage />);
    expect(await screen.findByText('加载失败')).toBeInTheDocument();
  });
});
