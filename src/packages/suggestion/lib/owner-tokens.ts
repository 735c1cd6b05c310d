/**
 * The owner tokens this phone keeps for its anonymous suggestions (one token per suggestion).
 * Only this phone holds them: the record stores a hash, so losing them (a new phone, clearing
 * WeChat's storage) means the sender can no longer follow those suggestions. Nothing else names them.
 *
 * Kept under one storage key as a list, newest first, at most MAX_KEPT (what `suggestion.mine`
 * accepts). Pure functions over the list, and a small store over any key-value storage (Taro's
 * getStorageSync / setStorageSync on the phone, a fake in unit tests).
 */

export const OWNER_TOKENS_KEY = 'suggestion.ownerTokens';
/** The most tokens kept, and sent at once to `suggestion.mine`. */
export const MAX_KEPT = 200;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,64}$/;

/** One kept token; `id` is the suggestion it opens, once the cloud has answered with it. */
export interface KeptToken {
  token: string;
  id?: string;
}

export const isOwnerToken = (value: unknown): value is string => typeof value === 'string' && TOKEN_PATTERN.test(value);

/** What storage held, made safe: well-formed entries only, no repeated tokens, at most MAX_KEPT. */
export function parseKept(raw: unknown): KeptToken[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const kept: KeptToken[] = [];
  for (const item of raw) {
    if (typeof item !== 'object' || item === null) continue;
    const { token, id } = item as { token?: unknown; id?: unknown };
    if (!isOwnerToken(token) || seen.has(token)) continue;
    seen.add(token);
    kept.push(typeof id === 'string' && id !== '' ? { token, id } : { token });
    if (kept.length === MAX_KEPT) break;
  }
  return kept;
}

/** The list with this token first (moved there if it was kept already), the oldest dropped beyond MAX_KEPT. */
export function withToken(kept: readonly KeptToken[], entry: KeptToken): KeptToken[] {
  const previous = kept.find((k) => k.token === entry.token);
  const merged: KeptToken = entry.id ? entry : previous?.id ? { token: entry.token, id: previous.id } : { token: entry.token };
  return [merged, ...kept.filter((k) => k.token !== entry.token)].slice(0, MAX_KEPT);
}

/** Notes which suggestion a kept token opens; the list is unchanged when the token is not kept. */
export const withSuggestionId = (kept: readonly KeptToken[], token: string, id: string): KeptToken[] =>
  kept.map((k) => (k.token === token ? { token, id } : k));

export const withoutToken = (kept: readonly KeptToken[], token: string): KeptToken[] => kept.filter((k) => k.token !== token);

/** Every kept token, newest first, as `suggestion.mine` takes them. */
export const tokensOf = (kept: readonly KeptToken[]): string[] => kept.map((k) => k.token);

/** The token that opens this suggestion, if this phone sent it anonymously. */
export const tokenFor = (kept: readonly KeptToken[], suggestionId: string): string | undefined => kept.find((k) => k.id === suggestionId)?.token;

/** The slice of Taro's storage API the store uses. */
export interface KeyValueStorage {
  getStorageSync(key: string): unknown;
  setStorageSync(key: string, data: unknown): void;
}

export interface TokenStore {
  /** Every kept token (never throws: unreadable storage reads as none). */
  list(): KeptToken[];
  /** Keeps a new token before it is sent; false when storage refused it (full, or unavailable). */
  keep(token: string): boolean;
  /** Notes the suggestion a token opens, once the cloud has answered. */
  link(token: string, id: string): boolean;
  /** Forgets a token the cloud refused outright (nothing was stored with it). */
  forget(token: string): boolean;
}

/** One storage key, read through `parse` (unreadable storage reads as `parse(undefined)`); a write answers whether it held. */
export function storageSlot<T>(storage: KeyValueStorage, key: string, parse: (raw: unknown) => T) {
  return {
    read(): T {
      try {
        return parse(storage.getStorageSync(key));
      } catch {
        return parse(undefined);
      }
    },
    write(next: T): boolean {
      try {
        storage.setStorageSync(key, next);
        return true;
      } catch {
        return false;
      }
    },
  };
}

export function createTokenStore(storage: KeyValueStorage, key: string = OWNER_TOKENS_KEY): TokenStore {
  const slot = storageSlot(storage, key, parseKept);
  const list = slot.read;
  const save = slot.write;
  return {
    list,
    keep: (token) => isOwnerToken(token) && save(withToken(list(), { token })),
    link: (token, id) => save(withSuggestionId(list(), token, id)),
    forget: (token) => save(withoutToken(list(), token)),
  };
}
