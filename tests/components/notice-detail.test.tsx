import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import NoticeDetailPage from '../../src/packages/notice/detail/index';
import { button, tapAndSettle } from './support/dom';
import { answer, callsTo, CloudCallError, failure, openDocument } from './support/gateway';
import { aNotice, aNoticeDetail, EXCEL, IMAGE, inDays, meAs, PDF, urlOf } from './support/notices';
import { openPageWith, stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();
const showModal = jest.spyOn(Taro, 'showModal');
const previewImage = jest.spyOn(Taro, 'previewImage').mockResolvedValue({ errMsg: 'ok' } as never);
const trigger = jest.spyOn(Taro.eventCenter, 'trigger');
jest.setTimeout(20000);

const TITLE = '关于开展2026年教职工体检的通知';
const monthChanges = () => trigger.mock.calls.filter(([name]) => name === 'month:changed').length;
const organiser = (notice: Parameters<typeof aNoticeDetail>[0]) => aNoticeDetail(notice, { canManage: true });

beforeEach(() => openPageWith({ id: 'n1' }));

test('a member reads the notice: title, author, time, the body with its line breaks, and attachments', async () => {
  answer({ 'notice.get': aNoticeDetail() });
  render(<NoticeDetailPage />);

  expect(await screen.findByText(TITLE)).toBeInTheDocument();
  expect(callsTo('notice.get')).toEqual([{ noticeId: 'n1' }]);
  expect(screen.getByText('李主席')).toBeInTheDocument();
  expect(screen.getByText('2026年11月20日 09:30')).toBeInTheDocument();
  expect(screen.getByText('置顶')).toBeInTheDocument();
  const body = screen.getByText(/今年的体检定于12月5日/);
  expect(body.textContent).toBe('各位老师：\n今年的体检定于12月5日在市人民医院进行。\n请按分组名单准时参加，空腹。');
  expect(body).toHaveClass('notice-detail__body');

  expect(screen.getByText('附件（3）')).toBeInTheDocument();
  const thumb = screen.getByLabelText('查看图片 体检安排.jpg');
  expect(thumb.querySelector('taro-image-core')?.getAttribute('src')).toBe(urlOf(IMAGE));
  const pdf = within(screen.getByLabelText('打开 体检须知.pdf'));
  expect(pdf.getByText('PDF')).toBeInTheDocument();
  expect(pdf.getByText('1.5 MB')).toBeInTheDocument();
  expect(within(screen.getByLabelText('打开 体检分组名单.xlsx')).getByText('Excel')).toBeInTheDocument();

  // Nothing for organisers.
  expect(screen.queryByText('通知管理')).not.toBeInTheDocument();
  expect(screen.queryByText('编辑')).not.toBeInTheDocument();
  expect(screen.queryByText('删除')).not.toBeInTheDocument();
});

test('opening it tells the list and the home page, once, so their unread marks update', async () => {
  answer({ 'notice.get': aNoticeDetail() });
  render(<NoticeDetailPage />);
  await screen.findByText(TITLE);
  await waitFor(() => expect(monthChanges()).toBe(1));
  // The page does not reload itself on its own announcement.
  expect(callsTo('notice.get')).toHaveLength(1);
});

test('a picture opens full size; a PDF or Excel file opens in the document viewer', async () => {
  answer({ 'notice.get': aNoticeDetail() });
  render(<NoticeDetailPage />);
  await screen.findByText(TITLE);

  fireEvent.click(screen.getByLabelText('查看图片 体检安排.jpg'));
  expect(previewImage).toHaveBeenCalledWith({ current: urlOf(IMAGE), urls: [urlOf(IMAGE)] });

  await tapAndSettle(screen.getByLabelText('打开 体检须知.pdf'));
  expect(openDocument).toHaveBeenCalledWith({ fileID: PDF.fileID, tempFileURL: urlOf(PDF), fileName: '体检须知.pdf' });
  await tapAndSettle(screen.getByLabelText('打开 体检分组名单.xlsx'));
  expect(openDocument).toHaveBeenLastCalledWith({ fileID: EXCEL.fileID, tempFileURL: urlOf(EXCEL), fileName: '体检分组名单.xlsx' });
});

test('a file that will not open says so beside the attachments', async () => {
  openDocument.mockRejectedValueOnce(new CloudCallError('NETWORK', '网络不太顺畅，请稍后再试'));
  answer({ 'notice.get': aNoticeDetail() });
  render(<NoticeDetailPage />);
  await screen.findByText(TITLE);
  await tapAndSettle(screen.getByLabelText('打开 体检须知.pdf'));
  expect(await screen.findByRole('alert')).toHaveTextContent('网络不太顺畅，请稍后再试');
});

test('a notice that is gone, or never was for this member, says so and offers 重试', async () => {
  answer({ 'notice.get': failure('NOT_FOUND') });
  render(<NoticeDetailPage />);
  expect(await screen.findByText('加载失败')).toBeInTheDocument();
  expect(screen.getByText('要找的内容不存在或已被删除')).toBeInTheDocument();
  answer({ 'notice.get': aNoticeDetail() });
  await tapAndSettle(button('重试'));
  expect(await screen.findByText(TITLE)).toBeInTheDocument();
});

test('an organiser publishes a draft: 编辑 and 删除 stay until it is out, then 阅读情况 appears', async () => {
  const draft = { status: 'draft' as const, visibleAt: undefined, pinned: false, attachments: [] };
  answer({ 'notice.get': organiser(draft), 'notice.publish': aNotice({ ...draft, status: 'published', visibleAt: Date.now() - 1000 }) });
  render(<NoticeDetailPage />);
  await screen.findByText(TITLE);
  expect(screen.getByText('草稿')).toBeInTheDocument();
  expect(screen.getByText(/^最后修改 /)).toBeInTheDocument();
  expect(screen.queryByText('阅读情况')).not.toBeInTheDocument();
  // Not visible to anyone: nobody's unread mark changes.
  expect(monthChanges()).toBe(0);

  fireEvent.click(button('编辑'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notice-admin/edit/index?id=n1' });

  await tapAndSettle(button('发布'));
  expect(callsTo('notice.publish')).toEqual([{ noticeId: 'n1' }]);
  expect(await screen.findByText('已发布，通知对象会收到提醒。')).toBeInTheDocument();
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已发布' }));
  expect(screen.queryByText('草稿')).not.toBeInTheDocument();
  expect(screen.queryByText('发布')).not.toBeInTheDocument();
  expect(screen.queryByText('编辑')).not.toBeInTheDocument();
  expect(monthChanges()).toBeGreaterThanOrEqual(1);
  fireEvent.click(button('阅读情况'));
  expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/notice-admin/readers/index?id=n1' });
});

test('when the content check cannot run, publishing explains that the chair will review it', async () => {
  const draft = { status: 'draft' as const, visibleAt: undefined };
  answer({ 'notice.get': organiser(draft), 'notice.publish': aNotice({ status: 'held', visibleAt: Date.now() }) });
  render(<NoticeDetailPage />);
  await screen.findByText(TITLE);
  await tapAndSettle(button('发布'));
  expect(await screen.findByText('内容安全检查暂不可用，通知已交给工会主席审核后发布。')).toBeInTheDocument();
  expect(screen.getByText('待审核')).toBeInTheDocument();
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已交主席审核' }));
  expect(screen.queryByText('发布')).not.toBeInTheDocument();
  expect(button('编辑')).toBeInTheDocument();
});

test('a held notice says why when opened; a risky one is refused with the server’s words', async () => {
  answer({ 'notice.get': organiser({ status: 'held', visibleAt: undefined }) });
  const { unmount } = render(<NoticeDetailPage />);
  expect(await screen.findByText('内容安全检查暂不可用，通知已交给工会主席审核后发布。')).toBeInTheDocument();
  unmount();

  answer({ 'notice.get': organiser({ status: 'draft', visibleAt: undefined, refusedReason: '请删去个人电话' }), 'notice.publish': failure('CONTENT_RISKY') });
  render(<NoticeDetailPage />);
  expect(await screen.findByText('工会主席退回了这条通知：请删去个人电话。修改后可以再发布。')).toBeInTheDocument();
  await tapAndSettle(button('发布'));
  await waitFor(() => expect(screen.getAllByRole('alert').map((el) => el.textContent)).toContain('内容未通过微信内容安全检查，请修改后再提交'));
  expect(screen.getByText('草稿')).toBeInTheDocument();
});

test('a scheduled notice says when it comes out and can still be edited', async () => {
  const at = inDays(2);
  answer({ 'notice.get': organiser({ status: 'published', visibleAt: at, publishAt: at }) });
  render(<NoticeDetailPage />);
  await screen.findByText(TITLE);
  expect(screen.getByText('定时发布')).toBeInTheDocument();
  expect(screen.getByText(/^将于 .+ 发布$/)).toBeInTheDocument();
  expect(button('编辑')).toBeInTheDocument();
  expect(screen.queryByText('发布')).not.toBeInTheDocument();
  expect(screen.queryByText('阅读情况')).not.toBeInTheDocument();
  expect(screen.getByText('修改定时发布的通知后，它会变回草稿，需要重新发布。')).toBeInTheDocument();
});

test('删除 asks first, then removes the notice and goes back', async () => {
  answer({ 'notice.get': organiser({}), 'notice.remove': { removed: true } });
  render(<NoticeDetailPage />);
  await screen.findByText(TITLE);
  expect(screen.getByText('通知已经发布，不能再修改；如需更正请另发一条。')).toBeInTheDocument();
  expect(screen.queryByText('编辑')).not.toBeInTheDocument();

  showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' } as never);
  await tapAndSettle(button('删除'));
  expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '删除通知', content: expect.stringContaining(`「${TITLE}」`) }));
  expect(callsTo('notice.remove')).toHaveLength(0);

  showModal.mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'ok' } as never);
  await tapAndSettle(button('删除'));
  expect(callsTo('notice.remove')).toEqual([{ noticeId: 'n1' }]);
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已删除' }));
  await waitFor(() => expect(taro.navigateBack).toHaveBeenCalled());
});

test('a group leader can see how their group has read it', async () => {
  answer({ 'notice.get': aNoticeDetail(), 'me.get': meAs(['groupLeader']) });
  render(<NoticeDetailPage />);
  fireEvent.click(await screen.findByText('本组阅读情况'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notice-admin/readers/index?id=n1' });
});

test('a member who leads no group sees no such link', async () => {
  answer({ 'notice.get': aNoticeDetail(), 'me.get': meAs([]) });
  render(<NoticeDetailPage />);
  await screen.findByText(TITLE);
  await waitFor(() => expect(callsTo('me.get')).toHaveLength(1));
  expect(screen.queryByText('本组阅读情况')).not.toBeInTheDocument();
});
