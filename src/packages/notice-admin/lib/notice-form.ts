/**
 * The notice form as it is typed, and its conversion to the NoticeDraft the cloud takes (and back).
 * The publish time is Asia/Shanghai wall time ('2026-12-01' + '08:00'), whatever the phone's zone.
 * Pure: no Taro, no cloud; the page and the unit tests share it.
 */
import * as v from 'valibot';
import type { Audience } from '../../../../types/activity';
import { ATTACHMENT_MAX_BYTES, NoticeDraftSchema, type Notice, type NoticeDraft } from '../../../../types/notice';
import { shanghaiDateText, shanghaiTimeText, shanghaiWallTime } from '../../../lib/time';
import { attachmentKindOf, extensionOf } from '../../notice/lib/notice-view';
import type { WallTime } from '../../organiser/lib/draft-form';

export type { WallTime };

/** How many files one notice may carry (the schema's limit). */
export const ATTACHMENT_MAX_COUNT = 9;
const MB = 1024 * 1024;
/** The schema's limit on an attachment's name. */
const NAME_MAX = 80;

/**
 * Who the notice is for, as the form offers it. `kept`: an audience this form cannot draw (several
 * conditions at once, or by gender); it is sent back unchanged unless the author picks another.
 */
export type AudienceMode = 'all' | 'active' | 'retired' | 'groups' | 'delegates' | 'kept';
export const AUDIENCE_NAMES: Record<Exclude<AudienceMode, 'kept'>, string> = {
  all: '全体会员',
  active: '在职会员',
  retired: '退休会员',
  groups: '指定工会小组',
  delegates: '教代会代表',
};

/** An attachment in the form: uploaded already; its size when known (the cloud checks it again). */
export interface FormAttachment {
  fileID: string;
  name: string;
  size: number;
}

export interface NoticeForm {
  title: string;
  body: string;
  attachments: FormAttachment[];
  audience: AudienceMode;
  groupIds: string[];
  /** The audience as loaded, when it is `kept`. */
  keptAudience: Audience | null;
  pinned: boolean;
  /** 立即发布 or 定时发布 at `publishAt`. */
  timing: 'now' | 'scheduled';
  publishAt: WallTime;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const wall = (ms: number): WallTime => ({ date: shanghaiDateText(ms), time: shanghaiTimeText(ms) });

/** Tomorrow 08:00 in Shanghai: where the 定时发布 pickers start. */
const tomorrowMorning = (now: number): WallTime => ({ date: shanghaiDateText(now + DAY_MS), time: '08:00' });

/** A new notice: for everyone, not pinned, published as soon as it is published. */
export const blankNoticeForm = (now: number = Date.now()): NoticeForm => ({
  title: '',
  body: '',
  attachments: [],
  audience: 'all',
  groupIds: [],
  keptAudience: null,
  pinned: false,
  timing: 'now',
  publishAt: tomorrowMorning(now),
});

/** The audience as the form's choice, or `kept` when it is more than one condition or by gender. */
export function audienceModeOf(everyone: boolean, audience: Audience): AudienceMode {
  if (everyone) return 'all';
  const statuses = audience.statuses ?? [];
  const groups = audience.groupIds ?? [];
  const genders = audience.genders ?? [];
  const conditions = [statuses.length > 0, groups.length > 0, audience.delegatesOnly === true, genders.length > 0].filter(Boolean).length;
  if (conditions !== 1 || genders.length > 0 || statuses.length > 1) return conditions === 0 ? 'all' : 'kept';
  if (audience.delegatesOnly) return 'delegates';
  if (groups.length) return 'groups';
  return statuses[0] === 'active' ? 'active' : 'retired';
}

/** The form for a stored notice, as `notice.get` answered it. */
export function noticeFormOf(notice: Notice, now: number = Date.now()): NoticeForm {
  const mode = audienceModeOf(notice.everyone, notice.audience);
  return {
    title: notice.title,
    body: notice.body,
    attachments: notice.attachments.map((a) => ({ fileID: a.fileID, name: a.name, size: a.size })),
    audience: mode,
    groupIds: notice.audience.groupIds ?? [],
    keptAudience: mode === 'kept' ? notice.audience : null,
    pinned: notice.pinned,
    timing: notice.publishAt === null ? 'now' : 'scheduled',
    publishAt: notice.publishAt === null ? tomorrowMorning(now) : wall(notice.publishAt),
  };
}

function audienceOf(form: NoticeForm): Audience {
  switch (form.audience) {
    case 'active':
      return { statuses: ['active'] };
    case 'retired':
      return { statuses: ['retired'] };
    case 'groups':
      return { groupIds: form.groupIds };
    case 'delegates':
      return { delegatesOnly: true };
    case 'kept':
      return form.keptAudience ?? {};
    default:
      return {};
  }
}

export type DraftCheck = { ok: true; draft: NoticeDraft } | { ok: false; problem: string };

/**
 * The draft to send, checked on the phone with the schema the cloud uses; or the first problem in
 * the schema's own words. A scheduled time must still be to come.
 */
export function noticeDraftOf(form: NoticeForm, now: number = Date.now()): DraftCheck {
  if (form.audience === 'groups' && form.groupIds.length === 0) return { ok: false, problem: '请选择接收通知的工会小组' };
  let publishAt: number | null = null;
  if (form.timing === 'scheduled') {
    publishAt = shanghaiWallTime(form.publishAt.date, form.publishAt.time);
    if (Number.isNaN(publishAt)) return { ok: false, problem: '请选择定时发布的日期和时间' };
    if (publishAt <= now) return { ok: false, problem: '定时发布的时间已经过了，请选一个以后的时间，或者选「立即发布」' };
  }
  const result = v.safeParse(NoticeDraftSchema, {
    title: form.title,
    body: form.body,
    attachments: form.attachments.map((a) => ({ fileID: a.fileID, name: a.name })),
    audience: audienceOf(form),
    everyone: form.audience === 'all',
    pinned: form.pinned,
    publishAt,
  });
  if (result.success) return { ok: true, draft: result.output };
  return { ok: false, problem: result.issues[0].message };
}

/**
 * Why a picked file cannot be attached, or '' when it can: checked on the phone before uploading,
 * so nobody waits for 30 MB to travel only to be refused.
 */
export function attachmentProblem(file: { name: string; size: number }, attachedCount: number): string {
  if (attachedCount >= ATTACHMENT_MAX_COUNT) return `附件最多 ${ATTACHMENT_MAX_COUNT} 个`;
  if (!attachmentKindOf(file.name)) return '附件只能是图片（jpg、png）、PDF、Excel 或 Word 文件';
  // Rounded up, so a file just over the limit never reads as 「10 MB，超过了 10 MB」.
  if (file.size > ATTACHMENT_MAX_BYTES) return `「${file.name}」有 ${(Math.ceil((file.size / MB) * 10) / 10).toFixed(1)} MB，超过了 10 MB，请压缩或拆分后再添加`;
  return '';
}

/** The name to keep for a picked file: its own, shortened before the ending if longer than allowed. */
export function attachmentName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length <= NAME_MAX) return trimmed;
  const ext = extensionOf(trimmed);
  return `${trimmed.slice(0, NAME_MAX - ext.length - 2)}….${ext}`;
}

