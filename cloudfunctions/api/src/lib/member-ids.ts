import { randomBytes } from 'node:crypto';
import { decodeMemberId, encodeMemberId, MEMBER_ID_KEY_DOC } from '../domain/member-ids';
import { collection } from './collections';
import { isDuplicateKey } from './duplicate-key';
import { _ } from './cloud';


let loading: Promise<Buffer> | undefined;

const readKey = async (): Promise<string | undefined> => ((await collection('settings').doc(MEMBER_ID_KEY_DOC).get()).data as { key?: string } | null)?.key;

async function loadKey(): Promise<Buffer> {
  const settings = collection('settings');
  const read = readKey;
  let key = await read();
  if (!key) {
    try {
      await settings.add({ data: { _id: MEMBER_ID_KEY_DOC, key: randomBytes(32).toString('hex') } });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // a parallel first call made it
    }
    key = await read();
  }
  if (!key) throw new Error('member id key missing');
  return Buffer.from(key, 'hex');
}

/** The key, read once per function instance (it never changes). */
function memberIdKey(): Promise<Buffer> {
  loading ??= loadKey().catch((error) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

export interface MemberIdCodec {
  toPublic(staffNo: string): string;
  fromPublic(id: string): string | null;
}

export async function memberIdCodec(): Promise<MemberIdCodec> {
  const key = await memberIdKey();
  return { toPublic: (staffNo) => encodeMemberId(key, staffNo), fromPublic: (id) => decodeMemberId(key, id) };
}

/** For reading input only: decodes with the key if there is one yet, never writes (no key: nothing to decode). */
export async function existingMemberIdDecoder(): Promise<(id: string) => string | null> {
  if (!loading && !(await readKey())) return () => null;
  const { fromPublic } = await memberIdCodec();
  return fromPublic;
}

const STAFF_NO_SHAPE = /^[A-Za-z0-9_-]{1,32}$/;
const CHUNK = 1000;

/** Which of these strings are 工号 on the roster: one request per 1000 distinct strings shaped like a 工号, none if none is. */
export async function staffNosAmong(texts: Iterable<string>): Promise<Set<string>> {
  const candidates = [...new Set(texts)].filter((text) => STAFF_NO_SHAPE.test(text));
  const found = new Set<string>();
  for (let i = 0; i < candidates.length; i += CHUNK) {
    const { data } = await collection('members').where({ _id: _.in(candidates.slice(i, i + CHUNK)) }).field({ _id: true }).limit(CHUNK).get();
    for (const row of data as Array<{ _id: string }>) found.add(row._id);
  }
  return found;
}
