import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import SessionsPage from '../../src/packages/proposal-admin/sessions/index';
import type { ActionInput } from '../../types/actions';
import { button, field, tapAndSettle, typeInto } from './support/dom';
import { answer, callsTo, failure } from './support/gateway';
import { aSession } from './support/suggestions';
import { stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();
jest.setTimeout(20000);

const NAME = '会议名称，例如 第十二届教代会第二次会议';
const pick = async (label: string, value: string) => {
  const pickers = Array.from(document.querySelectorAll(`taro-picker-core[aria-label="${label}"]`));
  if (pickers.length !== 1) throw new Error(`找到 ${pickers.length} 个「${label}」选择器`);
  await act(async () => {
    fireEvent(pickers[0], new CustomEvent('change', { detail: { value } }));
  });
};
const cardOf = (name: string) => screen.getByLabelText(name);
const saved = (input: ActionInput<'congress.saveSession'>) => aSession({ ...input.session, _id: input.sessionId ?? 'cs3' });

test('lists each session with its proposal window, co-signers and the current one marked', async () => {
  answer({ 'congress.sessions': { sessions: [aSession(), aSession({ _id: 'cs1', name: '第十二届教代会第一次会议', minCoSigners: 3 })], current: 'cs2' } });
  render(<SessionsPage />);
  expect(await screen.findByText('第十二届教代会第二次会议')).toBeInTheDocument();
  const current = cardOf('第十二届教代会第二次会议');
  expect(within(current).getByText('当前会议')).toBeInTheDocument();
  expect(within(current).getByText('提案征集：2026年3月1日 08:00 至 2026年3月15日 18:00')).toBeInTheDocument();
  expect(within(current).getByText(/每份提案至少 2 位附议人/)).toBeInTheDocument();
  expect(within(cardOf('第十二届教代会第一次会议')).queryByText('当前会议')).not.toBeInTheDocument();
  expect(within(cardOf('第十二届教代会第一次会议')).getByText(/每份提案至少 3 位附议人/)).toBeInTheDocument();

  fireEvent.click(within(current).getByText('办理情况报告'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/proposal-admin/report/index?sessionId=cs2' });
  fireEvent.click(button('管理承办部门'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/proposal-admin/departments/index' });
});

test('creating a session sends the exact draft, in Shanghai time, with 2 co-signers by default', async () => {
  answer({ 'congress.sessions': { sessions: [], current: null }, 'congress.saveSession': saved });
  render(<SessionsPage />);
  expect(await screen.findByText('还没有教代会会议')).toBeInTheDocument();

  fireEvent.click(button('新建会议'));
  await typeInto(NAME, ' 第十二届教代会第三次会议 ');
  expect((await field('附议人数')).value).toBe('2');
  await pick('征集开始日期', '2027-03-01');
  await pick('征集截止日期', '2027-03-15');
  await pick('征集截止时刻', '17:30');
  answer({ 'congress.sessions': { sessions: [aSession({ _id: 'cs3', name: '第十二届教代会第三次会议' })], current: 'cs3' } });
  await tapAndSettle(button('保存会议'));

  // Times start at 08:00 and 18:00 unless picked: 2027-03-01 08:00 to 2027-03-15 17:30, Shanghai.
  expect(callsTo('congress.saveSession')).toEqual([
    { session: { name: '第十二届教代会第三次会议', proposalOpensAt: Date.UTC(2027, 2, 1, 0, 0), proposalClosesAt: Date.UTC(2027, 2, 15, 9, 30), minCoSigners: 2 } },
  ]);
  expect(await screen.findByText('已新建「第十二届教代会第三次会议」。')).toBeInTheDocument();
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' }));
  await waitFor(() => expect(callsTo('congress.sessions')).toHaveLength(2));
});

test('editing a session sends its id and the changed draft', async () => {
  answer({ 'congress.sessions': { sessions: [aSession()], current: 'cs2' }, 'congress.saveSession': saved });
  render(<SessionsPage />);
  await screen.findByText('第十二届教代会第二次会议');

  fireEvent.click(within(cardOf('第十二届教代会第二次会议')).getByText('修改'));
  expect((await field(NAME)).value).toBe('第十二届教代会第二次会议');
  await typeInto('附议人数', '3');
  await pick('征集截止日期', '2026-03-20');
  await tapAndSettle(button('保存会议'));

  expect(callsTo('congress.saveSession')).toEqual([
    {
      sessionId: 'cs2',
      session: { name: '第十二届教代会第二次会议', proposalOpensAt: Date.UTC(2026, 2, 1, 0, 0), proposalClosesAt: Date.UTC(2026, 2, 20, 10, 0), minCoSigners: 3 },
    },
  ]);
  expect(await screen.findByText('已保存「第十二届教代会第二次会议」的修改。')).toBeInTheDocument();
});

test('a window that closes before it opens is caught on the phone; the server’s refusal is shown too', async () => {
  answer({ 'congress.sessions': { sessions: [aSession()], current: 'cs2' }, 'congress.saveSession': failure('FORBIDDEN') });
  render(<SessionsPage />);
  await screen.findByText('第十二届教代会第二次会议');
  fireEvent.click(within(cardOf('第十二届教代会第二次会议')).getByText('修改'));
  await pick('征集截止日期', '2026-02-20');
  await tapAndSettle(button('保存会议'));
  expect(await screen.findByRole('alert')).toHaveTextContent('征集截止时间要晚于开始时间');
  expect(callsTo('congress.saveSession')).toEqual([]);

  await pick('征集截止日期', '2026-03-20');
  await typeInto('附议人数', '11');
  await tapAndSettle(button('保存会议'));
  expect(await screen.findByRole('alert')).toHaveTextContent('附议人数最多为 10');

  await typeInto('附议人数', '2');
  await tapAndSettle(button('保存会议'));
  expect(await screen.findByRole('alert')).toHaveTextContent('你没有权限进行这个操作');
});

test('loading fails: says so, and 重试 loads again', async () => {
  answer({ 'congress.sessions': failure('INTERNAL') });
  render(<SessionsPage />);
  expect(await screen.findByText('加载失败')).toBeInTheDocument();
  answer({ 'congress.sessions': { sessions: [aSession()], current: null } });
  await tapAndSettle(button('重试'));
  expect(await screen.findByText('第十二届教代会第二次会议')).toBeInTheDocument();
});
