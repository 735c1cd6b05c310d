/**
 * Reminders, exactly once. One reminder (a reason, such as `vote-closing:<id>`) to many members:
 *
 * 1. Every recipient gets a message in the app (`messages/${reason}~${memberId}`): created in
 *    batches; an id that exists already (a rerun, an overlapping run) is never created twice.
 * 2. Delivery is claimed in bulk by a conditional update (delivery 'pending' → 'sending', tagged
 *    with this run's claim and time) and read back: a run only delivers what it claimed, so two
 *    overlapping runs never both deliver one message. A claim left by a run that died is taken back
 *    (→ 'pending') once older than the function's timeout, so a rerun delivers what it had not.
 * 3. Members without a consent in hand get the message in the app only ('inApp').
 * 4. The rest go to WeChat in small batches: spend one consent each (conditional `credits > 0`,
 *    tagged and read back), mark the batch 'attempting', send, then mark 'sent' or 'refused'. If the
 *    run dies while a batch is 'attempting', nobody can know which of those WeChat accepted, so
 *    they are never retried: a reminder may stay in the app only, but it is never sent twice.
 *    A 43101 refusal empties that member's ledger for the template (they withdrew consent).
 *
 * Database requests grow with the number of reminders, with recipients / 1000, and with WeChat
 * sends / 50: never one per recipient.
 */
import { randomBytes } from 'node:crypto';
import type { Member } from '../../../../types/member';
import type { Message, MessageKind } from '../../../../types/message';
import { SUBSCRIPTION_TEMPLATES, type TemplateKey } from '../../../../types/subscriptions';
import { cloud, _ } from './cloud';
import { collection } from './collections';
import { ledgerId } from './subscriptions';
import { isDuplicateKey } from './duplicate-key';

const CHUNK = 1000;
/** WeChat sends per batch: at most this many are uncertain if a run dies mid-send. */
const SEND_BATCH = 50;
/** Longer than the timer function's timeout (config.json): a claim this old belongs to a dead run. */
export const STALE_CLAIM_MS = 2 * 60 * 1000;
const SHANGHAI = 8 * 60 * 60 * 1000;

export interface Reminder {
  /** The same reason never reaches a member twice. Letters, digits and `:_.-` only. */
  reason: string;
  kind: MessageKind;
  /** What it is about (`notice:<id>`, `vote:<id>`…), shared by all reminders about one thing. */
  topic: string;
  template: TemplateKey;
  /** Shown in the app, and (cut to 20 characters) as the message's title. */
  title: string;
  body: string;
  /** The page it opens, without a leading slash. */
  page: string;
  /** The time the template shows: when the event happens. */
  at: number;
  /** A short note for the template (≤ 20 characters). */
  note: string;
}

export interface Delivery {
  created: number;
  wechat: number;
  inAppOnly: number;
  refused: number;
}

export const messageId = (reason: string, memberId: string): string => `${reason}~${memberId}`;

/** WeChat caps `thing` values at 20 characters. */
const thing = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text);

/** 2026年12月4日 14:30, in Asia/Shanghai whatever the server's zone. */
export function shanghaiTime(ms: number): string {
  const d = new Date(ms + SHANGHAI);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const chunks = <T>(list: T[]): T[][] => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

async function ids(where: object, field = '_id'): Promise<string[]> {
  const { data } = await collection('messages').where(where).field({ [field]: true }).limit(CHUNK).get();
  return (data as Array<Record<string, string>>).map((row) => row[field]);
}

/**
 * Creates the in-app messages that do not exist yet, in one batch; a concurrent creator may win
 * some. When the batch meets one that exists, the cloud does not say how much of the batch went
 * in (it promises no all-or-nothing), so every message carries the batch's tag: what has it is
 * ours, the rest is added one by one.
 */
async function createMessages(reminder: Reminder, memberIds: string[], now: number): Promise<number> {
  const existing = new Set(await ids({ reason: reminder.reason, memberId: _.in(memberIds) }, 'memberId'));
  const batch = randomBytes(8).toString('hex');
  const fresh: Array<Message & { batch: string }> = memberIds
    .filter((id) => !existing.has(id))
    .map((memberId) => ({
      _id: messageId(reminder.reason, memberId),
      reason: reminder.reason,
      kind: reminder.kind,
      topic: reminder.topic,
      memberId,
      title: reminder.title,
      body: reminder.body,
      page: reminder.page,
      createdAt: now,
      delivery: 'pending',
      batch,
    }));
  if (fresh.length === 0) return 0;
  try {
    await collection('messages').add({ data: fresh });
    return fresh.length;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const landed = new Set(await ids({ _id: _.in(fresh.map((m) => m._id)), batch }));
    let created = landed.size;
    for (const message of fresh.filter((m) => !landed.has(m._id))) {
      try {
        await collection('messages').add({ data: message });
        created += 1;
      } catch (inner) {
        if (!isDuplicateKey(inner)) throw inner;
      }
    }
    return created;
  }
}

/** Spends one consent each for these members, in bulk; resolves who had one. */
async function spendConsents(openids: string[], templateId: string, claim: string): Promise<Set<string>> {
  if (openids.length === 0) return new Set();
  const ledger = openids.map((openid) => ledgerId(openid, templateId));
  await collection('subscriptions')
    .where({ _id: _.in(ledger), credits: _.gt(0) })
    .update({ data: { credits: _.inc(-1), spentBy: _.push({ each: [claim], slice: -20 }), updatedAt: Date.now() } });
  const { data } = await collection('subscriptions').where({ _id: _.in(ledger), spentBy: claim }).field({ openid: true }).limit(CHUNK).get();
  return new Set((data as Array<{ openid: string }>).map((row) => row.openid));
}

/** WeChat's answer when the member withdrew consent (or never gave it) for the template. */
const REFUSED_BY_MEMBER = 43101;

async function send(reminder: Reminder, openid: string): Promise<'sent' | 'refused' | 'failed'> {
  const template = SUBSCRIPTION_TEMPLATES[reminder.template];
  try {
    await cloud.openapi.subscribeMessage.send({
      touser: openid,
      templateId: template.id,
      page: reminder.page,
      data: {
        [template.fields.title]: { value: thing(reminder.title) },
        [template.fields.time]: { value: shanghaiTime(reminder.at) },
        [template.fields.note]: { value: thing(reminder.note) },
      },
    });
    return 'sent';
  } catch (error) {
    const code = (error as { errCode?: number }).errCode;
    // Never with the member's identity in the log line: the reason says enough to investigate.
    console.warn(`[reminders] ${reminder.reason}: WeChat refused a message`, code ?? '');
    return code === REFUSED_BY_MEMBER ? 'refused' : 'failed';
  }
}

/** Members (by openid) with a consent in hand for this template, of these: one request. */
async function withConsent(openids: string[], templateId: string): Promise<Set<string>> {
  if (openids.length === 0) return new Set();
  const { data } = await collection('subscriptions')
    .where({ _id: _.in(openids.map((openid) => ledgerId(openid, templateId))), credits: _.gt(0) })
    .field({ openid: true })
    .limit(CHUNK)
    .get();
  return new Set((data as Array<{ openid: string }>).map((row) => row.openid));
}

/** Sends one reminder to these members (roster ids). Unbound members have no app to read it in. */
export async function remind(reminder: Reminder, recipients: Array<Pick<Member, '_id' | 'openid'>>): Promise<Delivery> {
  const total: Delivery = { created: 0, wechat: 0, inAppOnly: 0, refused: 0 };
  const bound = recipients.filter((m) => m.openid);
  const templateId = SUBSCRIPTION_TEMPLATES[reminder.template].id;
  const reason = reminder.reason;
  const mark = async (claim: string, list: string[], delivery: Message['delivery'], from: Message['delivery']) => {
    if (list.length) await collection('messages').where({ reason, claim, delivery: from, memberId: _.in(list) }).update({ data: { delivery, deliveredAt: Date.now() } });
  };
  for (const part of chunks(bound)) {
    const now = Date.now();
    const memberIds = part.map((m) => m._id);
    total.created += await createMessages(reminder, memberIds, now);

    // Take back what a dead run claimed but never tried to send.
    await collection('messages')
      .where({ reason, memberId: _.in(memberIds), delivery: 'sending', claimedAt: _.lt(now - STALE_CLAIM_MS) })
      .update({ data: { delivery: 'pending' } });
    const claim = randomBytes(12).toString('hex');
    await collection('messages').where({ reason, memberId: _.in(memberIds), delivery: 'pending' }).update({ data: { delivery: 'sending', claim, claimedAt: now } });
    const mine = await ids({ reason, claim }, 'memberId');
    if (mine.length === 0) continue;

    const openidOf = new Map(part.map((m) => [m._id, m.openid!]));
    const consenting = await withConsent(mine.map((id) => openidOf.get(id)!), templateId);
    const inApp = mine.filter((id) => !consenting.has(openidOf.get(id)!));
    await mark(claim, inApp, 'inApp', 'sending');
    total.inAppOnly += inApp.length;

    const toSend = mine.filter((id) => consenting.has(openidOf.get(id)!));
    for (let i = 0; i < toSend.length; i += SEND_BATCH) {
      const batch = toSend.slice(i, i + SEND_BATCH);
      const spent = await spendConsents(batch.map((id) => openidOf.get(id)!), templateId, claim);
      const spentIds = batch.filter((id) => spent.has(openidOf.get(id)!));
      // Someone else spent their last consent meanwhile: in the app only.
      const lost = batch.filter((id) => !spent.has(openidOf.get(id)!));
      await mark(claim, lost, 'inApp', 'sending');
      await mark(claim, spentIds, 'attempting', 'sending');
      const outcome = { sent: [] as string[], refused: [] as string[], failed: [] as string[] };
      for (const memberId of spentIds) outcome[await send(reminder, openidOf.get(memberId)!)].push(memberId);
      await mark(claim, outcome.sent, 'sent', 'attempting');
      await mark(claim, [...outcome.refused, ...outcome.failed], 'refused', 'attempting');
      if (outcome.refused.length) {
        await collection('subscriptions').where({ _id: _.in(outcome.refused.map((id) => ledgerId(openidOf.get(id)!, templateId))) }).update({ data: { credits: 0 } });
      }
      total.wechat += outcome.sent.length;
      total.inAppOnly += lost.length + outcome.refused.length + outcome.failed.length;
      total.refused += outcome.refused.length + outcome.failed.length;
    }
  }
  return total;
}
