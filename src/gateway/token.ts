/**
 * Owner tokens for anonymous suggestions: random bytes written with the 64 characters
 * [A-Za-z0-9_-] (types/suggestion.ts OwnerToken). Pure, shared by both transports.
 */

/** 43 characters of 6 random bits each: 258 bits, as long as a base64url-coded 32-byte key. */
export const TOKEN_LENGTH = 43;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * One character per byte, from its low 6 bits: 256 is a multiple of 64, so every character is
 * equally likely. Throws when there are too few bytes (a platform that gave less than asked).
 */
export function tokenFromBytes(bytes: ArrayLike<number>, length: number = TOKEN_LENGTH): string {
  if (bytes.length < length) throw new Error(`need ${length} random bytes, got ${bytes.length}`);
  let token = '';
  for (let i = 0; i < length; i += 1) token += ALPHABET[bytes[i] & 63];
  return token;
}
