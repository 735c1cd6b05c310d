import { BIND_CODE_TRIES, BIND_CODE_TTL_MS, codeMatches, hashBindCode, nameKey, newBindCode, newSalt } from '../domain/bind-codes';
import { _ } from './cloud';
import { collection } from './collections';

/**
 * Stored in `bindCodes`, one per member (`_id` = the member's 工号): a new code replaces the old.
 * Only the salted scrypt hash is kept; the code itself is shown once, to the person who issued it.
 */
export interface StoredBindCode {
  _id: string;
  nameKey: string;
  salt: string;
  hash: string;
  expiresAt: number;
  /** Wrong tries so far; the code is dead at BIND_CODE_TRIES. */
  tries: number;
  issuedBy: string;
  issuedAt: number;
}

/** Issues a new code for this member, replacing any earlier one. Returns the code, once. */
export async function issueBindCode(member: { _id: string; name: string }, issuedBy: string, now: number): Promise<{ code: string; expiresAt: number }> {
  const code = newBindCode();
  const salt = newSalt();
  const record: Omit<StoredBindCode, '_id'> = {
    nameKey: nameKey(member.name),
    salt,
    hash: await hashBindCode(code, salt),
    expiresAt: now + BIND_CODE_TTL_MS,
    tries: 0,
    issuedBy,
    issuedAt: now,
  };
  await collection('bindCodes').doc(member._id).set({ data: record });
  return { code, expiresAt: record.expiresAt };
}

/** Codes issued for people of this name (normally one), live or not. */
export async function codesForName(name: string): Promise<StoredBindCode[]> {
  const { data } = await collection('bindCodes').where({ nameKey: nameKey(name) }).limit(20).get();
  return data as StoredBindCode[];
}

/**
 * Spends one try of every live code of this name before comparing, each by a conditional update,
 * so however many guesses arrive at once, no code is ever compared more than BIND_CODE_TRIES times.
 * Returns the codes that had a try left.
 */
export async function spendTries(candidates: readonly StoredBindCode[], now: number): Promise<StoredBindCode[]> {
  const spent = await Promise.all(
    candidates.map(async (candidate) => {
      const { stats } = await collection('bindCodes')
        .where({ _id: candidate._id, hash: candidate.hash, tries: _.lt(BIND_CODE_TRIES), expiresAt: _.gt(now) })
        .update({ data: { tries: _.inc(1) } });
      return stats.updated === 1 ? candidate : null;
    }),
  );
  return spent.filter((candidate): candidate is StoredBindCode => candidate !== null);
}

/** The code among these that the typed code opens, if any. */
export async function findMatchingCode(candidates: readonly StoredBindCode[], typed: string): Promise<StoredBindCode | null> {
  for (const candidate of candidates) if (await codeMatches(typed, candidate.salt, candidate.hash)) return candidate;
  return null;
}
