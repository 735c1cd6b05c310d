import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import TurnoutPage from '../../src/packages/vote-admin/turnout/index';
import { button, tapAndSettle, typeInto } from './support/dom';
import { answer, callsTo, failure, openDocument } from './support/gateway';
import { openPageWith, stubTaro } from './support/taro';
import { aNonVoter, aTurnout, aVote, CLOSES } from './support/vote-admin';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();
const showModal = jest.spyOn(Taro, 'showModal');
jest.setTimeout(20000);

const pick = async (label: string, value: string) => {
  const picker = document.querySelector(`taro-picker-core[aria-label="${label}"]`);
  if (!picker) throw new Error(`没有「${label}」选择器`);
  await act(async () => {
    fireEvent(picker, new CustomEvent('change', { detail: { value } }));
  });
};
const groupOf = (name: string) => screen.getByLabelText(name);

beforeEach(() => openPageWith({ id: 'vote1' }));

test('shows the turnout against the electorate and who has not voted, by group', async () => {
  answer({ 'vote.turnout': aTurnout() });
  render(<TurnoutPage />);
  expect(await screen.findByText('已投 37 / 应投 60，投票率 61.7%')).toBeInTheDocument();
  expect(callsTo('vote.turnout')).toEqual([{ voteId: 'vote1' }]);
  expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '37');
  expect(screen.getByText('评选 · 无记名 · 进行中')).toBeInTheDocument();
  expect(screen.getByText('无记名投票：名单只显示谁还没投票，不显示任何人的选择。')).toBeInTheDocument();
  expect(screen.getByText('还没投票（3 人）')).toBeInTheDocument();

  expect(within(groupOf('语文组')).getByText('语文组 · 2 人')).toBeInTheDocument();
  expect(within(groupOf('语文组')).getByText('钱老师')).toBeInTheDocument();
  expect(within(groupOf('语文组')).getByText('孙老师').parentElement).toHaveTextContent('孙老师未绑定');
  expect(within(groupOf('语文组')).getAllByText('未绑定')).toHaveLength(1);
  expect(within(groupOf('数学组')).getByText('周老师')).toBeInTheDocument();
  expect(screen.getByText(/其中 1 人标着「未绑定」/)).toBeInTheDocument();
});

test('a named vote says nothing about secrecy; a long list can be searched', async () => {
  const many = Array.from({ length: 10 }, (_, i) => aNonVoter({ memberId: `T1${i}`, name: `老师${i}`, groupName: i < 7 ? '语文组' : '数学组' }));
  answer({ 'vote.turnout': aTurnout({ notVoted: many, turnout: 50 }, { secret: false }) });
  render(<TurnoutPage />);
  expect(await screen.findByText('已投 50 / 应投 60，投票率 83.3%')).toBeInTheDocument();
  expect(screen.queryByText(/无记名投票：/)).not.toBeInTheDocument();
  await typeInto('搜索姓名或小组', '数学');
  await waitFor(() => expect(screen.queryByLabelText('语文组')).not.toBeInTheDocument());
  expect(within(groupOf('数学组')).getByText('数学组 · 3 人')).toBeInTheDocument();
  await typeInto('搜索姓名或小组', '老师8');
  expect(await screen.findByText('老师8')).toBeInTheDocument();
  expect(screen.queryByText('老师9')).not.toBeInTheDocument();
});

test('everyone has voted: the list says so', async () => {
  answer({ 'vote.turnout': aTurnout({ turnout: 60, notVoted: [] }) });
  render(<TurnoutPage />);
  expect(await screen.findByText('已投 60 / 应投 60，投票率 100%')).toBeInTheDocument();
  expect(screen.getByText('大家都投过票了')).toBeInTheDocument();
});

test('loading fails: says so, and 重试 loads again', async () => {
  answer({ 'vote.turnout': failure('FORBIDDEN') });
  render(<TurnoutPage />);
  expect(await screen.findByText('加载失败')).toBeInTheDocument();
  answer({ 'vote.turnout': aTurnout() });
  await tapAndSettle(button('重试'));
  expect(await screen.findByText('已投 37 / 应投 60，投票率 61.7%')).toBeInTheDocument();
});

test('提前结束投票 asks first, then closes the vote and reloads the figures', async () => {
  answer({ 'vote.turnout': aTurnout(), 'vote.close': aVote({ status: 'closed' }) });
  render(<TurnoutPage />);
  await screen.findByText('已投 37 / 应投 60，投票率 61.7%');

  showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' } as never);
  await tapAndSettle(button('提前结束投票'));
  expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '提前结束投票' }));
  expect(callsTo('vote.close')).toHaveLength(0);

  answer({ 'vote.turnout': aTurnout({ phase: 'closed' }, { status: 'closed' }) });
  showModal.mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'ok' } as never);
  await tapAndSettle(button('提前结束投票'));
  expect(callsTo('vote.close')).toEqual([{ voteId: 'vote1' }]);
  expect(await screen.findByText('投票已结束。')).toBeInTheDocument();
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '投票已结束' }));
  expect(await screen.findByText('评选 · 无记名 · 已结束')).toBeInTheDocument();
  expect(callsTo('vote.turnout')).toHaveLength(2);
  expect(screen.queryByText('提前结束投票')).not.toBeInTheDocument();
  expect(screen.queryByText('延长截止时间')).not.toBeInTheDocument();
});

test('延长截止时间 takes a later time only, and shows the server’s refusal', async () => {
  answer({ 'vote.turnout': aTurnout(), 'vote.extend': failure('VOTE_EXTEND_INVALID') });
  render(<TurnoutPage />);
  await screen.findByText('已投 37 / 应投 60，投票率 61.7%');
  fireEvent.click(button('延长截止时间'));
  expect(screen.getByText('原定 2026年12月4日 18:00 截止。新的截止时间要晚于它：')).toBeInTheDocument();

  await pick('新的截止日期', '2026-12-03');
  await tapAndSettle(button('确认延长'));
  expect(await screen.findByText('新的截止时间要晚于原来的截止时间（2026年12月4日 18:00）')).toBeInTheDocument();
  expect(callsTo('vote.extend')).toHaveLength(0);

  await pick('新的截止日期', '2026-12-06');
  await pick('新的截止时刻', '12:00');
  await tapAndSettle(button('确认延长'));
  expect(await screen.findByText('新的截止时间要晚于原来的截止时间，且投票尚未结束')).toBeInTheDocument();
  expect(callsTo('vote.extend')).toEqual([{ voteId: 'vote1', closesAt: Date.UTC(2026, 11, 6, 4, 0) }]);

  const later = CLOSES + 2 * 24 * 3600000;
  answer({ 'vote.extend': (input) => aVote({ status: 'published', closesAt: input.closesAt }), 'vote.turnout': aTurnout({}, { closesAt: later }) });
  await pick('新的截止时刻', '18:00');
  await tapAndSettle(button('确认延长'));
  expect(await screen.findByText('截止时间已延长到 2026年12月6日 18:00。')).toBeInTheDocument();
  expect(callsTo('vote.extend')[1]).toEqual({ voteId: 'vote1', closesAt: later });
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已延长' }));
  expect(await screen.findByText('2026年12月1日 08:00 开始，2026年12月6日 18:00 截止')).toBeInTheDocument();
});

test('a secret vote’s results are exported only once it has ended', async () => {
  answer({ 'vote.turnout': aTurnout() });
  render(<TurnoutPage />);
  expect(await screen.findByText('无记名投票结束后才能导出结果。')).toBeInTheDocument();
  expect(screen.queryByText('导出结果')).not.toBeInTheDocument();
});

test('导出结果 builds the file and opens it; 查看投票与结果 opens the vote', async () => {
  const file = { fileID: 'cloud://env.bucket/exports/vote1.xlsx', tempFileURL: 'https://tmp.example/vote1.xlsx', fileName: '2026年度优秀教师评选.xlsx' };
  answer({ 'vote.turnout': aTurnout({ phase: 'closed' }, { status: 'closed' }), 'vote.export': file });
  render(<TurnoutPage />);
  await screen.findByText('已投 37 / 应投 60，投票率 61.7%');

  await tapAndSettle(button('导出结果'));
  expect(callsTo('vote.export')).toEqual([{ voteId: 'vote1' }]);
  expect(openDocument).toHaveBeenCalledWith(file);
  expect(await screen.findByText('已导出「2026年度优秀教师评选.xlsx」，可在打开的文件菜单里转发到微信群。')).toBeInTheDocument();

  fireEvent.click(button('查看投票与结果'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/vote/ballot/index?id=vote1' });
});

test('a failed export says why, beside the button', async () => {
  answer({ 'vote.turnout': aTurnout({}, { secret: false }), 'vote.export': failure('INTERNAL') });
  render(<TurnoutPage />);
  await screen.findByText('已投 37 / 应投 60，投票率 61.7%');
  await tapAndSettle(button('导出结果'));
  expect(await screen.findByRole('alert')).toHaveTextContent('服务开小差了，请稍后再试');
  expect(openDocument).not.toHaveBeenCalled();
});
