import { act, render, screen, waitFor } from '@testing-library/react';
import CheckinPage from '../../src/pages/checkin/index';
import ParticipantsPage from '../../src/packages/organiser/participants/index';
import { someParticipants } from './support/activities';
import { button, typeInto } from './support/dom';
import { answer, callsTo, failure } from './support/gateway';
import { openPageWith, stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
stubTaro();
const at = Date.UTC(2026, 2, 8, 1, 30); // 09:30 in Shanghai

test('scanning checks the member in with the scene from the code (URL-encoded)', async () => {
  openPageWith({ scene: encodeURIComponent('tok_en-1') });
  answer({ 'activity.checkIn': { activityTitle: '教工羽毛球赛', checkedInAt: at, already: false } });
  render(<CheckinPage />);
  expect(await screen.findByText('签到成功')).toBeInTheDocument();
  expect(screen.getByText('教工羽毛球赛')).toBeInTheDocument();
  expect(screen.getByText('签到时间 2026年3月8日 09:30')).toBeInTheDocument();
  expect(callsTo('activity.checkIn')).toEqual([{ scene: 'tok_en-1' }]);
});

test('a second scan says so', async () => {
  openPageWith({ scene: 'tok' });
  answer({ 'activity.checkIn': { activityTitle: '教工羽毛球赛', checkedInAt: at, already: true } });
  render(<CheckinPage />);
  expect(await screen.findByText('你已经签到过了')).toBeInTheDocument();
});

test.each([
  ['CHECKIN_CLOSED', '现在不在签到时间内'],
  ['NOT_SIGNED_UP', '你还没有报名这个活动'],
  ['NOT_FOUND', '要找的内容不存在或已被删除'],
] as const)('a refusal (%s) is shown in words', async (code, text) => {
  openPageWith({ scene: 'tok' });
  answer({ 'activity.checkIn': failure(code) });
  render(<CheckinPage />);
  expect(await screen.findByText('未能签到')).toBeInTheDocument();
  expect(screen.getByText(text)).toBeInTheDocument();
});

test('opened without a code, it asks to scan one and calls nothing', async () => {
  openPageWith({});
  render(<CheckinPage />);
  expect(screen.getByText('请用微信扫描活动现场的签到码')).toBeInTheDocument();
  await waitFor(() => expect(callsTo('activity.checkIn')).toHaveLength(0));
});

test('organisers show the code and check a member in by 工号', async () => {
  openPageWith({ id: 'act1' });
  answer({
    'activity.participants': someParticipants(),
    'activity.checkinCode': { imageUrl: 'https://tmp.example/code.png', scanCount: 3, checkedIn: 3, confirmed: 10 },
    'activity.checkInMember': failure('NOT_SIGNED_UP'),
  });
  render(<ParticipantsPage />);
  await screen.findByText('还没有人报名。');
  await act(async () => button('签到码').click());
  expect(await screen.findByText(/扫码签到 3 人/)).toBeInTheDocument();
  await typeInto('按工号签到：会员工号', 'T404');
  await act(async () => button('按工号签到').click());
  expect(await screen.findByText('这位会员没有确认报名这个活动')).toBeInTheDocument();

  answer({ 'activity.checkInMember': { activityTitle: '教工羽毛球赛', memberName: '王老师', checkedInAt: at, already: false } });
  await typeInto('按工号签到：会员工号', 'T001');
  await act(async () => button('按工号签到').click());
  expect(await screen.findByText('王老师签到成功')).toBeInTheDocument();
  expect(callsTo('activity.checkInMember').at(-1)).toEqual({ activityId: 'act1', memberId: 'T001' });
});
