/**
 * How notices read to a person: where one stands (草稿 / 待审核 / 定时发布), the list's order and
 * times, attachments' kinds and sizes. Pure functions, no Taro: the member pages, the authors'
 * subpackage and the unit tests share them.
 */
import { ATTACHMENT_EXTENSIONS, type AttachmentKind, type Notice, type NoticeSummary } from '../../../../types/notice';
import { formatDateTime } from '../../../lib/time';

/** Where a notice stands for its authors. Members only ever see published ones. */
export type NoticeState = 'draft' | 'held' | 'scheduled' | 'published';

export const NOTICE_STATE_LABELS: Record<NoticeState, string> = { draft: '草稿', held: '待审核', scheduled: '定时发布', published: '已发布' };

/** Said when the content check could not run: the chair reviews it and publishes it. */
export const HELD_TEXT = '内容安全检查暂不可用，通知已交给工会主席审核后发布';

/** A list entry's state, as the cloud derived it (`scheduled`). */
export const summaryState = (notice: Pick<NoticeSummary, 'status' | 'scheduled'>): NoticeState =>
  notice.status === 'published' ? (notice.scheduled ? 'scheduled' : 'published') : notice.status;

/** A stored notice's state at `now`: published but not yet visible is scheduled. */
export const noticeState = (notice: Pick<Notice, 'status' | 'visibleAt'>, now: number = Date.now()): NoticeState =>
  notice.status === 'published' ? ((notice.visibleAt ?? 0) > now ? 'scheduled' : 'published') : notice.status;

/** What publishing achieved, for the toast and the line under the buttons. */
export function publishOutcome(notice: Pick<Notice, 'status' | 'visibleAt'>, now: number = Date.now()): { toast: string; text: string; tone: 'success' | 'info' } {
  const state = noticeState(notice, now);
  if (state === 'held') return { toast: '已交主席审核', text: `${HELD_TEXT}。`, tone: 'info' };
  if (state === 'scheduled') return { toast: '已定时发布', text: `已定时发布：${formatDateTime(notice.visibleAt ?? now)} 起通知对象才能看到，并收到提醒。`, tone: 'success' };
  return { toast: '已发布', text: '已发布，通知对象会收到提醒。', tone: 'success' };
}

/** Only what people may already have read is fixed; the rest can still be edited. */
export const isEditable = (state: NoticeState): boolean => state !== 'published';

/** Pinned first, then newest, as the cloud orders them. */
const pinnedFirst = (a: NoticeSummary, b: NoticeSummary) => Number(b.pinned) - Number(a.pinned) || b.visibleAt - a.visibleAt || a._id.localeCompare(b._id);

/**
 * The list split for showing: not yet published ones (drafts, held, scheduled; authors only) as the
 * cloud listed them, then the published ones, pinned first and newest first.
 */
export function splitNotices(notices: readonly NoticeSummary[]): { pending: NoticeSummary[]; published: NoticeSummary[] } {
  const pending = notices.filter((n) => summaryState(n) !== 'published');
  const published = notices.filter((n) => summaryState(n) === 'published').sort(pinnedFirst);
  return { pending, published };
}

/** The time a list entry shows: when it came out, when it will, or when it was last changed. */
export function noticeTimeText(notice: Pick<NoticeSummary, 'status' | 'scheduled' | 'visibleAt'>): string {
  const state = summaryState(notice);
  if (state === 'scheduled') return `${formatDateTime(notice.visibleAt)} 发布`;
  if (state === 'published') return formatDateTime(notice.visibleAt);
  return `${formatDateTime(notice.visibleAt)} 修改`;
}

/** 附件 2, or '' without attachments. */
export const attachmentCountText = (count: number): string => (count > 0 ? `附件 ${count}` : '');

/** Every file ending a notice may carry, images first: jpg, jpeg, png, pdf, xlsx, xls, docx, doc. */
export const NOTICE_FILE_EXTENSIONS: string[] = (Object.keys(ATTACHMENT_EXTENSIONS) as AttachmentKind[]).flatMap((kind) => ATTACHMENT_EXTENSIONS[kind]);

export const ATTACHMENT_KIND_LABELS: Record<AttachmentKind, string> = { image: '图片', pdf: 'PDF', excel: 'Excel', word: 'Word' };

/** The file's ending, lower case, or '' without one. */
export const extensionOf = (name: string): string => /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/** What kind of attachment a file name is, or null when notices cannot carry it. */
export function attachmentKindOf(name: string): AttachmentKind | null {
  const ext = extensionOf(name);
  return (Object.keys(ATTACHMENT_EXTENSIONS) as AttachmentKind[]).find((kind) => ATTACHMENT_EXTENSIONS[kind].includes(ext)) ?? null;
}

/** 856 KB, 1.2 MB, 10 MB. */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = Math.round((bytes / (1024 * 1024)) * 10) / 10;
  return `${Number.isInteger(mb) ? mb.toFixed(0) : mb.toFixed(1)} MB`;
}
