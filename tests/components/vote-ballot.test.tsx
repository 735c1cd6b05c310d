import { render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import BallotPage from '../../src/packages/vote/ballot/index';
import type { VoteDetail } from '../../types/vote';
import { button, isDisabled, tapAndSettle, typeInto } from './support/dom';
import { answer, callsTo, CloudCallError, failure } from './support/gateway';
import { openPageWith, stubTaro } from './support/taro';
import { appraisalContent, aVoteDetail, castDetail, electionResults, motionContent, motionResults, pollContent } from './support/votes';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();
const showModal = jest.spyOn(Taro, 'showModal');

const confirmed = { confirm: true, cancel: false, errMsg: 'ok' } as never;
const choice = (name: string) => screen.getByRole('checkbox', { name });
const radio = (name: string) => screen.getByRole('radio', { name });
const checked = (el: HTMLElement) => el.getAttribute('aria-checked') === 'true';

beforeEach(() => {
  openPageWith({ id: 'v1' });
  showModal.mockResolvedValue(confirmed);
});

describe('election', () => {
  test('refuses a pick beyond the maximum, then casts exactly the chosen candidates after confirming', async () => {
    const detail = aVoteDetail();
    answer({ 'vote.get': detail, 'vote.cast': castDetail(detail) });
    render(<BallotPage />);

    expect(await screen.findByText('2026 年度工会活动积极分子评选')).toBeInTheDocument();
    expect(callsTo('vote.get')).toEqual([{ voteId: 'v1' }]);
    expect(screen.getByText('无记名投票：系统只记录你已投票，不记录你投了谁')).toBeInTheDocument();
    expect(screen.getByText('请选择 1–2 人')).toBeInTheDocument();
    expect(screen.getByText('组织教工羽毛球赛三年')).toBeInTheDocument();
    expect(screen.getByLabelText('张三的照片')).toHaveAttribute('src', 'https://example.test/c1.jpg');
    expect(screen.getByText('投票结束后公布结果')).toBeInTheDocument();
    expect(isDisabled(button('投票'))).toBe(true);

    await tapAndSettle(choice('李四'));
    await tapAndSettle(choice('张三'));
    expect(screen.getByText('已选 2 人')).toBeInTheDocument();
    expect(isDisabled(button('投票'))).toBe(false);

    await tapAndSettle(choice('王五'));
    expect(screen.getByRole('alert')).toHaveTextContent('最多只能选 2 人，请先取消一位再选');
    expect(checked(choice('王五'))).toBe(false);
    expect(screen.getByText('已选 2 人')).toBeInTheDocument();

    // Changing one's mind first: nothing is sent.
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' } as never);
    await tapAndSettle(button('投票'));
    expect(callsTo('vote.cast')).toHaveLength(0);

    await tapAndSettle(button('投票'));
    expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '确认投票', content: '你选择了 2 人：张三、李四。提交后不能修改。' }));
    await waitFor(() => expect(callsTo('vote.cast')).toEqual([{ voteId: 'v1', ballot: { kind: 'election', picks: ['c1', 'c2'] } }]));
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '投票成功' }));
    expect(await screen.findByText('已投票', { selector: '.ballot__voted' })).toBeInTheDocument();
    expect(screen.getByText('你的选票已投入票箱，系统不记录你投了谁。')).toBeInTheDocument();
    expect(screen.queryByText('投票', { selector: '.nut-button *' })).not.toBeInTheDocument();
    expect(screen.getByText('38 人')).toBeInTheDocument();
    // The page took the answer as it was: no second load.
    expect(callsTo('vote.get')).toHaveLength(1);
  });

  test('a refused cast shows the server’s message and keeps the choices', async () => {
    answer({ 'vote.get': aVoteDetail(), 'vote.cast': failure('CONFLICT') });
    render(<BallotPage />);
    await screen.findByText('请选择 1–2 人');
    await tapAndSettle(choice('王五'));
    await tapAndSettle(button('投票'));

    expect(await screen.findByText('有人同时在修改，请刷新后再试')).toBeInTheDocument();
    expect(checked(choice('王五'))).toBe(true);
    expect(screen.getByText('已选 1 人')).toBeInTheDocument();
    expect(isDisabled(button('投票'))).toBe(false);
    expect(taro.showToast).not.toHaveBeenCalled();
  });

  test('a ballot already cast elsewhere: the refusal stays on screen and the page catches up to 已投票', async () => {
    answer({ 'vote.get': aVoteDetail(), 'vote.cast': failure('ALREADY_VOTED') });
    render(<BallotPage />);
    await screen.findByText('请选择 1–2 人');
    // Meanwhile the member voted in another tab: the next load says so.
    answer({ 'vote.get': aVoteDetail({ voted: true, canVote: { ok: false, reason: '你已经投过票了' } }) });
    await tapAndSettle(choice('王五'));
    await tapAndSettle(button('投票'));

    expect(await screen.findByText('已投票', { selector: '.ballot__voted' })).toBeInTheDocument();
    expect(screen.getByText('你已经投过票了，每人只能投一次')).toBeInTheDocument();
    expect(screen.queryByText('投票', { selector: '.nut-button *' })).not.toBeInTheDocument();
    expect(callsTo('vote.get')).toHaveLength(2);
  });

  test('the server’s reasons for an invalid ballot are shown in full', async () => {
    const refused = new CloudCallError('BALLOT_INVALID', '选票填写有误，请检查后再试', [{ path: 'ballot.picks', message: '候选人不存在' }]);
    answer({ 'vote.get': aVoteDetail(), 'vote.cast': refused });
    render(<BallotPage />);
    await screen.findByText('请选择 1–2 人');
    await tapAndSettle(choice('张三'));
    await tapAndSettle(button('投票'));
    expect(await screen.findByText('选票填写有误，请检查后再试：候选人不存在')).toBeInTheDocument();
  });

  test('when the member may not vote, the reason is shown instead of a ballot', async () => {
    answer({ 'vote.get': aVoteDetail({ eligible: false, canVote: { ok: false, reason: '你不在这次投票的范围内' } }) });
    render(<BallotPage />);
    expect(await screen.findByText('你不在这次投票的范围内')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.queryByText('投票', { selector: '.nut-button *' })).not.toBeInTheDocument();
  });
});

test('appraisal: every subject must be graded before the ballot can be cast', async () => {
  const detail = aVoteDetail({}, { title: '校领导班子民主评议', content: appraisalContent });
  answer({ 'vote.get': detail, 'vote.cast': castDetail(detail) });
  render(<BallotPage />);
  await screen.findByText('校领导班子民主评议');
  expect(screen.getByText('已评 0/2 人')).toBeInTheDocument();

  await tapAndSettle(radio('陈校长 优秀'));
  expect(screen.getByText('已评 1/2 人')).toBeInTheDocument();
  expect(screen.getByText('还有 1 位没有评议，请为每一位选择等次')).toBeInTheDocument();
  expect(isDisabled(button('投票'))).toBe(true);

  await tapAndSettle(radio('周书记 基本称职'));
  await tapAndSettle(radio('周书记 称职'));
  expect(checked(radio('周书记 称职'))).toBe(true);
  expect(checked(radio('周书记 基本称职'))).toBe(false);
  expect(isDisabled(button('投票'))).toBe(false);

  await tapAndSettle(button('投票'));
  expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ content: '你的评议：陈校长：优秀，周书记：称职。提交后不能修改。' }));
  await waitFor(() => expect(callsTo('vote.cast')).toEqual([{ voteId: 'v1', ballot: { kind: 'appraisal', grades: { s1: 'excellent', s2: 'competent' } } }]));
  expect(await screen.findByText('已投票', { selector: '.ballot__voted' })).toBeInTheDocument();
});

test('appraisal: subjects whose ids are named like what every object has (toString, constructor) still need a grade each', async () => {
  // Such ids are refused now (ID_RESERVED), but a vote stored before may carry them.
  const content = { kind: 'appraisal' as const, subjects: appraisalContent.subjects.map((s, i) => ({ ...s, id: ['toString', 'constructor'][i] })) };
  const detail = aVoteDetail({}, { title: '校领导班子民主评议', content });
  answer({ 'vote.get': detail, 'vote.cast': castDetail(detail) });
  render(<BallotPage />);
  await screen.findByText('校领导班子民主评议');
  expect(screen.getByText('已评 0/2 人')).toBeInTheDocument();
  expect(isDisabled(button('投票'))).toBe(true);

  await tapAndSettle(radio('陈校长 优秀'));
  expect(screen.getByText('还有 1 位没有评议，请为每一位选择等次')).toBeInTheDocument();
  expect(isDisabled(button('投票'))).toBe(true);
  await tapAndSettle(radio('周书记 称职'));
  expect(checked(radio('周书记 称职'))).toBe(true);
  expect(screen.getByText('已评 2/2 人')).toBeInTheDocument();

  await tapAndSettle(button('投票'));
  expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ content: '你的评议：陈校长：优秀，周书记：称职。提交后不能修改。' }));
  await waitFor(() => expect(callsTo('vote.cast')).toEqual([{ voteId: 'v1', ballot: { kind: 'appraisal', grades: { toString: 'excellent', constructor: 'competent' } } }]));
});

test('motion: a named vote shows the member’s own stance afterwards and lets them change it', async () => {
  const detail = aVoteDetail(
    { resultsNote: '投票中实时公布' },
    { title: '关于教职工福利方案的表决', content: motionContent, secret: false, allowChange: true, electorate: { delegatesOnly: true } },
  );
  const afterYes = castDetail(detail, { myBallot: { kind: 'motion', stance: 'yes' }, canChange: true });
  answer({
    'vote.get': detail,
    'vote.cast': (input) => (input.ballot.kind === 'motion' && input.ballot.stance === 'no' ? { ...afterYes, myBallot: input.ballot } : afterYes),
  });
  render(<BallotPage />);
  await screen.findByText('关于教职工福利方案的表决');
  expect(screen.getByText('记名投票：组织者可以看到每个人的选择')).toBeInTheDocument();
  expect(screen.getByText('教代会代表')).toBeInTheDocument();

  await tapAndSettle(radio('赞成'));
  await tapAndSettle(button('投票'));
  expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ content: '你的意见：赞成。投票结束前你还可以修改。' }));
  await waitFor(() => expect(callsTo('vote.cast')).toEqual([{ voteId: 'v1', ballot: { kind: 'motion', stance: 'yes' } }]));
  expect(await screen.findByText('已投票', { selector: '.ballot__voted' })).toBeInTheDocument();
  expect(screen.getByText('你的意见：赞成')).toBeInTheDocument();

  await tapAndSettle(button('修改选票'));
  expect(checked(radio('赞成'))).toBe(true);
  await tapAndSettle(radio('反对'));
  await tapAndSettle(button('提交修改'));
  expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '确认修改选票' }));
  await waitFor(() => expect(callsTo('vote.cast').at(-1)).toEqual({ voteId: 'v1', ballot: { kind: 'motion', stance: 'no' } }));
  expect(await screen.findByText('你的意见：反对')).toBeInTheDocument();
  expect(taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '选票已修改' }));
});

test('poll: picking 其他 asks for its text before the ballot can be cast', async () => {
  const detail = aVoteDetail({}, { title: '春游去哪里', content: pollContent, secret: false });
  answer({ 'vote.get': detail, 'vote.cast': castDetail(detail) });
  render(<BallotPage />);
  await screen.findByText('春游去哪里');

  await tapAndSettle(choice('图书馆'));
  await tapAndSettle(choice('其他'));
  expect(screen.getByText('请填写「其他」的内容')).toBeInTheDocument();
  expect(isDisabled(button('投票'))).toBe(true);

  await tapAndSettle(choice('食堂'));
  expect(screen.getByRole('alert')).toHaveTextContent('最多只能选 2 项，请先取消一项再选');

  await typeInto('请填写其他内容', '  湿地公园 ');
  await waitFor(() => expect(isDisabled(button('投票'))).toBe(false));
  await tapAndSettle(button('投票'));
  expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ content: '你选择了：图书馆、其他（湿地公园）。提交后不能修改。' }));
  await waitFor(() => expect(callsTo('vote.cast')).toEqual([{ voteId: 'v1', ballot: { kind: 'poll', picks: ['o2', 'other'], otherText: '湿地公园' } }]));
  expect(await screen.findByText('已投票', { selector: '.ballot__voted' })).toBeInTheDocument();
  expect(screen.queryAllByPlaceholderText('请填写其他内容')).toHaveLength(0);
});

describe('results', () => {
  const closed = (overrides: Partial<VoteDetail>, vote = {}) =>
    aVoteDetail({ phase: 'closed', canVote: { ok: false, reason: '投票已结束' }, resultsNote: '', ...overrides }, { status: 'closed', ...vote });

  test('an election’s rows come most votes first, with counts and percentages of the ballots', async () => {
    answer({ 'vote.get': closed({ results: electionResults }) });
    render(<BallotPage />);
    expect(await screen.findByText('共 60 张选票，百分比按选票数计算')).toBeInTheDocument();
    expect(screen.getByText('投票已结束')).toBeInTheDocument();
    const rows = Array.from(document.querySelectorAll('.result-bar')).map((el) => el.getAttribute('aria-label'));
    expect(rows).toEqual(['李四 45 票 75%', '张三 37 票 61.7%', '王五 12 票 20%', '赵六 0 票 0%']);
    expect(screen.getByText('45 票 · 75%')).toBeInTheDocument();
  });

  test('a motion says whether it was valid and passed, with its figures', async () => {
    answer({ 'vote.get': closed({ results: motionResults }, { content: motionContent }) });
    render(<BallotPage />);
    expect(await screen.findByText('通过')).toBeInTheDocument();
    expect(screen.getByText('应到代表 90 人，实到 72 人（80%）')).toBeInTheDocument();
    expect(screen.getByLabelText('赞成 50 票 69.4%')).toBeInTheDocument();
    expect(screen.getByText('有效：实到 72 人，达到应到代表 90 人的三分之二（60 人）')).toBeInTheDocument();
    expect(screen.getByText('通过：赞成 50 票，超过应到代表 90 人的半数')).toBeInTheDocument();
  });

  test('a motion without a quorum is 无效 and does not pass', async () => {
    const thin = { ...motionResults, turnout: 50, yes: 48, no: 1, abstain: 1, valid: false, passed: false };
    answer({ 'vote.get': closed({ results: thin }, { content: motionContent }) });
    render(<BallotPage />);
    expect(await screen.findByText('表决无效')).toBeInTheDocument();
    expect(screen.getByText('无效：实到 50 人，不足应到代表 90 人的三分之二（需 60 人）')).toBeInTheDocument();
    expect(screen.getByText('未通过：表决无效')).toBeInTheDocument();
  });

  test('appraisal shows each subject’s grade counts and the 优秀+称职 share; a poll lists the 其他 texts', async () => {
    const appraisal = {
      kind: 'appraisal' as const,
      ballots: 40,
      rows: [{ id: 's1', label: '陈校长', grades: { excellent: 30, competent: 7, basic: 2, incompetent: 1 }, approval: 0.925 }],
    };
    answer({ 'vote.get': closed({ results: appraisal }, { content: appraisalContent }) });
    const { unmount } = render(<BallotPage />);
    const subject = within(await screen.findByLabelText('陈校长'));
    expect(subject.getByText('优秀+称职 92.5%')).toBeInTheDocument();
    expect(subject.getByText('30 票 · 75%')).toBeInTheDocument();
    expect(subject.getByText('1 票 · 2.5%')).toBeInTheDocument();
    unmount();

    const poll = { kind: 'poll' as const, ballots: 30, rows: [{ id: 'o1', label: '食堂', count: 10 }, { id: 'other', label: '其他', count: 2 }], otherTexts: ['湿地公园', '植物园'] };
    answer({ 'vote.get': closed({ results: poll }, { content: pollContent }) });
    render(<BallotPage />);
    expect(await screen.findByText('10 票 · 33.3%')).toBeInTheDocument();
    expect(screen.getByText('湿地公园')).toBeInTheDocument();
    expect(screen.getByText('植物园')).toBeInTheDocument();
  });

  test('hidden results show when they will be published', async () => {
    answer({ 'vote.get': closed({ results: null, resultsNote: '结果仅组织者可见' }) });
    render(<BallotPage />);
    expect(await screen.findByText('结果仅组织者可见')).toBeInTheDocument();
    expect(document.querySelector('.result-bar')).toBeNull();
  });
});

describe('organisers', () => {
  test('publish a draft nobody has voted in, then delete it after confirming', async () => {
    const draft = aVoteDetail({ phase: 'draft', canManage: true, canVote: { ok: false, reason: '投票尚未发布' } }, { status: 'draft', turnout: 0 });
    const published = aVoteDetail({ canManage: true }, { turnout: 0 });
    answer({ 'vote.get': draft, 'vote.publish': published.vote, 'vote.remove': { removed: true } });
    render(<BallotPage />);
    await screen.findByText('投票管理');
    expect(screen.queryByText('我的选票')).not.toBeInTheDocument();
    await tapAndSettle(button('编辑'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/vote-admin/edit/index?id=v1' });

    answer({ 'vote.get': published });
    await tapAndSettle(button('发布'));
    expect(callsTo('vote.publish')).toEqual([{ voteId: 'v1' }]);
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已发布' }));
    // The page asks again whether the organiser may vote now.
    expect(await screen.findByText('请选择 1–2 人')).toBeInTheDocument();
    expect(screen.queryByText('发布', { selector: '.nut-button *' })).not.toBeInTheDocument();

    showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' } as never);
    await tapAndSettle(button('删除'));
    expect(callsTo('vote.remove')).toHaveLength(0);
    await tapAndSettle(button('删除'));
    expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '删除投票' }));
    await waitFor(() => expect(callsTo('vote.remove')).toEqual([{ voteId: 'v1' }]));
    await waitFor(() => expect(taro.navigateBack).toHaveBeenCalled());
    expect(taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '已删除' }));
  });

  test('once someone has voted, only 投票情况 remains', async () => {
    answer({ 'vote.get': aVoteDetail({ canManage: true }) });
    render(<BallotPage />);
    await screen.findByText('投票管理');
    expect(screen.queryByText('编辑')).not.toBeInTheDocument();
    expect(screen.queryByText('删除')).not.toBeInTheDocument();
    expect(screen.getByText('已有人投票，不能再编辑或删除。')).toBeInTheDocument();
    await tapAndSettle(button('投票情况'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/vote-admin/turnout/index?id=v1' });
  });

  test('a member sees no organiser tools', async () => {
    answer({ 'vote.get': aVoteDetail() });
    render(<BallotPage />);
    await screen.findByText('请选择 1–2 人');
    expect(screen.queryByText('投票管理')).not.toBeInTheDocument();
  });
});

test('an open vote offers a reminder the day before it closes; once voted, it does not', async () => {
  answer({ 'vote.get': aVoteDetail() });
  const { unmount } = render(<BallotPage />);
  expect(await screen.findByText('还没想好？截止前一天提醒我')).toBeInTheDocument();
  unmount();
  answer({ 'vote.get': aVoteDetail({ voted: true, canVote: { ok: false, reason: '你已经投过票了' } }) });
  render(<BallotPage />);
  await screen.findByText('已投票', { selector: '.ballot__voted' });
  expect(screen.queryByText('还没想好？截止前一天提醒我')).not.toBeInTheDocument();
});
