/**
 * Reminders, exactly once. One reminder (a reason, such as `vote-closing:<id>`) to many members:
 *
 * 1. Every recipient gets a message in the app (`messages/${reason}~${memberId}`): created in
 *    batches; an id that exists already (a rerun, an overlapping run) is never created twice.
 * 2. Delivery by WeChat is claimed in bulk by a conditional update (delivery 'pending' → 'sending',
 *    tagged with this run's claim), then read back: only this run sends what it claimed. A run that
 *    dies after claiming leaves those messages 'sending' and they are never retried: a reminder may
 *    stay in the app only, but it is never sent twice. A rerun sends what was still 'pending'.
 * 3. A consent is spent before each message, in bulk, by a conditional update (`credits > 0`)
 *    tagged with the claim and read back; no consent in hand → in the app only.
 * 4. What WeChat accepted is marked 'sent', the rest 'inApp'; a 43101 refusal empties that
 *    member's ledger for the template (they withdrew consent).
 *
 * Database requests grow with the number of reminders and with recipients / 1000, not with recipients.
 */
import { randomBytes } from 'node:crypto';
import type { Member } from '../../../../types/member';
import type { Message, MessageKind } from '../../../../types/message';
import { SUBSCRIPTION_TEMPLATES, type TemplateKey } from '../../../../types/subscriptions';
import { cloud, _ } from './cloud';
import { collection } from './collections';
import { ledgerId } from './subscriptions';

const CHUNK = 1000;
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

const isDuplicate = (error: unknown): boolean => /duplicate key|E11000|-502001/i.test(String((error as { errMsg?: string })?.errMsg ?? (error as Error)?.message ?? error));

const chunks = <T>(list: T[]): T[][] => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

async function ids(where: object, field = '_id'): Promise<string[]> {
  const { data } = await collection('messages').where(where).field({ [field]: true }).limit(CHUNK).get();
  return (data as Array<Record<string, string>>).map((row) => row[field]);
}

/** Creates the in-app messages that do not exist yet; a concurrent creator may win some. */
async function createMessages(reminder: Reminder, memberIds: string[], now: number): Promise<number> {
  const existing = new Set(await ids({ reason: reminder.reason, memberId: _.in(memberIds) }, 'memberId'));
  const fresh: Message[] = memberIds
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
    }));
  if (fresh.length === 0) return 0;
  try {
    await collection('messages').add({ data: fresh });
    return fresh.length;
  } catch (error) {
    if (!isDuplicate(error)) throw error;
    // Another run created some of them between our read and our write: add the rest one by one.
    let created = 0;
    for (const message of fresh) {
      try {
        await collection('messages').add({ data: message });
        created += 1;
      } catch (inner) {
        if (!isDuplicate(inner)) throw inner;
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

/** Sends one reminder to these members (roster ids). Unbound members have no app to read it in. */
export async function remind(reminder: Reminder, recipients: Array<Pick<Member, '_id' | 'openid'>>): Promise<Delivery> {
  const total: Delivery = { created: 0, wechat: 0, inAppOnly: 0, refused: 0 };
  const bound = recipients.filter((m) => m.openid);
  const templateId = SUBSCRIPTION_TEMPLATES[reminder.template].id;
  for (const part of chunks(bound)) {
    const now = Date.now();
    const memberIds = part.map((m) => m._id);
    total.created += await createMessages(reminder, memberIds, now);

    const claim = randomBytes(12).toString('hex');
    await collection('messages')
      .where({ reason: reminder.reason, memberId: _.in(memberIds), delivery: 'pending' })
      .update({ data: { delivery: 'sending', claim } });
    const mine = new Set(await ids({ reason: reminder.reason, claim }, 'memberId'));
    if (mine.size === 0) continue;

    const openidOf = new Map(part.map((m) => [m._id, m.openid!]));
    const consented = await spendConsents([...mine].map((id) => openidOf.get(id)!), templateId, claim);
    const outcome = { sent: [] as string[], inApp: [] as string[], refused: [] as string[], failed: [] as string[] };
    for (const memberId of mine) {
      const openid = openidOf.get(memberId)!;
      if (!consented.has(openid)) outcome.inApp.push(memberId);
      else outcome[await send(reminder, openid)].push(memberId);
    }
    const mark = async (list: string[], delivery: Message['delivery']) => {
      if (list.length) await collection('messages').where({ reason: reminder.reason, claim, memberId: _.in(list) }).update({ data: { delivery, deliveredAt: Date.now() } });
    };
    await mark(outcome.sent, 'sent');
    await mark(outcome.inApp, 'inApp');
    await mark([...outcome.refused, ...outcome.failed], 'refused');
    if (outcome.refused.length) {
      // 43101 and its kind: the member withdrew consent; what we counted is no longer there.
      await collection('subscriptions').where({ _id: _.in(outcome.refused.map((id) => ledgerId(openidOf.get(id)!, templateId))) }).update({ data: { credits: 0 } });
    }
    total.wechat += outcome.sent.length;
    total.inAppOnly += outcome.inApp.length + outcome.refused.length + outcome.failed.length;
    total.refused += outcome.refused.length + outcome.failed.length;
  }
  return total;
}
