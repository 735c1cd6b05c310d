import { screen, waitFor } from '@testing-library/react';
import { render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { TeamBoard, TeamView } from '../../types/team';
import ActivityPage from '../../src/pages/activity/index';
import RegisterTeamPage from '../../src/packages/team/register/index';
import TeamsPage from '../../src/packages/team/teams/index';
import { aDetail } from './support/activities';
import { button, typeInto, tapAndSettle } from './support/dom';
import { answer, callsTo, CloudCallError } from './support/gateway';
import { openPageWith, stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();
const showModal = jest.spyOn(Taro, 'showModal');

const settings = { maxTeams: 8, minPlayers: 2, maxPlayers: 3 };
const teamDetail = () => aDetail({}, { title: '教工排球赛', teams: settings, capacity: 8, taken: 1, teamsTaken: 1, companionsMax: 0, choices: [] });
const aTeam = (overrides: Partial<TeamView> = {}): TeamView => ({
  _id: 'team1',
  name: '语文组一队',
  captainId: 'T1003',
  captainName: '张老师',
  players: [
    { memberId: 'T1003', name: '张老师', groupName: '语文组', status: 'captain' },
    { memberId: 'T1010', name: '李老师', groupName: '语文组', status: 'invited' },
  ],
  confirmed: 1,
  complete: false,
  ...overrides,
});
const aBoard = (overrides: Partial<TeamBoard> = {}): TeamBoard => ({
  activityId: 'act1',
  viewerId: 'T1010',
  settings,
  teamsLeft: 7,
  teams: [aTeam()],
  mine: null,
  invitations: [],
  canRegister: { ok: true },
  open: true,
  ...overrides,
});

beforeEach(() => {
  openPageWith({ id: 'act1' });
  showModal.mockResolvedValue({ confirm: true, cancel: false, errMsg: 'ok' } as never);
});

test('a team contest shows the teams, not the individual sign-up form; 组建球队 opens the captain page', async () => {
  answer({ 'activity.get': { ...teamDetail(), teamBoard: aBoard() } });
  render(<ActivityPage />);
  expect(await screen.findByText('团体赛：每队 2–3 人（含队长），已报名 1 支，还可报名 7 支。')).toBeInTheDocument();
  // One call for the whole screen: the team board comes with the activity.
  expect(callsTo('activity.get')).toHaveLength(1);
  expect(callsTo('team.list')).toEqual([]);
  expect(screen.getByText('最多 8 支，已报名 1 支')).toBeInTheDocument();
  expect(screen.queryByText(/可候补/)).not.toBeInTheDocument();
  expect(screen.queryByText('报名', { selector: '.nut-button *' })).not.toBeInTheDocument();
  await tapAndSettle(button('组建球队'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/team/register/index?id=act1' });
  await tapAndSettle(button('全部球队（1）'));
  expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/team/teams/index?id=act1' });
});

test('accepting an invitation sends team.respond and shows my team as the server then has it', async () => {
  const accepted = aTeam({ confirmed: 2, complete: true, players: [aTeam().players[0], { ...aTeam().players[1], status: 'confirmed' }] });
  answer({
    'activity.get': { ...teamDetail(), teamBoard: aBoard({ invitations: [aTeam()] }) },
    'team.respond': accepted,
    'team.list': aBoard({ teams: [accepted], mine: accepted, canRegister: { ok: false, reason: '你已经在一支球队里了' } }),
  });
  render(<ActivityPage />);
  expect(await screen.findByText('「语文组一队」邀请你加入')).toBeInTheDocument();
  expect(screen.getByText('队长：张老师；队员：张老师（队长）、李老师（待确认）')).toBeInTheDocument();
  await tapAndSettle(button('接受'));
  expect(callsTo('team.respond')).toEqual([{ teamId: 'team1', accept: true }]);
  expect(callsTo('team.list')).toEqual([{ activityId: 'act1' }]);
  expect(await screen.findByText('我的球队：语文组一队（已成队）')).toBeInTheDocument();
  expect(screen.getByText('张老师（队长）、李老师（已确认）')).toBeInTheDocument();
  expect(screen.queryByText('接受')).not.toBeInTheDocument();
  expect(button('管理我的球队 · 全部球队（1）')).toBeInTheDocument();
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已加入球队' }));
});

test('an invitation does not keep a member from registering a team of their own (issue 12: junk teams)', async () => {
  answer({ 'activity.get': { ...teamDetail(), teamBoard: aBoard({ invitations: [aTeam()] }) } });
  render(<ActivityPage />);
  expect(await screen.findByText('「语文组一队」邀请你加入')).toBeInTheDocument();
  await tapAndSettle(button('组建球队'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/team/register/index?id=act1' });
});

test('a captain withdraws the team from the teams page; a player leaves theirs', async () => {
  const mine = aTeam({ captainId: 'T1010', players: [{ memberId: 'T1010', name: '李老师', groupName: '语文组', status: 'captain' }] });
  answer({ 'team.list': aBoard({ mine, teams: [mine], canRegister: { ok: false, reason: '你已经在一支球队里了' } }), 'team.withdraw': { withdrawn: true } });
  render(<TeamsPage />);
  expect(await screen.findByText('还差 1 人确认')).toBeInTheDocument();
  await tapAndSettle(button('撤销球队报名'));
  expect(callsTo('team.withdraw')).toEqual([{ teamId: 'team1' }]);
  expect(await screen.findByText('还没有球队报名')).toBeInTheDocument();
});

test('a player who confirmed may leave the team', async () => {
  const joined = aTeam({ confirmed: 2, players: [aTeam().players[0], { ...aTeam().players[1], status: 'confirmed' }] });
  answer({ 'team.list': aBoard({ mine: joined, teams: [joined] }), 'team.respond': aTeam({ players: [aTeam().players[0], { ...aTeam().players[1], status: 'declined' }] }) });
  render(<TeamsPage />);
  await tapAndSettle(await waitFor(() => button('退出球队')));
  expect(callsTo('team.respond')).toEqual([{ teamId: 'team1', accept: false }]);
  expect(await screen.findByText('已拒绝')).toBeInTheDocument();
  expect(screen.queryByText('退出球队')).not.toBeInTheDocument();
});

describe('组建球队', () => {
  // Public ids as team.candidates answers them: opaque, never a 工号.
  const candidates = {
    members: [
      { memberId: 'pid-wang', name: '王芳', groupName: '数学组' },
      { memberId: 'pid-wangli', name: '王丽', groupName: '英语组' },
      { memberId: 'pid-zhao', name: '赵强', groupName: '数学组' },
    ],
  };

  test('picks players by name from the audience, sends their ids, then shows names and groups from the answer', async () => {
    answer({
      'team.list': aBoard({ viewerId: 'T1003', teams: [] }),
      'team.candidates': candidates,
      'team.register': ({ name, playerIds }) => aTeam({ name, players: [aTeam().players[0], ...playerIds.map((id, i) => ({ memberId: id, name: `队员${i}`, groupName: '数学组', status: 'invited' as const }))] }),
    });
    render(<RegisterTeamPage />);
    expect(screen.queryByPlaceholderText('队员工号')).not.toBeInTheDocument();
    await typeInto('队名，例如 语文组一队', ' 数学组联队 ');
    await typeInto('输入姓名或小组，查找队员', '王');
    expect(await screen.findByText('王芳（数学组）')).toBeInTheDocument();
    expect(screen.getByText('王丽（英语组）')).toBeInTheDocument();
    expect(screen.queryByText('赵强（数学组）')).not.toBeInTheDocument();
    await tapAndSettle(screen.getAllByText('添加').map((el) => el.closest('.nut-button') as HTMLElement)[0]);
    expect(screen.getByText('队员 王芳（数学组）')).toBeInTheDocument();
    await typeInto('输入姓名或小组，查找队员', '赵');
    await tapAndSettle(button('添加'));
    // maxPlayers 3: the captain and two more.
    await typeInto('输入姓名或小组，查找队员', '王丽');
    await tapAndSettle(button('添加'));
    expect(screen.getByText('每队最多 3 人（含队长），最多再添加 2 名队员')).toBeInTheDocument();
    await typeInto('输入姓名或小组，查找队员', '李');
    expect(await screen.findByText('没有找到「李」，请换个写法，或确认对方在这个活动的参加范围内。')).toBeInTheDocument();
    await tapAndSettle(button('报名球队'));
    expect(callsTo('team.register')).toEqual([{ activityId: 'act1', name: '数学组联队', playerIds: ['pid-wang', 'pid-zhao'] }]);
    expect(await screen.findByText('「数学组联队」已报名')).toBeInTheDocument();
    expect(screen.getAllByText('队员0（数学组）')).toHaveLength(1);
    expect(screen.getAllByText('待确认')).toHaveLength(2);
  });

  test('names the player the server refused beside their row', async () => {
    answer({
      'team.list': aBoard({ viewerId: 'T1003', teams: [] }),
      'team.candidates': candidates,
      'team.register': new CloudCallError('ALREADY_IN_TEAM', '有人已经在这个活动的一支球队里了，每人只能参加一支球队', [{ path: 'playerIds.1', message: '赵强已经在另一支球队里了' }]),
    });
    render(<RegisterTeamPage />);
    await typeInto('队名，例如 语文组一队', '一队');
    await typeInto('输入姓名或小组，查找队员', '王芳');
    await tapAndSettle(await waitFor(() => button('添加')));
    await typeInto('输入姓名或小组，查找队员', '赵强');
    await tapAndSettle(button('添加'));
    await tapAndSettle(button('报名球队'));
    expect(await screen.findByText('赵强已经在另一支球队里了', { selector: '.team-page__problem' })).toBeInTheDocument();
  });

  test('says why when the member may not register', async () => {
    answer({ 'team.list': aBoard({ canRegister: { ok: false, reason: '参赛队伍已满' } }) });
    render(<RegisterTeamPage />);
    expect(await screen.findByText('参赛队伍已满')).toBeInTheDocument();
  });
});

test('organisers get 球队名单 among their tools on a team contest', async () => {
  answer({ 'activity.get': { ...teamDetail(), canManage: true, teamBoard: aBoard() } });
  render(<ActivityPage />);
  await tapAndSettle(await waitFor(() => button('球队名单')));
  expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/team/teams/index?id=act1' });
});
