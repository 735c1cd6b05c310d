import { render, screen, waitFor } from '@testing-library/react';
import EditActivityPage from '../../src/packages/organiser/edit/index';
import { aDetail, anActivity } from './support/activities';
import { button, field, typeInto, tapAndSettle } from './support/dom';
import { answer, callsTo, failure } from './support/gateway';
import { openPageWith, stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
stubTaro();

/** The 团体赛 switch: the NutUI switch labelled so. */
const teamSwitch = () => document.querySelector('.nut-switch[aria-label="团体赛"]') ?? Array.from(document.querySelectorAll('.nut-switch'))[0];

test('an organiser turns an activity into a team contest: the three numbers are sent, places are teams', async () => {
  openPageWith({ id: 'act1' });
  answer({ 'activity.get': aDetail({}, { taken: 0, choices: [], companionsMax: 0 }), 'activity.update': anActivity() });
  render(<EditActivityPage />);
  expect(await screen.findByText('团体赛（按球队报名）')).toBeInTheDocument();
  expect(screen.getByText('不限名额')).toBeInTheDocument();
  await tapAndSettle(teamSwitch()!);
  expect(screen.queryByText('不限名额')).not.toBeInTheDocument();
  await typeInto('最多队伍数', '6');
  await typeInto('每队最少人数', '5');
  await typeInto('每队最多人数', '4');
  await tapAndSettle(button('保存修改'));
  expect(await screen.findByText('每队最多人数不能少于最少人数')).toBeInTheDocument();
  expect(callsTo('activity.update')).toHaveLength(0);

  await typeInto('每队最多人数', '8');
  await tapAndSettle(button('保存修改'));
  await waitFor(() => expect(callsTo('activity.update')).toHaveLength(1));
  expect(callsTo('activity.update')[0].draft).toMatchObject({ teams: { maxTeams: 6, minPlayers: 5, maxPlayers: 8 }, capacity: 6 });
});

test('editing a team contest starts from its numbers and shows the server’s refusal', async () => {
  openPageWith({ id: 'act1' });
  answer({
    'activity.get': aDetail({}, { teams: { maxTeams: 8, minPlayers: 6, maxPlayers: 10 }, teamsTaken: 5, capacity: 8, taken: 5, choices: [], companionsMax: 0 }),
    'activity.update': failure('TEAMS_BELOW_REGISTERED'),
  });
  render(<EditActivityPage />);
  expect((await field('最多队伍数')).value).toBe('8');
  await typeInto('最多队伍数', '4');
  await tapAndSettle(button('保存修改'));
  expect(await screen.findByText('最多队伍数不能少于已报名的队伍数')).toBeInTheDocument();
  expect(callsTo('activity.update')[0].draft).toMatchObject({ teams: { maxTeams: 4, minPlayers: 6, maxPlayers: 10 }, capacity: 4 });

  // Turning 团体赛 off sends teams: null (the server refuses it while teams are registered).
  await tapAndSettle(teamSwitch()!);
  await typeInto('名额（含携带的家属）', '30');
  await tapAndSettle(button('保存修改'));
  await waitFor(() => expect(callsTo('activity.update')).toHaveLength(2));
  expect(callsTo('activity.update')[1].draft).toMatchObject({ teams: null, capacity: 30 });
});

test('an individual activity is saved as before, without team rules', async () => {
  openPageWith({ id: 'act1' });
  answer({ 'activity.get': aDetail({}, { choices: [] }), 'activity.update': anActivity() });
  render(<EditActivityPage />);
  await screen.findByText('团体赛（按球队报名）');
  await tapAndSettle(button('保存修改'));
  await waitFor(() => expect(callsTo('activity.update')).toHaveLength(1));
  expect(callsTo('activity.update')[0].draft).toMatchObject({ capacity: 20 });
  expect(callsTo('activity.update')[0].draft).not.toHaveProperty('teams');
});
