import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import VoteListPage from '../../src/packages/vote/list/index';
import { notifyVoteChanged } from '../../src/lib/vote-routes';
import { button } from './support/dom';
import { answer, callsTo, failure } from './support/gateway';
import { stubTaro } from './support/taro';
import { aVoteSummary, NOW } from './support/votes';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();

const DAY = 24 * 60 * 60 * 1000;
const cardOf = (title: string) => screen.getByLabelText(title);

const election = aVoteSummary({ _id: 'v1', title: '工会活动积极分子评选', turnout: 37 });
const motion = aVoteSummary({ _id: 'v2', title: '关于教职工福利方案的表决', kind: 'motion', secret: false, voted: true, turnout: 60, closesAt: NOW + DAY });
const appraisal = aVoteSummary({ _id: 'v3', title: '校领导班子民主评议', kind: 'appraisal', phase: 'scheduled', opensAt: NOW + 3 * DAY, closesAt: NOW + 5 * DAY, turnout: 0 });
const poll = aVoteSummary({ _id: 'v4', title: '春游去哪里', kind: 'poll', secret: false, phase: 'closed', opensAt: NOW - 30 * DAY, closesAt: NOW - 20 * DAY, turnout: 52 });
const draft = aVoteSummary({ _id: 'v5', title: '文明家庭评选（草稿）', phase: 'draft', turnout: 0, opensAt: NOW + 10 * DAY, closesAt: NOW + 12 * DAY });

test('votes are grouped as 进行中, 未开始 and 已结束, each card with its kind, secrecy, time and turnout', async () => {
  answer({ 'vote.list': { votes: [poll, appraisal, motion, election], canManage: false } });
  render(<VoteListPage />);

  expect(await screen.findByText('工会活动积极分子评选')).toBeInTheDocument();
  expect(callsTo('vote.list')).toEqual([{ scope: 'all' }]);
  const order = Array.from(document.querySelectorAll('.section-title, .vote-card__title')).map((el) => el.textContent);
  // Open votes still to take come before those already taken.
  expect(order).toEqual(['进行中', '工会活动积极分子评选', '关于教职工福利方案的表决', '未开始', '校领导班子民主评议', '已结束', '春游去哪里']);

  const open = within(cardOf('工会活动积极分子评选'));
  expect(open.getByText('评选')).toBeInTheDocument();
  expect(open.getByText('无记名')).toBeInTheDocument();
  expect(open.getByText('去投票 ›')).toBeInTheDocument();
  expect(open.getByText('已有 37 人投票')).toBeInTheDocument();
  expect(open.getByText('12月7日 周一 14:00 截止')).toBeInTheDocument();

  const voted = within(cardOf('关于教职工福利方案的表决'));
  expect(voted.getByText('已投票')).toBeInTheDocument();
  expect(voted.getByText('记名')).toBeInTheDocument();
  expect(voted.queryByText('去投票 ›')).not.toBeInTheDocument();

  const upcoming = within(cardOf('校领导班子民主评议'));
  expect(upcoming.getByText('12月8日 周二 14:00 开始')).toBeInTheDocument();
  expect(upcoming.queryByText(/人投票/)).not.toBeInTheDocument();

  const past = within(cardOf('春游去哪里'));
  expect(past.getByText('查看结果 ›')).toBeInTheDocument();
  expect(past.getByText('已有 52 人投票')).toBeInTheDocument();

  expect(screen.queryByText('发起投票')).not.toBeInTheDocument();
  fireEvent.click(cardOf('春游去哪里'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/vote/ballot/index?id=v4' });
});

test('organisers also see drafts and can start a vote', async () => {
  answer({ 'vote.list': { votes: [election, draft], canManage: true } });
  render(<VoteListPage />);
  expect(await screen.findByText('文明家庭评选（草稿）')).toBeInTheDocument();
  expect(screen.getByText('草稿', { selector: '.section-title' })).toBeInTheDocument();
  fireEvent.click(button('发起投票'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/vote-admin/edit/index' });
});

test('members never see a draft, even if one is sent', async () => {
  answer({ 'vote.list': { votes: [draft], canManage: false } });
  render(<VoteListPage />);
  expect(await screen.findByText('暂时没有投票')).toBeInTheDocument();
  expect(screen.queryByText('文明家庭评选（草稿）')).not.toBeInTheDocument();
});

test('a failed load offers to retry; an empty list says so', async () => {
  answer({ 'vote.list': failure('INTERNAL') });
  render(<VoteListPage />);
  expect(await screen.findByText('服务开小差了，请稍后再试')).toBeInTheDocument();

  answer({ 'vote.list': { votes: [], canManage: false } });
  fireEvent.click(button('重试'));
  expect(await screen.findByText('暂时没有投票')).toBeInTheDocument();
});

test('a vote changed on another page reloads the list', async () => {
  answer({ 'vote.list': { votes: [election], canManage: false } });
  render(<VoteListPage />);
  await screen.findByText('去投票 ›');

  answer({ 'vote.list': { votes: [{ ...election, voted: true, turnout: 38 }], canManage: false } });
  act(() => notifyVoteChanged());
  expect(await screen.findByText('已有 38 人投票')).toBeInTheDocument();
  expect(within(cardOf('工会活动积极分子评选')).getByText('已投票')).toBeInTheDocument();
  await waitFor(() => expect(callsTo('vote.list')).toHaveLength(2));
});
