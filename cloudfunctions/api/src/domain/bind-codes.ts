import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';

/** A binding code lives 7 days and survives 5 wrong tries. */
export const BIND_CODE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const BIND_CODE_TRIES = 5;

/** Six digits, every value equally likely. */
export const newBindCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

export const newSalt = (): string => randomBytes(16).toString('hex');

/**
 * The stored form of a code. scrypt, so that someone holding a copy of the database still pays
 * about a CPU-day to try all million codes of one record; the code itself is never stored.
 */
export function hashBindCode(code: string, salt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    scrypt(code, salt, 32, { N: 1 << 14, r: 8, p: 1 }, (error, key) => (error ? reject(error) : resolve(key.toString('hex'))));
  });
}

export async function codeMatches(code: string, salt: string, hash: string): Promise<boolean> {
  const given = Buffer.from(await hashBindCode(code, salt), 'hex');
  const stored = Buffer.from(hash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** Names compare without spaces (people type "张 三"), so codes are found by this key. */
export const nameKey = (name: string): string => name.replace(/\s+/g, '');
