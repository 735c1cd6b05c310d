import { act, render, screen, waitFor } from '@testing-library/react';
import ParticipantsPage from '../../src/packages/organiser/participants/index';
import { aRow, someParticipants } from './support/activities';
import { button, isDisabled } from './support/dom';
import { answer, callsTo, failure, openDocument } from './support/gateway';
import { openPageWith, stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();
const list = someParticipants({ confirmed: [aRow({ memberId: 'T001', memberName: '王老师', checkedInAt: Date.UTC(2026, 2, 8, 1) }), aRow({ memberId: 'T002', memberName: '李老师' })] });
const file = { fileID: 'cloud://env/exports/act1/1.xlsx', tempFileURL: 'https://tmp.example/1.xlsx', fileName: '教工羽毛球赛-报名名单.xlsx' };

beforeEach(() => openPageWith({ id: 'act1' }));

test('导出名单 shows it is working, opens the file, then says where it went', async () => {
  let finish: (value: typeof file) => void = () => undefined;
  answer({ 'activity.participants': list, 'activity.export': () => new Promise((resolve) => (finish = resolve)) });
  render(<ParticipantsPage />);
  await screen.findByText('王老师');
  expect(screen.getByLabelText('已签到 1')).toBeInTheDocument();
  expect(screen.getByLabelText('未签到 1')).toBeInTheDocument();

  await act(async () => button('导出名单').click());
  expect(await screen.findByText('正在导出…')).toBeInTheDocument();
  expect(isDisabled(button('正在导出…'))).toBe(true);
  await act(async () => finish(file));
  expect(await screen.findByText(/已导出「教工羽毛球赛-报名名单.xlsx」/)).toBeInTheDocument();
  expect(callsTo('activity.export')).toEqual([{ activityId: 'act1' }]);
  expect(openDocument).toHaveBeenCalledWith(file);
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已导出' }));
  expect(isDisabled(button('导出名单'))).toBe(false);
});

test('a refused export says why', async () => {
  answer({ 'activity.participants': list, 'activity.export': failure('FORBIDDEN') });
  render(<ParticipantsPage />);
  await screen.findByText('王老师');
  await act(async () => button('导出名单').click());
  expect(await screen.findByText('你没有权限进行这个操作')).toBeInTheDocument();
  expect(openDocument).not.toHaveBeenCalled();
});

test('group leaders get no export or check-in code', async () => {
  answer({ 'activity.participants': { ...list, scope: 'group' } });
  render(<ParticipantsPage />);
  await screen.findByText('王老师');
  expect(screen.queryByText('导出名单')).not.toBeInTheDocument();
  expect(screen.queryByText('签到码')).not.toBeInTheDocument();
  await waitFor(() => expect(callsTo('activity.participants')).toHaveLength(1));
});
