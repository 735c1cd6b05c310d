import { ATTACHMENT_MAX_BYTES, type Notice, type NoticeSummary } from '../../types/notice';
import {
  attachmentCountText,
  attachmentKindOf,
  fileSizeText,
  isEditable,
  NOTICE_FILE_EXTENSIONS,
  noticeState,
  noticeTimeText,
  publishOutcome,
  splitNotices,
  summaryState,
} from '../../src/packages/notice/lib/notice-view';
import {
  attachmentName,
  attachmentProblem,
  audienceModeOf,
  blankNoticeForm,
  noticeDraftOf,
  noticeFormOf,
  type NoticeForm,
} from '../../src/packages/notice-admin/lib/notice-form';
import { groupUnread, readLine, readPercent, readRate, remindersText, remindQuestion, remindResultText } from '../../src/packages/notice-admin/lib/readers';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** 2026-11-26 10:00 in Shanghai. */
const NOW = Date.UTC(2026, 10, 26, 2, 0);
const MB = 1024 * 1024;

const summary = (overrides: Partial<NoticeSummary> = {}): NoticeSummary => ({
  _id: 'n1',
  title: '通知',
  excerpt: '',
  pinned: false,
  visibleAt: NOW - DAY,
  authorName: '李主席',
  attachmentCount: 0,
  read: true,
  status: 'published',
  scheduled: false,
  ...overrides,
});

const notice = (overrides: Partial<Notice> = {}): Notice => ({
  _id: 'n1',
  title: '关于开展教职工体检的通知',
  body: '各位老师：\n体检定于12月5日。',
  attachments: [{ fileID: 'cloud://env.bucket/notice-files/a.pdf', name: '须知.pdf', size: 2048, kind: 'pdf' }],
  audience: {},
  everyone: true,
  pinned: false,
  publishAt: null,
  status: 'draft',
  authorId: 'T900',
  authorName: '李主席',
  createdAt: NOW - DAY,
  updatedAt: NOW - DAY,
  ...overrides,
});

const form = (overrides: Partial<NoticeForm> = {}): NoticeForm => ({ ...blankNoticeForm(NOW), title: '关于开展教职工体检的通知', body: '各位老师：体检定于12月5日。', ...overrides });

describe('where a notice stands', () => {
  test('a list entry: published, scheduled, draft or held', () => {
    expect(summaryState(summary())).toBe('published');
    expect(summaryState(summary({ scheduled: true }))).toBe('scheduled');
    expect(summaryState(summary({ status: 'draft' }))).toBe('draft');
    expect(summaryState(summary({ status: 'held' }))).toBe('held');
  });

  test('a stored notice: published with its time still to come is scheduled', () => {
    expect(noticeState({ status: 'published', visibleAt: NOW + 1 }, NOW)).toBe('scheduled');
    expect(noticeState({ status: 'published', visibleAt: NOW }, NOW)).toBe('published');
    expect(noticeState({ status: 'held', visibleAt: NOW + DAY }, NOW)).toBe('held');
    expect(noticeState({ status: 'draft' }, NOW)).toBe('draft');
  });

  test('only what people may have read is fixed', () => {
    expect(isEditable('published')).toBe(false);
    expect(['draft', 'held', 'scheduled'].every((s) => isEditable(s as 'draft'))).toBe(true);
  });

  test('what publishing achieved', () => {
    expect(publishOutcome({ status: 'held', visibleAt: NOW }, NOW)).toEqual({ toast: '已交主席审核', text: '内容安全检查暂不可用，通知已交给工会主席审核后发布。', tone: 'info' });
    expect(publishOutcome({ status: 'published', visibleAt: NOW }, NOW).toast).toBe('已发布');
    const later = publishOutcome({ status: 'published', visibleAt: Date.UTC(2026, 11, 1, 0, 0) }, NOW);
    expect(later.toast).toBe('已定时发布');
    expect(later.text).toBe('已定时发布：2026年12月1日 08:00 起通知对象才能看到，并收到提醒。');
  });
});

describe('the list', () => {
  test('unpublished ones first as listed, then published ones pinned first and newest first', () => {
    const old = summary({ _id: 'a', visibleAt: NOW - 5 * DAY });
    const fresh = summary({ _id: 'b', visibleAt: NOW - HOUR });
    const pinnedOld = summary({ _id: 'c', pinned: true, visibleAt: NOW - 30 * DAY });
    const draft = summary({ _id: 'd', status: 'draft' });
    const scheduled = summary({ _id: 'e', scheduled: true, visibleAt: NOW + DAY });
    const { pending, published } = splitNotices([old, draft, fresh, scheduled, pinnedOld]);
    expect(pending.map((n) => n._id)).toEqual(['d', 'e']);
    expect(published.map((n) => n._id)).toEqual(['c', 'b', 'a']);
  });

  test('the time each shows, in Shanghai', () => {
    const at = Date.UTC(2026, 10, 20, 1, 30);
    expect(noticeTimeText(summary({ visibleAt: at }))).toBe('2026年11月20日 09:30');
    expect(noticeTimeText(summary({ visibleAt: at, scheduled: true }))).toBe('2026年11月20日 09:30 发布');
    expect(noticeTimeText(summary({ visibleAt: at, status: 'draft' }))).toBe('2026年11月20日 09:30 修改');
  });

  test('附件 count only when there are some', () => {
    expect(attachmentCountText(0)).toBe('');
    expect(attachmentCountText(3)).toBe('附件 3');
  });
});

describe('attachments', () => {
  test('the endings offered, and each name’s kind', () => {
    expect(NOTICE_FILE_EXTENSIONS).toEqual(['jpg', 'jpeg', 'png', 'pdf', 'xlsx', 'xls', 'docx', 'doc']);
    expect(attachmentKindOf('合影.JPEG')).toBe('image');
    expect(attachmentKindOf('须知.pdf')).toBe('pdf');
    expect(attachmentKindOf('名单.xls')).toBe('excel');
    expect(attachmentKindOf('方案.docx')).toBe('word');
    expect(attachmentKindOf('视频.mp4')).toBeNull();
    expect(attachmentKindOf('没有后缀')).toBeNull();
  });

  test('sizes read as KB or MB', () => {
    expect(fileSizeText(100)).toBe('1 KB');
    expect(fileSizeText(420 * 1024)).toBe('420 KB');
    expect(fileSizeText(1.5 * MB)).toBe('1.5 MB');
    expect(fileSizeText(10 * MB)).toBe('10 MB');
  });

  test('refused on the phone: too large, a kind notices cannot carry, or one too many', () => {
    expect(attachmentProblem({ name: '合影.png', size: ATTACHMENT_MAX_BYTES }, 0)).toBe('');
    expect(attachmentProblem({ name: '合影.png', size: ATTACHMENT_MAX_BYTES + 1 }, 0)).toBe('「合影.png」有 10.1 MB，超过了 10 MB，请压缩或拆分后再添加');
    expect(attachmentProblem({ name: '合影.png', size: 12.5 * MB }, 0)).toBe('「合影.png」有 12.5 MB，超过了 10 MB，请压缩或拆分后再添加');
    expect(attachmentProblem({ name: '视频.mp4', size: MB }, 0)).toBe('附件只能是图片（jpg、png）、PDF、Excel 或 Word 文件');
    expect(attachmentProblem({ name: '须知.pdf', size: MB }, 9)).toBe('附件最多 9 个');
  });

  test('long names are shortened before their ending', () => {
    expect(attachmentName(' 须知.pdf ')).toBe('须知.pdf');
    const long = attachmentName(`${'很长的名字'.repeat(20)}.xlsx`);
    expect(long).toHaveLength(80);
    expect(long.endsWith('….xlsx')).toBe(true);
  });
});

describe('the form and the draft', () => {
  test('a new notice: for everyone, not pinned, now; the scheduled pickers start tomorrow 08:00', () => {
    const blank = blankNoticeForm(NOW);
    expect(blank).toMatchObject({ audience: 'all', pinned: false, timing: 'now', publishAt: { date: '2026-11-27', time: '08:00' }, attachments: [] });
  });

  test('the exact draft for each audience, trimmed', () => {
    const draftOf = (patch: Partial<NoticeForm>) => {
      const checked = noticeDraftOf(form({ title: '  关于开展教职工体检的通知 ', ...patch }), NOW);
      if (!checked.ok) throw new Error(checked.problem);
      return checked.draft;
    };
    expect(draftOf({})).toEqual({ title: '关于开展教职工体检的通知', body: '各位老师：体检定于12月5日。', attachments: [], audience: {}, everyone: true, pinned: false, publishAt: null });
    expect(draftOf({ audience: 'active' })).toMatchObject({ audience: { statuses: ['active'] }, everyone: false });
    expect(draftOf({ audience: 'retired' })).toMatchObject({ audience: { statuses: ['retired'] }, everyone: false });
    expect(draftOf({ audience: 'groups', groupIds: ['g1', 'g2'] })).toMatchObject({ audience: { groupIds: ['g1', 'g2'] }, everyone: false });
    expect(draftOf({ audience: 'delegates' })).toMatchObject({ audience: { delegatesOnly: true }, everyone: false });
    expect(draftOf({ audience: 'kept', keptAudience: { genders: ['female'], statuses: ['retired'] } })).toMatchObject({ audience: { genders: ['female'], statuses: ['retired'] } });
    // Groups once chosen are dropped when the notice is for everyone.
    expect(draftOf({ audience: 'all', groupIds: ['g1'] }).audience).toEqual({});
    expect(draftOf({ pinned: true, attachments: [{ fileID: 'cloud://env.bucket/notice-files/a.pdf', name: '须知.pdf', size: 2048 }] })).toMatchObject({
      pinned: true,
      attachments: [{ fileID: 'cloud://env.bucket/notice-files/a.pdf', name: '须知.pdf' }],
    });
    expect(draftOf({ timing: 'scheduled', publishAt: { date: '2026-12-01', time: '08:00' } }).publishAt).toBe(Date.UTC(2026, 11, 1, 0, 0));
  });

  test('the first problem, in plain words', () => {
    const problem = (patch: Partial<NoticeForm>) => {
      const checked = noticeDraftOf(form(patch), NOW);
      return checked.ok ? '' : checked.problem;
    };
    expect(problem({ title: ' ' })).toBe('请填写标题');
    expect(problem({ body: '' })).toBe('请填写正文');
    expect(problem({ title: '长'.repeat(61) })).toBe('标题最多 60 个字');
    expect(problem({ audience: 'groups', groupIds: [] })).toBe('请选择接收通知的工会小组');
    expect(problem({ timing: 'scheduled', publishAt: { date: '', time: '08:00' } })).toBe('请选择定时发布的日期和时间');
    expect(problem({ timing: 'scheduled', publishAt: { date: '2026-11-26', time: '09:00' } })).toBe('定时发布的时间已经过了，请选一个以后的时间，或者选「立即发布」');
    // A time already past does not matter when publishing now.
    expect(problem({ timing: 'now', publishAt: { date: '2020-01-01', time: '09:00' } })).toBe('');
  });

  test('a stored notice back into the form, and out again unchanged', () => {
    const at = Date.UTC(2026, 11, 1, 0, 30);
    const stored = notice({ audience: { groupIds: ['g2'] }, everyone: false, pinned: true, publishAt: at });
    const back = noticeFormOf(stored, NOW);
    expect(back).toMatchObject({ audience: 'groups', groupIds: ['g2'], pinned: true, timing: 'scheduled', publishAt: { date: '2026-12-01', time: '08:30' } });
    expect(back.attachments).toEqual([{ fileID: 'cloud://env.bucket/notice-files/a.pdf', name: '须知.pdf', size: 2048 }]);
    const again = noticeDraftOf(back, NOW);
    expect(again).toEqual({
      ok: true,
      draft: { title: stored.title, body: stored.body, attachments: [{ fileID: 'cloud://env.bucket/notice-files/a.pdf', name: '须知.pdf' }], audience: { groupIds: ['g2'] }, everyone: false, pinned: true, publishAt: at },
    });
    expect(noticeFormOf(notice(), NOW)).toMatchObject({ audience: 'all', timing: 'now', publishAt: { date: '2026-11-27', time: '08:00' } });
  });

  test('audiences the form cannot draw are kept as they are', () => {
    expect(audienceModeOf(true, { statuses: ['retired'] })).toBe('all');
    expect(audienceModeOf(false, { statuses: ['active'] })).toBe('active');
    expect(audienceModeOf(false, { delegatesOnly: true })).toBe('delegates');
    expect(audienceModeOf(false, { genders: ['female'] })).toBe('kept');
    expect(audienceModeOf(false, { statuses: ['retired'], groupIds: ['g1'] })).toBe('kept');
    expect(audienceModeOf(false, { statuses: ['active', 'retired'] })).toBe('kept');
    const kept = noticeFormOf(notice({ everyone: false, audience: { genders: ['female'] } }), NOW);
    expect(kept).toMatchObject({ audience: 'kept', keptAudience: { genders: ['female'] } });
  });
});

describe('readers', () => {
  test('the figures and the bar', () => {
    expect(readLine(37, 60)).toBe('已读 37 / 应读 60');
    expect(readRate(37, 60)).toBe('62%');
    expect(readRate(0, 0)).toBe('—');
    expect(readPercent(30, 60)).toBe(50);
    expect(readPercent(70, 60)).toBe(100);
    expect(readPercent(1, 0)).toBe(0);
  });

  test('unread people by group, in the order listed; no group reads 未分组', () => {
    const groups = groupUnread([
      { memberId: 'a', name: '钱老师', groupName: '语文组', bound: true },
      { memberId: 'b', name: '周老师', groupName: '数学组', bound: true },
      { memberId: 'c', name: '孙老师', groupName: '语文组', bound: false },
      { memberId: 'd', name: '吴老师', groupName: '', bound: true },
    ]);
    expect(groups.map((g) => [g.groupName, g.people.map((p) => p.name)])).toEqual([
      ['语文组', ['钱老师', '孙老师']],
      ['数学组', ['周老师']],
      ['未分组', ['吴老师']],
    ]);
  });

  test('the question, and what a reminder achieved', () => {
    expect(remindQuestion(23)).toBe('给 23 位未读的人发提醒？每天最多提醒一次');
    expect(remindResultText({ reminded: 0, wechat: 0, inAppOnly: 0 })).toBe('今天已经提醒过了');
    expect(remindResultText({ reminded: 23, wechat: 15, inAppOnly: 8 })).toBe('微信送达 15 人，其余 8 人可在「消息」里看到');
    expect(remindResultText({ reminded: 5, wechat: 5, inAppOnly: 0 })).toBe('微信送达 5 人');
    expect(remindersText({ wechat: 0, inAppOnly: 0 })).toBe('还没有发过提醒');
    expect(remindersText({ wechat: 40, inAppOnly: 20 })).toBe('已发出提醒（含发布时的通知）：微信送达 40 条，只在「消息」里 20 条');
  });
});
