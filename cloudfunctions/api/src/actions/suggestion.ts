import { randomBytes } from 'node:crypto';
import type { Member } from '../../../../types/member';
import type { Suggestion, SuggestionStatus } from '../../../../types/suggestion';
import { isOrganiser } from '../domain/activity-rules';
import { REPLYABLE, maySee, newSuggestion, ownerHashOf, sentBy, stampFor, toSuggestionView } from '../domain/suggestion-rules';
import type { BoundCaller, Caller } from '../lib/caller';
import { _ } from '../lib/cloud';
import { collection } from '../lib/collections';
import { tellSuggestionReplied } from '../lib/tell-replied';
import { screenText } from '../lib/content-check';
import { DomainError } from '../lib/domain-error';
import type { Handler } from '../lib/dispatch';
import { fillAnonymousPlace } from '../lib/anonymous-slots';
import { grantTickets, refundTicket, spendTicket } from '../lib/suggestion-tickets';

const me = (caller: Caller): Member => (caller as BoundCaller).member;
/** The most suggestions a list shows. */
const LIST_LIMIT = 200;

/** Stored suggestions have a status; the vacant places anonymous ones fill (lib/anonymous-slots.ts) have none. */
const STORED = _.exists(true);

async function getSuggestionRecord(suggestionId: string): Promise<Suggestion | null> {
  const { data } = await collection('suggestions').where({ _id: suggestionId, status: STORED }).limit(1).get();
  return (data[0] as Suggestion | undefined) ?? null;
}

async function mustGetSuggestion(suggestionId: string): Promise<Suggestion> {
  const suggestion = await getSuggestionRecord(suggestionId);
  if (!suggestion) throw new DomainError('NOT_FOUND');
  return suggestion;
}

/** Newest first; anonymous ones carry only their day, so within a day they come in no telling order. */
const newestFirst = (where: object) => collection('suggestions').where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(LIST_LIMIT).get();

/** Writes without letting the record (which may be anonymous) reach a log line through the error. */
async function quietly<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new Error('suggestions: the database refused the write');
  }
}

/** Records today's send tickets for the caller (the send page asks when it opens, never when sending). */
export const grantSuggestionTickets: Handler<'suggestion.tickets'> = async ({ tickets }, caller) => grantTickets(me(caller)._id, tickets, Date.now());

/**
 * Sends a suggestion: content check, then one of today's tickets, then the suggestion, so a refused
 * request writes nothing. A named one is inserted; an anonymous one fills a vacant place
 * (lib/anonymous-slots.ts), so nothing is inserted and nothing about the sender changes.
 * Text the check could not judge is kept as 'held' for the chair.
 */
export const sendSuggestion: Handler<'suggestion.send'> = async ({ title, body, anonymous, token, ticket }, caller) => {
  const sender = me(caller);
  const verdict = await screenText(caller.openid, title, body);
  if (verdict === 'risky') throw new DomainError('CONTENT_RISKY');
  const now = Date.now();
  await spendTicket(sender._id, ticket, now);
  const fields = newSuggestion({ title, body, anonymous, token }, sender, verdict, now);
  try {
    // A random id: a database-made one may carry the time of the insert.
    const _id = anonymous ? await quietly(() => fillAnonymousPlace(fields)) : randomBytes(16).toString('hex');
    if (!anonymous) await quietly(() => collection('suggestions').add({ data: { _id, ...fields } }));
    return toSuggestionView({ _id, ...fields }, true);
  } catch (error) {
    await refundTicket(ticket, now).catch(() => undefined);
    throw error;
  }
};

/** The caller's named suggestions and the anonymous ones their device holds tokens for, in one query. */
export const mySuggestions: Handler<'suggestion.mine'> = async ({ tokens }, caller) => {
  const hashes = [...new Set(tokens)].map(ownerHashOf);
  const { data } = await newestFirst(_.or([{ senderId: me(caller)._id, anonymous: false }, { ownerHash: _.in(hashes), anonymous: true }]));
  return (data as Suggestion[]).map((s) => toSuggestionView(s, true));
};

/** One suggestion, for its sender, the chair and committee, or anyone once it is public; else NOT_FOUND. */
export const getSuggestion: Handler<'suggestion.get'> = async ({ suggestionId, token }, caller) => {
  const viewer = me(caller);
  const suggestion = await mustGetSuggestion(suggestionId);
  const sender = sentBy(suggestion, viewer._id, token ? ownerHashOf(token) : null);
  const organiser = isOrganiser(viewer);
  if (!maySee(suggestion, { organiser, sender })) throw new DomainError('NOT_FOUND');
  return toSuggestionView(suggestion, sender, organiser);
};

/** Replied suggestions the chair made public, newest first. */
export const publicSuggestions: Handler<'suggestion.public'> = async (_input, caller) => {
  const viewer = me(caller);
  const { data } = await newestFirst({ public: true, status: 'replied' });
  return (data as Suggestion[]).map((s) => toSuggestionView(s, sentBy(s, viewer._id), isOrganiser(viewer)));
};

/** Every suggestion (optionally of one status), for the chair and committee. */
export const suggestionInbox: Handler<'suggestion.inbox'> = async ({ status }, caller) => {
  const viewer = me(caller);
  const { data } = await newestFirst({ status: status ?? STORED });
  return (data as Suggestion[]).map((s) => toSuggestionView(s, sentBy(s, viewer._id)));
};

/**
 * A held suggestion waits for the chair's release (moderation) and a refused one is closed, so
 * neither can be replied to: refused FORBIDDEN, as an action nobody may take on it now.
 */
const notReplyable = (status: SuggestionStatus) => new DomainError('FORBIDDEN', status === 'held' ? '建议还在等待审核，审核通过后才能答复' : '建议未通过审核，不能答复');

/**
 * Replies (or replaces the reply). The reply is checked by the replier's openid: risky is refused;
 * one the check could not judge waits for the chair as `heldReply`, the suggestion's status unchanged.
 */
export const replySuggestion: Handler<'suggestion.reply'> = async ({ suggestionId, text }, caller) => {
  const replier = me(caller);
  const suggestion = await mustGetSuggestion(suggestionId);
  if (!REPLYABLE.includes(suggestion.status)) throw notReplyable(suggestion.status);
  const verdict = await screenText(caller.openid, text);
  if (verdict === 'risky') throw new DomainError('CONTENT_RISKY');
  const now = Date.now();
  const reply = { text, byName: replier.name, at: now };
  const data =
    verdict === 'pass'
      ? { reply: _.set(reply), heldReply: _.remove(), status: 'replied', updatedAt: stampFor(suggestion, now) }
      : { heldReply: _.set(reply), updatedAt: stampFor(suggestion, now) };
  const { stats } = await quietly(() => collection('suggestions').where({ _id: suggestionId, status: _.in([...REPLYABLE]) }).update({ data }));
  const fresh = await mustGetSuggestion(suggestionId);
  // Nothing updated while still replyable can only mean the same reply again, in the same millisecond.
  if (stats.updated === 0 && !REPLYABLE.includes(fresh.status)) throw notReplyable(fresh.status);
  if (stats.updated === 1 && verdict === 'pass') await tellSuggestionReplied(fresh);
  return toSuggestionView(fresh, sentBy(fresh, replier._id));
};

/** The chair shows a replied suggestion (with its reply) to all members, or stops showing it. */
export const setSuggestionPublic: Handler<'suggestion.setPublic'> = async ({ suggestionId, public: shown }, caller) => {
  const now = Date.now();
  const suggestion = await mustGetSuggestion(suggestionId);
  if (suggestion.status !== 'replied') throw new DomainError('FORBIDDEN', '答复后才能公开');
  await collection('suggestions').where({ _id: suggestionId, status: 'replied' }).update({ data: { public: shown, updatedAt: stampFor(suggestion, now) } });
  // Nothing updated is fine when it already was so; otherwise its status changed under us.
  const fresh = await mustGetSuggestion(suggestionId);
  if (fresh.status !== 'replied' || fresh.public !== shown) throw new DomainError('CONFLICT');
  return toSuggestionView(fresh, sentBy(fresh, me(caller)._id));
};
