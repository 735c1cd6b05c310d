import { createCipheriv, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The id a member goes by in answers to plain members: opaque (it reveals no 工号), stable (the
 * same member always has the same one, so pages can compare and send it back), and reversible only
 * by the function. A deterministic authenticated encryption of the 工号 (SIV-like: the tag is an
 * HMAC of the padded 工号 and is also the CTR nonce), 59 characters of [A-Za-z0-9_-].
 */
/** The `settings` document holding the key (random, made once per environment). */
export const MEMBER_ID_KEY_DOC = 'memberIds';

const PAD = 32; // StaffNo is at most 32 ASCII characters
const TAG = 12;
export const PUBLIC_ID_LENGTH = Math.ceil(((TAG + PAD) * 4) / 3);
const PUBLIC_ID = new RegExp(`^[A-Za-z0-9_-]{${PUBLIC_ID_LENGTH}}$`);

const subKey = (key: Buffer, purpose: string) => createHmac('sha256', key).update(purpose).digest();

function ctr(key: Buffer, tag: Buffer, data: Buffer): Buffer {
  const iv = Buffer.concat([tag, Buffer.alloc(16 - TAG)]);
  const cipher = createCipheriv('aes-256-ctr', subKey(key, 'enc'), iv);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

const tagOf = (key: Buffer, padded: Buffer) => createHmac('sha256', subKey(key, 'mac')).update(padded).digest().subarray(0, TAG);

export function encodeMemberId(key: Buffer, staffNo: string): string {
  const padded = Buffer.alloc(PAD);
  padded.write(staffNo, 'utf8');
  const tag = tagOf(key, padded);
  return Buffer.concat([tag, ctr(key, tag, padded)]).toString('base64url');
}

/** The 工号 behind a public id, or null for anything this key did not make. */
export function decodeMemberId(key: Buffer, id: string): string | null {
  if (!PUBLIC_ID.test(id)) return null;
  const bytes = Buffer.from(id, 'base64url');
  if (bytes.length !== TAG + PAD) return null;
  const tag = bytes.subarray(0, TAG);
  const padded = ctr(key, tag, bytes.subarray(TAG));
  if (!timingSafeEqual(tag, tagOf(key, padded))) return null;
  const end = padded.indexOf(0);
  return padded.subarray(0, end < 0 ? PAD : end).toString('utf8');
}
