import * as v from 'valibot';
import { AudienceSchema } from './activity';
import { FileId, Id, Instant, Text } from './fields';

/** The largest attachment a notice may carry, checked on the file actually stored. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_KINDS = ['image', 'pdf', 'excel', 'word'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
/** File name endings accepted, by kind. */
export const ATTACHMENT_EXTENSIONS: Record<AttachmentKind, string[]> = {
  image: ['jpg', 'jpeg', 'png'],
  pdf: ['pdf'],
  excel: ['xlsx', 'xls'],
  word: ['docx', 'doc'],
};

export const AttachmentSchema = v.strictObject({
  fileID: FileId,
  name: v.pipe(Text('附件名', 80, 1), v.regex(/\.(jpe?g|png|pdf|xlsx?|docx?)$/i, '附件只能是图片、PDF、Excel 或 Word 文件')),
});
export type Attachment = v.InferOutput<typeof AttachmentSchema> & { size: number; kind: AttachmentKind };

/** What the chair or a committee member writes. */
export const NoticeDraftSchema = v.pipe(
  v.strictObject({
    title: Text('标题', 60, 2),
    body: Text('正文', 5000, 2),
    attachments: v.pipe(v.array(AttachmentSchema), v.maxLength(9, '附件最多 9 个')),
    /** Who it is for; at least one condition or `everyone`. */
    audience: AudienceSchema,
    everyone: v.boolean('请选择通知对象'),
    pinned: v.boolean('请选择是否置顶'),
    /** null: publish now. */
    publishAt: v.nullable(Instant),
  }),
  v.check((d) => d.everyone || Boolean(d.audience.statuses?.length || d.audience.groupIds?.length || d.audience.delegatesOnly || d.audience.genders?.length), '请选择通知对象'),
  v.transform((d) => (d.everyone ? { ...d, audience: {} } : d)),
);
export type NoticeDraft = v.InferOutput<typeof NoticeDraftSchema>;

/**
 * Stored in `notices`. Visible to its audience once `status` is 'published' and `publishAt` has
 * come; `announced` records that the "published" reminder went out (once).
 */
export type Notice = Omit<NoticeDraft, 'attachments'> & {
  _id: string;
  attachments: Attachment[];
  status: 'draft' | 'held' | 'published';
  publishAt: number | null;
  /** When it became (or becomes) visible: publishAt, or the moment it was published. */
  visibleAt?: number;
  announced?: boolean;
  /** Why the chair sent it back after a failed content check. */
  refusedReason?: string;
  authorId: string;
  authorName: string;
  createdAt: number;
  updatedAt: number;
};

export interface NoticeSummary {
  _id: string;
  title: string;
  excerpt: string;
  pinned: boolean;
  visibleAt: number;
  authorName: string;
  attachmentCount: number;
  read: boolean;
  status: Notice['status'];
  /** Scheduled for later (authors only see these). */
  scheduled: boolean;
}

export interface NoticeDetail {
  notice: Notice;
  /** Temporary download URLs by file id. */
  attachmentUrls: Record<string, string>;
  read: boolean;
  canManage: boolean;
}

export interface NoticeReaders {
  notice: Pick<Notice, '_id' | 'title' | 'status' | 'visibleAt'>;
  /** Everyone in the audience (for a group leader: their group's part of it). */
  audienceSize: number;
  readCount: number;
  unread: Array<{ memberId: string; name: string; groupName: string; bound: boolean }>;
  scope: 'all' | 'group';
  /** Reminders about this notice so far: by WeChat and in the app only. */
  reminders: { wechat: number; inAppOnly: number };
}

export const NoticeIdInput = v.strictObject({ noticeId: Id });
export const NoticeWriteInput = v.strictObject({ draft: NoticeDraftSchema });
export const NoticeUpdateInput = v.strictObject({ noticeId: Id, draft: NoticeDraftSchema });
export const NoticeListInput = v.strictObject({ scope: v.optional(v.picklist(['mine', 'all'], '范围不正确')) });
