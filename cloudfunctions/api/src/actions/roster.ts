import type { Group, Member } from '../../../../types/member';
import { toMemberView } from '../domain/member-view';
import { MAX_ROSTER_ROWS, readRosterFile } from '../domain/roster-file';
import { checkRoster, mergeRosterRecord, type CheckedRoster } from '../domain/roster-rows';
import type { Caller } from '../lib/caller';
import { collection } from '../lib/collections';
import { DomainError } from '../lib/domain-error';
import type { Handler } from '../lib/dispatch';
import { listMembers } from '../lib/members-repo';
import { removeQuietly } from '../lib/storage';
import { runInTransaction } from '../lib/transaction';
import { readOwnUpload } from '../lib/uploads';

const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Reads and checks the roster the chair uploaded; nothing is written. */
async function checkUploadedRoster(fileID: string, caller: Caller): Promise<CheckedRoster> {
  const content = await readOwnUpload(fileID, caller.openid, 'roster');
  if (content.length > MAX_FILE_BYTES) throw new DomainError('IMPORT_TOO_LARGE');
  const sheet = await readRosterFile(content, fileID.split('/').pop() ?? '');
  if (!sheet || sheet.length === 0) throw new DomainError('IMPORT_FILE_UNREADABLE');
  if (sheet.length - 1 > MAX_ROSTER_ROWS) throw new DomainError('IMPORT_TOO_LARGE');
  const [{ data: groups }, existing] = await Promise.all([collection('groups').limit(1000).get(), listMembers()]);
  const existingIds = new Set(existing.map((member) => member._id));
  return checkRoster(sheet, groups as Group[], existingIds);
}

export const previewRoster: Handler<'roster.preview'> = async ({ fileID }, caller) => (await checkUploadedRoster(fileID, caller)).preview;

/** Rows read and written at a time inside the import's transaction (each is one request). */
const IN_FLIGHT = 10;

/**
 * Writes every valid row of the roster, in one transaction: all of them or none.
 * Rows are matched to records by 工号; records missing from the file are kept. Each record is read
 * by id inside the transaction (a transaction allows no query), so a binding or role given while
 * the import runs is either seen and kept, or makes the write conflict and the import run again.
 */
export const commitRoster: Handler<'roster.commit'> = async ({ fileID }, caller) => {
  const { valid } = await checkUploadedRoster(fileID, caller);
  if (valid.length === 0) throw new DomainError('IMPORT_NO_VALID_ROWS');
  const now = Date.now();
  const counts = await runInTransaction(async (t) => {
    const members = t.collection('members');
    let created = 0;
    for (let i = 0; i < valid.length; i += IN_FLIGHT) {
      await Promise.all(
        valid.slice(i, i + IN_FLIGHT).map(async (row) => {
          const before = (await members.doc(row.staffNo).get()).data as Member | null;
          const { _id, ...data } = mergeRosterRecord(row, before ?? undefined, now);
          await members.doc(_id).set({ data });
          if (!before) created++;
        }),
      );
    }
    return { created, updated: valid.length - created };
  });
  // Imported: the file (names, 工号, phone numbers) is not kept.
  await removeQuietly([fileID]);
  return counts;
};

const byPinyin = new Intl.Collator('zh-CN');

/** The roster by group (in 拼音 order) and 工号, and whether the viewer may edit it (the chair): one call per screen. */
export const listRoster: Handler<'roster.list'> = async (_input, caller) => ({
  members: (await listMembers())
    .sort((a, b) => byPinyin.compare(a.groupName, b.groupName) || a.staffNo.localeCompare(b.staffNo))
    .map(toMemberView),
  canEdit: Boolean(caller.member?.roles.includes('chair')),
});
