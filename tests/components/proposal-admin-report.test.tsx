import { act, fireEvent, render, screen, within } from '@testing-library/react';
import ReportPage from '../../src/packages/proposal-admin/report/index';
import { button, tapAndSettle } from './support/dom';
import { answer, callsTo, failure, openDocument } from './support/gateway';
import { aReport, aSession } from './support/suggestions';
import { openPageWith, stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();
jest.setTimeout(20000);

const first = aSession({ _id: 'cs1', name: '第十二届教代会第一次会议' });
const second = aSession();
const sessions = { sessions: [second, first], current: 'cs2' };
const tableOf = (title: string) => screen.getByLabelText(title);

beforeEach(() => openPageWith({}));

test('opens on the current session and shows the figures, by outcome and by category', async () => {
  answer({ 'congress.sessions': sessions, 'proposal.report': aReport() });
  render(<ReportPage />);
  expect(await screen.findByText('共收到提案 6 份，立案 2 份')).toBeInTheDocument();
  expect(callsTo('proposal.report')).toEqual([{ sessionId: 'cs2' }]);

  const outcomes = tableOf('按办理结果');
  expect(within(outcomes).getByText('不予立案').nextSibling).toHaveTextContent('2 份');
  expect(within(outcomes).getByText('已办结').nextSibling).toHaveTextContent('1 份');
  expect(within(outcomes).getByText('已转为意见建议')).toBeInTheDocument();
  expect(within(outcomes).queryByText('草稿')).not.toBeInTheDocument();
  const categories = tableOf('按分类');
  expect(within(categories).getByText('教职工福利').nextSibling).toHaveTextContent('3 份');
  expect(within(categories).getByText('后勤保障').nextSibling).toHaveTextContent('2 份');
  expect(within(categories).queryByText('其他')).not.toBeInTheDocument();
});

test('each accepted proposal shows its departments, reply and satisfaction', async () => {
  answer({ 'congress.sessions': sessions, 'proposal.report': aReport() });
  render(<ReportPage />);
  await screen.findByText('立案提案（2 份）');

  const canteen = screen.getByLabelText('关于改善教工食堂伙食的提案');
  expect(within(canteen).getByText('第1号 关于改善教工食堂伙食的提案')).toBeInTheDocument();
  expect(within(canteen).getByText('提案人：李老师 · 后勤保障 · 已办结')).toBeInTheDocument();
  expect(within(canteen).getByText('主办：总务处；协办：工会')).toBeInTheDocument();
  expect(within(canteen).getByText('答复：已更换供应商，并每月征求教工意见。')).toBeInTheDocument();
  expect(within(canteen).getByText('评价：满意 3 · 基本满意 1 · 不满意 0')).toBeInTheDocument();

  const care = screen.getByLabelText('关于增加教工子女托管服务的提案');
  expect(within(care).getByText('主办：工会')).toBeInTheDocument();
  expect(within(care).getByText('尚未答复')).toBeInTheDocument();
  expect(within(care).getByText('评价：还没有人评价')).toBeInTheDocument();
});

test('the session asked for in the address opens, and another can be picked', async () => {
  openPageWith({ sessionId: 'cs1' });
  answer({ 'congress.sessions': sessions, 'proposal.report': (input) => aReport({ session: input.sessionId === 'cs1' ? first : second, total: input.sessionId === 'cs1' ? 4 : 6 }) });
  render(<ReportPage />);
  expect(await screen.findByText('共收到提案 4 份，立案 2 份')).toBeInTheDocument();

  const picker = document.querySelector('taro-picker-core[aria-label="选择会议"]')!;
  await act(async () => {
    fireEvent(picker, new CustomEvent('change', { detail: { value: 0 } }));
  });
  expect(await screen.findByText('共收到提案 6 份，立案 2 份')).toBeInTheDocument();
  expect(callsTo('proposal.report')).toEqual([{ sessionId: 'cs1' }, { sessionId: 'cs2' }]);
});

test('导出 Excel builds the file in the cloud and opens it', async () => {
  const file = { fileID: 'cloud://env.bucket/reports/r.xlsx', tempFileURL: 'https://tmp.example/r.xlsx', fileName: '第十二届教代会第二次会议-提案办理情况.xlsx' };
  answer({ 'congress.sessions': sessions, 'proposal.report': aReport(), 'proposal.exportReport': file });
  render(<ReportPage />);
  await screen.findByText('共收到提案 6 份，立案 2 份');
  await tapAndSettle(button('导出 Excel'));

  expect(callsTo('proposal.exportReport')).toEqual([{ sessionId: 'cs2' }]);
  expect(openDocument).toHaveBeenCalledWith(file);
  expect(await screen.findByText('已导出「第十二届教代会第二次会议-提案办理情况.xlsx」，可在打开的文件菜单里转发到微信群。')).toBeInTheDocument();
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已导出' }));
});

test('a failed export says why', async () => {
  answer({ 'congress.sessions': sessions, 'proposal.report': aReport(), 'proposal.exportReport': failure('FORBIDDEN') });
  render(<ReportPage />);
  await screen.findByText('共收到提案 6 份，立案 2 份');
  await tapAndSettle(button('导出 Excel'));
  expect(await screen.findByRole('alert')).toHaveTextContent('你没有权限进行这个操作');
  expect(openDocument).not.toHaveBeenCalled();
});

test('a session without proposals, and no sessions at all, are said plainly', async () => {
  answer({ 'congress.sessions': sessions, 'proposal.report': aReport({ total: 0, byStatus: [], byCategory: [], accepted: [] }) });
  const { unmount } = render(<ReportPage />);
  expect(await screen.findByText('这次会议还没有提案')).toBeInTheDocument();
  unmount();

  answer({ 'congress.sessions': { sessions: [], current: null } });
  render(<ReportPage />);
  expect(await screen.findByText('还没有教代会会议')).toBeInTheDocument();
  fireEvent.click(button('去设置会议'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/proposal-admin/sessions/index' });
});

test('the report failing to load says so, and 重试 loads again', async () => {
  answer({ 'congress.sessions': sessions, 'proposal.report': failure('INTERNAL') });
  render(<ReportPage />);
  expect(await screen.findByText('加载失败')).toBeInTheDocument();
  answer({ 'proposal.report': aReport() });
  await tapAndSettle(button('重试'));
  expect(await screen.findByText('共收到提案 6 份，立案 2 份')).toBeInTheDocument();
});
