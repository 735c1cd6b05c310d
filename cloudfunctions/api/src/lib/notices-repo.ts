import type { Attachment, AttachmentKind, Notice, NoticeDraft } from '../../../../types/notice';
import { ATTACHMENT_EXTENSIONS, ATTACHMENT_MAX_BYTES } from '../../../../types/notice';
import type { Member } from '../../../../types/member';
import { inAudience } from '../domain/activity-rules';
import { _ } from './cloud';
import { collection } from './collections';
import { DomainError } from './domain-error';
import type { Adoption } from './uploads';
import { PAGE, readPages } from './read-pages';
import { isDuplicateKey } from './duplicate-key';

export async function getNotice(noticeId: string): Promise<Notice | null> {
  const { data } = await collection('notices').doc(noticeId).get();
  return (data as Notice | null) ?? null;
}

export async function mustGetNotice(noticeId: string): Promise<Notice> {
  const notice = await getNotice(noticeId);
  if (!notice) throw new DomainError('NOT_FOUND');
  return notice;
}

/** Published and its time come: people may be reading it (not a draft, held or scheduled one). */
export const isOut = (notice: Pick<Notice, 'status' | 'visibleAt'>, now: number): boolean => notice.status === 'published' && (notice.visibleAt ?? Infinity) <= now;

/** Out, and meant for this member. */
export const visibleTo = (notice: Notice, member: Member, now: number): boolean => isOut(notice, now) && inAudience(notice.audience, member);

const kindOf = (name: string): AttachmentKind | null => {
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  return (Object.keys(ATTACHMENT_EXTENSIONS) as AttachmentKind[]).find((kind) => ATTACHMENT_EXTENSIONS[kind].includes(ext)) ?? null;
};

/**
 * Attachments as stored. Ones already on the notice are kept (a form saved again may still name
 * the upload a copy was made from); every other one must be the caller's own upload, which is
 * copied for the notice. The size is that of the file actually stored, never what the client claims.
 */
export async function checkedAttachments(draft: NoticeDraft, adoption: Adoption, before: Attachment[] = []): Promise<Attachment[]> {
  const known = new Map(before.map((a) => [a.fileID, a]));
  return Promise.all(
    draft.attachments.map(async ({ fileID, name }) => {
      const kind = kindOf(name);
      if (!kind || kindOf(fileID) !== kind) throw new DomainError('INVALID_INPUT', undefined, [{ path: 'draft.attachments', message: '附件只能是图片、PDF、Excel 或 Word 文件' }]);
      const already = known.get(fileID) ?? known.get(adoption.copyIdOf(fileID) ?? '');
      if (already) return { ...already, name };
      let size = 0;
      const missing = new DomainError('ATTACHMENT_MISSING', undefined, [{ path: 'draft.attachments', message: `「${name}」没有上传成功，请重新上传` }]);
      const stored = await adoption.adopt(
        fileID,
        (bytes) => {
          size = bytes.length;
          if (size > ATTACHMENT_MAX_BYTES) throw new DomainError('ATTACHMENT_TOO_LARGE', undefined, [{ path: 'draft.attachments', message: `「${name}」有 ${(size / 1048576).toFixed(1)} MB，超过了 10 MB` }]);
        },
        missing,
      );
      return { fileID: stored, name, size, kind };
    }),
  );
}

/** Which of these notices this member has read: one request. */
export async function readNoticeIds(memberId: string, noticeIds: string[]): Promise<Set<string>> {
  if (noticeIds.length === 0) return new Set();
  const { data } = await collection('noticeReads').where({ memberId, noticeId: _.in(noticeIds) }).field({ noticeId: true }).limit(PAGE).get();
  return new Set((data as Array<{ noticeId: string }>).map((r) => r.noticeId));
}

/** Everyone who has read a notice, by 工号: one request per 1000 readers. */
export async function readersOf(noticeId: string): Promise<Set<string>> {
  const reads = await readPages<{ memberId: string }>(() => collection('noticeReads').where({ noticeId }).field({ memberId: true }).orderBy('_id', 'asc'));
  return new Set(reads.map((row) => row.memberId));
}

/** Marks read once: the read's id is (notice, member), so a second opening changes nothing. */
export async function markRead(notice: Notice, member: Member, now: number): Promise<void> {
  try {
    await collection('noticeReads').add({ data: { _id: `${notice._id}_${member._id}`, noticeId: notice._id, memberId: member._id, groupId: member.groupId, readAt: now } });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}
