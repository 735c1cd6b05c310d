import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import EditNoticePage from '../../src/packages/notice-admin/edit/index';
import { shanghaiDateText, shanghaiWallTime } from '../../src/lib/time';
import type { NoticeDraft } from '../../types/notice';
import { button, field, tapAndSettle, typeInto } from './support/dom';
import { answer, callsTo, CloudCallError, failure, pickFile } from './support/gateway';
import { aDraftNotice, aNotice, inDays, PDF } from './support/notices';
import { openPageWith, stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();
jest.setTimeout(20000);

const TITLE = '标题，例如 关于开展2026年教职工体检的通知';
const BODY = '正文：写清楚时间、地点、要做什么、找谁咨询';
const MB = 1024 * 1024;

const pick = async (label: string, value: string) => {
  const picker = document.querySelector(`taro-picker-core[aria-label="${label}"]`);
  if (!picker) throw new Error(`没有「${label}」选择器`);
  await act(async () => {
    fireEvent(picker, new CustomEvent('change', { detail: { value } }));
  });
};
const typeIntoArea = async (placeholder: string, value: string) => {
  const area = await waitFor(() => {
    const found = screen.getAllByPlaceholderText(placeholder).find((el) => el.tagName === 'TEXTAREA');
    if (!found) throw new Error(`没有占位文字为「${placeholder}」的文本框`);
    return found;
  });
  fireEvent.input(area, { target: { value } });
};
const pinSwitch = () => document.querySelector(".nut-switch[aria-label='置顶']") as HTMLElement;
const radioOf = (label: string) => screen.getByText(label).closest('.nut-radio') as HTMLElement;
/** The notice as the cloud stores a draft it was sent. */
const stored = (draft: NoticeDraft, id = 'new1') => aDraftNotice({ ...draft, _id: id, attachments: draft.attachments.map((a) => ({ ...a, size: 1024, kind: 'pdf' as const })) });
/** A file picked from a chat: its upload resolves with a cloud file id. */
function picked(name: string, size: number) {
  const upload = jest.fn(async () => `cloud://env.bucket/uploads/0123456789abcdef0123456789abcdef/notice/${name}`);
  pickFile.mockResolvedValueOnce({ name, size, upload });
  return upload;
}
const writeText = async () => {
  await typeInto(TITLE, ' 关于开展2026年教职工体检的通知 ');
  await typeIntoArea(BODY, '各位老师：\n体检定于12月5日。');
};

test('saving a draft sends the exact draft: attachments, audience, pinned and the scheduled time', async () => {
  openPageWith({});
  answer({ 'notice.create': (input) => stored(input.draft) });
  render(<EditNoticePage />);
  await writeText();

  const upload = picked('体检须知.PDF', 2 * MB);
  await tapAndSettle(button('添加附件'));
  expect(pickFile).toHaveBeenCalledWith('notice');
  expect(upload).toHaveBeenCalledTimes(1);
  const row = within(await screen.findByLabelText('体检须知.PDF'));
  expect(row.getByText('PDF')).toBeInTheDocument();
  expect(row.getByText('2 MB')).toBeInTheDocument();
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '附件已上传' }));

  expect(radioOf('全体会员')).toHaveAttribute('aria-checked', 'true');
  fireEvent.click(screen.getByText('退休会员'));
  await tapAndSettle(pinSwitch());
  expect(screen.getByText('置顶的通知排在列表最前面。')).toBeInTheDocument();
  fireEvent.click(screen.getByText('定时发布'));
  const day = shanghaiDateText(inDays(5));
  await pick('发布时间日期', day);
  await pick('发布时间时刻', '07:30');

  await tapAndSettle(button('保存草稿'));
  await waitFor(() => expect(callsTo('notice.create')).toHaveLength(1));
  expect(callsTo('notice.create')[0].draft).toEqual({
    title: '关于开展2026年教职工体检的通知',
    body: '各位老师：\n体检定于12月5日。',
    attachments: [{ fileID: 'cloud://env.bucket/uploads/0123456789abcdef0123456789abcdef/notice/体检须知.PDF', name: '体检须知.PDF' }],
    audience: { statuses: ['retired'] },
    everyone: false,
    pinned: true,
    publishAt: shanghaiWallTime(day, '07:30'),
  });
  expect(callsTo('notice.publish')).toHaveLength(0);
  expect(await screen.findByText('已保存为草稿')).toBeInTheDocument();
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存草稿' }));
  await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/notice/detail/index?id=new1' }));
});

test('保存并发布 saves then publishes, for everyone, now', async () => {
  openPageWith({});
  answer({
    'notice.create': (input) => stored(input.draft),
    'notice.publish': (input) => aNotice({ _id: input.noticeId, status: 'published', visibleAt: Date.now() }),
  });
  render(<EditNoticePage />);
  await writeText();
  await tapAndSettle(button('保存并发布'));
  await waitFor(() => expect(callsTo('notice.publish')).toEqual([{ noticeId: 'new1' }]));
  expect(callsTo('notice.create')[0].draft).toEqual({
    title: '关于开展2026年教职工体检的通知',
    body: '各位老师：\n体检定于12月5日。',
    attachments: [],
    audience: {},
    everyone: true,
    pinned: false,
    publishAt: null,
  });
  expect(await screen.findByText('已发布，通知对象会收到提醒。')).toBeInTheDocument();
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已发布' }));
});

test('a file over 10 MB is refused on the phone, before any upload; an attachment can be removed', async () => {
  openPageWith({});
  render(<EditNoticePage />);
  const big = picked('全校合影.png', 12.5 * MB);
  await tapAndSettle(button('添加附件'));
  expect(await screen.findByRole('alert')).toHaveTextContent('「全校合影.png」有 12.5 MB，超过了 10 MB，请压缩或拆分后再添加');
  expect(big).not.toHaveBeenCalled();
  expect(screen.queryByLabelText('全校合影.png')).not.toBeInTheDocument();

  const small = picked('分组名单.xlsx', 30 * 1024);
  await tapAndSettle(button('添加附件'));
  expect(small).toHaveBeenCalled();
  expect(await screen.findByLabelText('分组名单.xlsx')).toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  fireEvent.click(screen.getByLabelText('移除 分组名单.xlsx'));
  expect(screen.queryByLabelText('分组名单.xlsx')).not.toBeInTheDocument();
});

test('the server’s refusal is shown under the form, with what it named', async () => {
  openPageWith({});
  answer({
    'notice.create': new CloudCallError('ATTACHMENT_TOO_LARGE', '附件太大了，每个附件最多 10 MB', [{ path: 'draft.attachments', message: '「体检须知.pdf」有 12.0 MB，超过了 10 MB' }]),
  });
  render(<EditNoticePage />);
  await writeText();
  picked('体检须知.pdf', 3 * MB);
  await tapAndSettle(button('添加附件'));
  await screen.findByLabelText('体检须知.pdf');
  await tapAndSettle(button('保存草稿'));
  expect(await screen.findByRole('alert')).toHaveTextContent('附件太大了，每个附件最多 10 MB：「体检须知.pdf」有 12.0 MB，超过了 10 MB');
  expect(screen.queryByText('已保存为草稿')).not.toBeInTheDocument();
});

test('a risky text is refused at publishing; the notice is kept as a draft and the next try updates it', async () => {
  openPageWith({});
  answer({ 'notice.create': (input) => stored(input.draft), 'notice.publish': failure('CONTENT_RISKY'), 'notice.update': (input) => stored(input.draft, input.noticeId) });
  render(<EditNoticePage />);
  await writeText();
  await tapAndSettle(button('保存并发布'));
  expect(await screen.findByRole('alert')).toHaveTextContent('内容未通过微信内容安全检查，请修改后再提交（通知已保存为草稿）');

  answer({ 'notice.publish': (input) => aNotice({ _id: input.noticeId, status: 'held', visibleAt: Date.now() }) });
  await typeIntoArea(BODY, '各位老师：体检定于12月5日，请准时参加。');
  await tapAndSettle(button('保存并发布'));
  await waitFor(() => expect(callsTo('notice.update')).toHaveLength(1));
  expect(callsTo('notice.create')).toHaveLength(1);
  expect(callsTo('notice.update')[0]).toMatchObject({ noticeId: 'new1', draft: { body: '各位老师：体检定于12月5日，请准时参加。' } });
  expect(callsTo('notice.publish')).toEqual([{ noticeId: 'new1' }, { noticeId: 'new1' }]);
  // The content check could not run: the chair reviews it.
  expect(await screen.findByText('内容安全检查暂不可用，通知已交给工会主席审核后发布。')).toBeInTheDocument();
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已交主席审核' }));
});

test('the phone checks first: a title, chosen groups, a time still to come', async () => {
  openPageWith({});
  answer({
    'notice.create': (input) => stored(input.draft),
    'groups.list': [
      { _id: 'g1', name: '语文组', memberCount: 12 },
      { _id: 'g2', name: '数学组', memberCount: 10 },
    ] as never,
  });
  render(<EditNoticePage />);
  await tapAndSettle(button('保存草稿'));
  expect(await screen.findByRole('alert')).toHaveTextContent('请填写标题');

  await writeText();
  fireEvent.click(screen.getByText('指定工会小组'));
  await tapAndSettle(button('保存草稿'));
  expect(await screen.findByRole('alert')).toHaveTextContent('请选择接收通知的工会小组');
  fireEvent.click(await screen.findByText('数学组'));

  fireEvent.click(screen.getByText('定时发布'));
  await pick('发布时间日期', '2020-01-06');
  await tapAndSettle(button('保存草稿'));
  expect(await screen.findByRole('alert')).toHaveTextContent('定时发布的时间已经过了');
  fireEvent.click(screen.getByText('立即发布'));

  await tapAndSettle(button('保存草稿'));
  await waitFor(() => expect(callsTo('notice.create')).toHaveLength(1));
  expect(callsTo('groups.list')).toHaveLength(1);
  expect(callsTo('notice.create')[0].draft).toMatchObject({ audience: { groupIds: ['g2'] }, everyone: false, publishAt: null });
});

test('editing prefills the form from notice.get and sends notice.update, then goes back to the notice', async () => {
  const at = inDays(3);
  openPageWith({ id: 'd1' });
  const draft = aDraftNotice({ _id: 'd1', audience: { delegatesOnly: true }, everyone: false, pinned: true, publishAt: at, attachments: [PDF] });
  answer({ 'notice.get': { notice: draft, attachmentUrls: {}, read: false, canManage: true }, 'notice.update': (input) => stored(input.draft, input.noticeId) });
  render(<EditNoticePage />);
  expect((await field(TITLE)).value).toBe('关于开展2026年教职工体检的通知');
  expect(callsTo('notice.get')).toEqual([{ noticeId: 'd1' }]);
  expect(radioOf('教代会代表')).toHaveAttribute('aria-checked', 'true');
  expect(radioOf('定时发布')).toHaveAttribute('aria-checked', 'true');
  expect(pinSwitch()).toHaveAttribute('aria-checked', 'true');
  expect(within(screen.getByLabelText('体检须知.pdf')).getByText('1.5 MB')).toBeInTheDocument();

  await typeInto(TITLE, '关于开展2026年教职工体检的通知（更正）');
  await tapAndSettle(button('保存草稿'));
  await waitFor(() => expect(callsTo('notice.update')).toHaveLength(1));
  const [{ noticeId, draft: sent }] = callsTo('notice.update');
  expect(noticeId).toBe('d1');
  expect(sent).toEqual({
    title: '关于开展2026年教职工体检的通知（更正）',
    body: draft.body,
    attachments: [{ fileID: PDF.fileID, name: PDF.name }],
    audience: { delegatesOnly: true },
    everyone: false,
    pinned: true,
    // Minutes, as the pickers show them.
    publishAt: Math.floor(at / 60000) * 60000,
  });
  expect(callsTo('notice.create')).toHaveLength(0);
  await waitFor(() => expect(taro.navigateBack).toHaveBeenCalled());
});

test('a held or scheduled notice warns that editing makes it a draft again; a published one cannot be edited', async () => {
  openPageWith({ id: 'd1' });
  answer({ 'notice.get': { notice: aNotice({ status: 'held', refusedReason: undefined }), attachmentUrls: {}, read: false, canManage: true } });
  const { unmount } = render(<EditNoticePage />);
  expect(await screen.findByText('这条通知正在等工会主席审核。修改后会变回草稿，需要重新发布。')).toBeInTheDocument();
  unmount();

  answer({ 'notice.get': { notice: aNotice(), attachmentUrls: {}, read: true, canManage: true } });
  render(<EditNoticePage />);
  expect(await screen.findByText('通知已经发布，不能再修改；如需更正请另发一条')).toBeInTheDocument();
  expect(screen.queryByText('保存草稿')).not.toBeInTheDocument();
});
