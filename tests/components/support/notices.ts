import type { Attachment, Notice, NoticeDetail, NoticeReaders, NoticeSummary } from '../../../types/notice';
import type { Me } from '../../../types/member';
import { aMember } from './members';

const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

/** 2026-11-20 09:30 in Shanghai: when the usual notice came out (in the past for every test run). */
export const PUBLISHED_AT = Date.UTC(2026, 10, 20, 1, 30);
/** A moment still to come whenever the tests run: for scheduled notices. */
export const inDays = (days: number): number => Date.now() + days * DAY;

export const IMAGE: Attachment = { fileID: 'cloud://env.bucket/notice-files/poster.jpg', name: '体检安排.jpg', size: 420 * 1024, kind: 'image' };
export const PDF: Attachment = { fileID: 'cloud://env.bucket/notice-files/rules.pdf', name: '体检须知.pdf', size: Math.round(1.5 * 1024 * 1024), kind: 'pdf' };
export const EXCEL: Attachment = { fileID: 'cloud://env.bucket/notice-files/list.xlsx', name: '体检分组名单.xlsx', size: 36 * 1024, kind: 'excel' };

/** The temporary download URL `notice.get` hands out for a file. */
export const urlOf = (a: Attachment): string => `https://tmp.example/${a.fileID.split('/').pop()}`;

/** A notice as the list shows it; override what a test cares about. */
export const aNoticeSummary = (overrides: Partial<NoticeSummary> = {}): NoticeSummary => ({
  _id: 'n1',
  title: '关于开展2026年教职工体检的通知',
  excerpt: '各位老师：今年的体检定于12月5日在市人民医院进行，请按分组名单准时参加。',
  pinned: false,
  visibleAt: PUBLISHED_AT,
  authorName: '李主席',
  attachmentCount: 0,
  read: true,
  status: 'published',
  scheduled: false,
  ...overrides,
});

/** A stored notice, published and visible; override what a test cares about. */
export const aNotice = (overrides: Partial<Notice> = {}): Notice => ({
  _id: 'n1',
  title: '关于开展2026年教职工体检的通知',
  body: '各位老师：\n今年的体检定于12月5日在市人民医院进行。\n请按分组名单准时参加，空腹。',
  attachments: [IMAGE, PDF, EXCEL],
  audience: {},
  everyone: true,
  pinned: true,
  publishAt: null,
  status: 'published',
  visibleAt: PUBLISHED_AT,
  announced: true,
  authorId: 'T900',
  authorName: '李主席',
  createdAt: PUBLISHED_AT - DAY,
  updatedAt: PUBLISHED_AT,
  ...overrides,
});

/** `notice.get`: read by a member (the default) or seen by an organiser. */
export const aNoticeDetail = (notice: Partial<Notice> = {}, overrides: Partial<NoticeDetail> = {}): NoticeDetail => {
  const full = aNotice(notice);
  return {
    notice: full,
    attachmentUrls: Object.fromEntries(full.attachments.map((a) => [a.fileID, urlOf(a)])),
    read: full.status === 'published' && (full.visibleAt ?? Infinity) <= Date.now(),
    canManage: false,
    ...overrides,
  };
};

/** A draft as its author sees it on the form page. */
export const aDraftNotice = (overrides: Partial<Notice> = {}): Notice =>
  aNotice({ status: 'draft', visibleAt: undefined, announced: undefined, pinned: false, attachments: [], updatedAt: PUBLISHED_AT - HOUR, ...overrides });

/** `notice.readers` for an organiser: 37 of 60 have read it. */
export const aReaders = (overrides: Partial<NoticeReaders> = {}): NoticeReaders => ({
  notice: { _id: 'n1', title: '关于开展2026年教职工体检的通知', status: 'published', visibleAt: PUBLISHED_AT },
  audienceSize: 60,
  readCount: 37,
  unread: [
    { memberId: 'T010', name: '钱老师', groupName: '语文组', bound: true },
    { memberId: 'T011', name: '孙老师', groupName: '语文组', bound: false },
    { memberId: 'T020', name: '周老师', groupName: '数学组', bound: true },
  ],
  scope: 'all',
  reminders: { wechat: 40, inAppOnly: 20 },
  ...overrides,
});

/** `me.get` for a bound member with these roles. */
export const meAs = (roles: Array<'chair' | 'committee' | 'groupLeader'>): Me => ({ bound: true, member: aMember({ roles }), groupMemberCount: 12 });
