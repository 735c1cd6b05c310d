import { randomBytes } from 'node:crypto';

/** 32 hex characters, the shape of real cloud request ids and document ids. */
export function hexId(bytes = 16): string {
  return randomBytes(bytes).toString('hex');
}

const OPENID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A fresh openid shaped like WeChat's: 28 characters starting with 'o'. */
export function randomOpenid(): string {
  const bytes = randomBytes(27);
  let id = 'o';
  for (const b of bytes) id += OPENID_ALPHABET[b % OPENID_ALPHABET.length];
  return id;
}

/** Openids end up in cookies, HTML and env vars: accept only the characters WeChat uses. */
export function isPlausibleOpenid(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value);
}
