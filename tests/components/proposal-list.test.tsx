import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ProposalListPage from '../../src/packages/proposal/list/index';
import { notifyProposalChanged } from '../../src/lib/proposal-routes';
import { button, tapAndSettle } from './support/dom';
import { answer, callsTo, failure } from './support/gateway';
import { openPageWith, stubTaro } from './support/taro';
import { aSession, aSummary, DAY, listAnswer, NOW, pastSession } from './support/proposals';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();

const sessions = { sessions: [aSession(), pastSession()], current: 's1' };
const tab = (name: string) => screen.getByRole('tab', { name });
const tabNames = () => screen.queryAllByRole('tab').map((el) => el.textContent);
const cardOf = (title: string) => screen.getByLabelText(title);

const seeking = aSummary({ _id: 'p1', title: '关于增设教工午休室的提案', status: 'seeking', signedCount: 1, updatedAt: NOW - DAY });
const assigned = aSummary({
  _id: 'p2',
  title: '关于改善食堂伙食的提案',
  status: 'assigned',
  number: 3,
  proposerName: '李明',
  signedCount: 3,
  leadName: '总务处',
  deadline: Date.UTC(2026, 11, 1, 15, 59),
  overdue: true,
  updatedAt: NOW - 2 * DAY,
});

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  openPageWith({});
});

test('a delegate sees 我的提案 with each card’s status, 立案号, proposer, co-signers, department, deadline and 已逾期, and may draft', async () => {
  answer({ 'congress.sessions': sessions, 'proposal.list': listAnswer([assigned, seeking]) });
  render(<ProposalListPage />);

  expect(await screen.findByText('关于增设教工午休室的提案')).toBeInTheDocument();
  expect(callsTo('proposal.list')).toEqual([{ box: 'mine' }]);
  await waitFor(() => expect(tabNames()).toEqual(['我的提案', '待我附议']));
  expect(tab('我的提案')).toHaveAttribute('aria-selected', 'true');

  expect(screen.getByText('第十二届教代会第二次会议')).toBeInTheDocument();
  expect(screen.getByText('征集中')).toBeInTheDocument();
  expect(screen.getByText('征集时间 2026年12月1日 08:00 至 2026年12月20日 18:00')).toBeInTheDocument();

  // Latest change first.
  expect(Array.from(document.querySelectorAll('.proposal-card__title')).map((el) => el.textContent)).toEqual(['关于增设教工午休室的提案', '关于改善食堂伙食的提案']);
  const first = within(cardOf('关于增设教工午休室的提案'));
  expect(first.getByText('征集附议中')).toBeInTheDocument();
  expect(first.getByText('提案人 王芳')).toBeInTheDocument();
  expect(first.getByText('附议 1 人')).toBeInTheDocument();
  expect(first.queryByText('已逾期')).not.toBeInTheDocument();

  const second = within(cardOf('关于改善食堂伙食的提案'));
  expect(second.getByText('办理中')).toBeInTheDocument();
  expect(second.getByText('第 3 号')).toBeInTheDocument();
  expect(second.getByText('提案人 李明')).toBeInTheDocument();
  expect(second.getByText('附议 3 人')).toBeInTheDocument();
  expect(second.getByText('主办 总务处 · 答复期限 2026年12月1日')).toBeInTheDocument();
  expect(second.getByText('已逾期')).toBeInTheDocument();

  fireEvent.click(cardOf('关于改善食堂伙食的提案'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/proposal/detail/index?id=p2' });
  fireEvent.click(button('起草提案'));
  expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/proposal/edit/index?sessionId=s1' });
  expect(screen.queryByText(/意见箱/)).not.toBeInTheDocument();
});

test('待我附议 loads its own box, with its own empty state; a change elsewhere reloads it', async () => {
  answer({ 'congress.sessions': sessions, 'proposal.list': (input) => listAnswer(input.box === 'mine' ? [seeking] : []) });
  render(<ProposalListPage />);
  await screen.findByText('关于增设教工午休室的提案');

  await tapAndSettle(tab('待我附议'));
  expect(await screen.findByText('暂时没有等你附议的提案')).toBeInTheDocument();
  expect(callsTo('proposal.list')).toEqual([{ box: 'mine' }, { box: 'cosign' }]);
  expect(tab('待我附议')).toHaveAttribute('aria-selected', 'true');
  expect(screen.queryByText('关于增设教工午休室的提案')).not.toBeInTheDocument();

  act(() => notifyProposalChanged());
  await waitFor(() => expect(callsTo('proposal.list')).toHaveLength(3));
  expect(callsTo('proposal.list')[2]).toEqual({ box: 'cosign' });
});

test('a member who is not a delegate is pointed, kindly, to the suggestion box', async () => {
  answer({ 'congress.sessions': sessions, 'proposal.list': listAnswer([], { isDelegate: false }) });
  render(<ProposalListPage />);

  expect(await screen.findByText('提案由教代会代表提出；你可以通过意见箱提出建议')).toBeInTheDocument();
  expect(screen.getByText('你还没有参与的提案')).toBeInTheDocument();
  expect(screen.queryByText('起草提案')).not.toBeInTheDocument();
  // Only one box: no tabs to choose from.
  expect(tabNames()).toEqual([]);
  fireEvent.click(button('去意见箱'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/suggestion/send/index' });
});

test('outside the window a delegate is told when drafting is possible, and has no draft button', async () => {
  answer({
    'congress.sessions': { sessions: [aSession({ proposalOpensAt: NOW + 3 * DAY, proposalClosesAt: NOW + 20 * DAY })], current: 's1' },
    'proposal.list': listAnswer([]),
  });
  render(<ProposalListPage />);
  expect(await screen.findByText('尚未开始征集')).toBeInTheDocument();
  expect(screen.getByText('现在不在提案征集时间内，征集开始后可以起草提案。')).toBeInTheDocument();
  expect(screen.getByText('你还没有提案，征集期间可以起草一份')).toBeInTheDocument();
  expect(screen.queryByText('起草提案')).not.toBeInTheDocument();
});

test('the organisers’ link opens 提案审查: submitted ones first, each session named when several', async () => {
  openPageWith({ box: 'committee' });
  const submitted = aSummary({ _id: 'p3', title: '关于设立教师阅览室的提案', status: 'submitted', proposerName: '陈静', updatedAt: NOW - 5 * DAY });
  const old = aSummary({ _id: 'p4', sessionId: 's0', title: '关于调整作息时间的提案', status: 'closed', number: 1, updatedAt: NOW - 300 * DAY });
  answer({ 'congress.sessions': sessions, 'proposal.list': listAnswer([assigned, old, submitted], { isCommittee: true }) });
  render(<ProposalListPage />);

  expect(await screen.findByText('关于设立教师阅览室的提案')).toBeInTheDocument();
  expect(callsTo('proposal.list')).toEqual([{ box: 'committee' }]);
  await waitFor(() => expect(tabNames()).toEqual(['我的提案', '待我附议', '提案审查']));
  expect(tab('提案审查')).toHaveAttribute('aria-selected', 'true');
  expect(Array.from(document.querySelectorAll('.proposal-card__title')).map((el) => el.textContent)).toEqual([
    '关于设立教师阅览室的提案',
    '关于改善食堂伙食的提案',
    '关于调整作息时间的提案',
  ]);
  expect(within(cardOf('关于设立教师阅览室的提案')).getByText('待审查')).toBeInTheDocument();
  expect(within(cardOf('关于调整作息时间的提案')).getByText('第十二届教代会第一次会议')).toBeInTheDocument();

  // The committee's way to the report (the chair's tools are not theirs): the current session's.
  fireEvent.click(screen.getByRole('link', { name: '提案办理情况报告' }));
  expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/proposal-admin/report/index?sessionId=s1' });
});

test('the report link is only in 提案审查, for the committee', async () => {
  answer({ 'congress.sessions': sessions, 'proposal.list': listAnswer([seeking], { isCommittee: true }) });
  render(<ProposalListPage />);
  await waitFor(() => expect(tabNames()).toEqual(['我的提案', '待我附议', '提案审查']));
  expect(screen.queryByRole('link', { name: '提案办理情况报告' })).not.toBeInTheDocument();
  answer({ 'proposal.list': listAnswer([], { isCommittee: true }) });
  await tapAndSettle(tab('提案审查'));
  expect(await screen.findByText('暂时没有提交审查的提案')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: '提案办理情况报告' })).toBeInTheDocument();
});

test('提案审查 opened by someone not on the committee falls back to 我的提案 and says why', async () => {
  openPageWith({ box: 'committee' });
  answer({
    'congress.sessions': sessions,
    'proposal.list': (input) => {
      if (input.box === 'committee') throw failure('FORBIDDEN');
      return listAnswer([seeking]);
    },
  });
  render(<ProposalListPage />);
  expect(await screen.findByText('关于增设教工午休室的提案')).toBeInTheDocument();
  expect(screen.getByText('你不能查看「提案审查」，已为你打开「我的提案」。')).toBeInTheDocument();
  expect(callsTo('proposal.list')).toEqual([{ box: 'committee' }, { box: 'mine' }]);
  await waitFor(() => expect(tabNames()).toEqual(['我的提案', '待我附议']));
});

test('承办答复 for a department’s handler: what is due first, overdue marked', async () => {
  openPageWith({ box: 'handling' });
  const replied = aSummary({ _id: 'p5', title: '关于增加体检项目的提案', status: 'replied', leadName: '总务处', deadline: NOW + 10 * DAY, updatedAt: NOW });
  answer({ 'congress.sessions': sessions, 'proposal.list': listAnswer([replied, assigned], { isDelegate: false, isHandler: true }) });
  render(<ProposalListPage />);
  expect(await screen.findByText('关于改善食堂伙食的提案')).toBeInTheDocument();
  await waitFor(() => expect(tabNames()).toEqual(['我的提案', '承办答复']));
  expect(Array.from(document.querySelectorAll('.proposal-card__title')).map((el) => el.textContent)).toEqual(['关于改善食堂伙食的提案', '关于增加体检项目的提案']);
  expect(within(cardOf('关于改善食堂伙食的提案')).getByText('已逾期')).toBeInTheDocument();

  answer({ 'proposal.list': listAnswer([], { isDelegate: false, isHandler: true }) });
  await tapAndSettle(tab('我的提案'));
  expect(await screen.findByText('你还没有参与的提案')).toBeInTheDocument();
  await tapAndSettle(tab('承办答复'));
  expect(await screen.findByText('暂时没有交给你部门办理的提案')).toBeInTheDocument();
});

test('a failed load says so and retries; a failed session load does not hide the list', async () => {
  answer({ 'congress.sessions': failure('INTERNAL'), 'proposal.list': failure('INTERNAL') });
  render(<ProposalListPage />);
  expect(await screen.findByText('加载失败')).toBeInTheDocument();
  expect(screen.getByText('会议信息加载失败：服务开小差了，请稍后再试')).toBeInTheDocument();

  answer({ 'proposal.list': listAnswer([seeking]) });
  await tapAndSettle(button('重试'));
  expect(await screen.findByText('关于增设教工午休室的提案')).toBeInTheDocument();
  expect(callsTo('proposal.list')).toHaveLength(2);
});
