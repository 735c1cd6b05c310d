import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ParticipantsPage from '../../src/packages/organiser/participants/index';
import { aRow, someParticipants } from './support/activities';
import { button, confirmDialog, typeInto } from './support/dom';
import { answer, callsTo, failure } from './support/gateway';
import { openPageWith, stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();

const wang = aRow({ memberId: 'T001', memberName: '王老师', companions: 1, answers: { events: ['singles', 'mixed'], bus: true } });
const li = aRow({ memberId: 'T002', memberName: '李老师', groupName: '数学组', answers: { events: ['doubles'] }, signedUpBy: 'T900' });
const zhao = aRow({ memberId: 'T003', memberName: '赵老师', status: 'waitlisted', waitPosition: 1 });
const qian = aRow({ memberId: 'T004', memberName: '钱老师', status: 'waitlisted', waitPosition: 2 });
const full = someParticipants({ confirmed: [wang, li], waitlist: [zhao, qian] });
const rowOf = (name: string) => screen.getByLabelText(name);

beforeEach(() => openPageWith({ id: 'act1' }));

test('shows counts, companions, answers as option labels, and the waitlist in order', async () => {
  answer({ 'activity.participants': full });
  render(<ParticipantsPage />);
  expect(await screen.findByText('王老师')).toBeInTheDocument();
  expect(callsTo('activity.participants')).toEqual([{ activityId: 'act1' }]);
  expect(screen.getByText('名额 20 个（含家属）')).toBeInTheDocument();
  expect(screen.getByLabelText('已报名 2')).toBeInTheDocument();

  expect(within(rowOf('王老师')).getByText('携带家属 1 人')).toBeInTheDocument();
  expect(within(rowOf('王老师')).getByText('参加项目：单打、混双')).toBeInTheDocument();
  expect(within(rowOf('王老师')).getByText('需要乘车：是')).toBeInTheDocument();
  expect(within(rowOf('李老师')).getByText(/代报名/)).toBeInTheDocument();

  const waiting = Array.from(document.querySelectorAll('.participants__position')).map((el) => el.parentElement?.textContent);
  expect(waiting).toEqual([expect.stringContaining('候补第 1 位赵老师'), expect.stringContaining('候补第 2 位钱老师')]);
});

test('移出 asks for a reason, sends it, and reloads the list', async () => {
  answer({ 'activity.participants': full, 'activity.removeSignup': { removed: true } });
  render(<ParticipantsPage />);
  await screen.findByText('王老师');

  fireEvent.click(within(rowOf('李老师')).getByText('移出'));
  await confirmDialog('移出李老师');
  expect(await screen.findByText('请填写移出原因')).toBeInTheDocument();
  expect(callsTo('activity.removeSignup')).toHaveLength(0);

  answer({ 'activity.participants': { ...full, confirmed: [wang] } });
  await typeInto('移出原因，会告知本人', '重复报名');
  await confirmDialog('移出李老师');
  await waitFor(() => expect(callsTo('activity.removeSignup')).toEqual([{ activityId: 'act1', memberId: 'T002', reason: '重复报名' }]));
  await waitFor(() => expect(screen.queryByText('李老师')).not.toBeInTheDocument());
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已移出' }));
});

test('group leaders see their group only and cannot remove anyone', async () => {
  answer({ 'activity.participants': { ...full, scope: 'group' } });
  render(<ParticipantsPage />);
  await screen.findByText('王老师');
  expect(screen.getByText(/只显示本小组的会员/)).toBeInTheDocument();
  expect(screen.queryByText('移出')).not.toBeInTheDocument();
});

test('代报名 by 工号 answers the activity’s questions and shows the server’s refusal', async () => {
  answer({ 'activity.participants': full, 'activity.signUpFor': failure('NOT_YOUR_GROUP') });
  render(<ParticipantsPage />);
  await screen.findByText('王老师');

  fireEvent.click(button('代报名'));
  await typeInto('会员工号', 'T010');
  await act(async () => {
    fireEvent.click(button('代报名'));
  });
  // The required question comes first.
  expect(await screen.findByText('请回答「参加项目」')).toBeInTheDocument();
  expect(callsTo('activity.signUpFor')).toHaveLength(0);

  const doubles = await waitFor(() => screen.getAllByText('双打').map((el) => el.closest('.signup-form__check')?.querySelector('input')).find(Boolean)!);
  await act(async () => {
    fireEvent.click(doubles);
  });
  await act(async () => {
    fireEvent.click(button('代报名'));
  });
  expect(await screen.findByText('只能为本小组的会员代报名')).toBeInTheDocument();
  expect(callsTo('activity.signUpFor')).toEqual([{ activityId: 'act1', memberId: 'T010', companions: 0, answers: { events: ['doubles'], bus: false } }]);
});
