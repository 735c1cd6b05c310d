/**
 * The race: 1000 people (some bringing a companion) sign up at once for 100 places, through the
 * real request function on several instances, then people cancel while others wait.
 *
 * Order is the server's order of arrival: every sign-up takes a number (`seq`) in the transaction
 * that records it. The confirmed sign-ups must be exactly the first numbers, as many as fit, the
 * waitlist the rest in number order, and promotions must take the waitlist's lowest numbers.
 */
import type { Activity } from '../../types/activity';
import type { StoredSignup } from '../../cloudfunctions/api/src/domain/activity-view';
import { activityDraft, demo, expectOk, seedBoundMembers, startTestCloud, type TestCloud } from './support/harness';
import { bounded } from '../../scripts/bench/bounded';
import { bySeq, expectArrivalOrder } from './support/arrival-order';

jest.setTimeout(240_000);

let t: TestCloud;
const chair = demo.openid(demo.chair.staffNo);
const CAPACITY = 100;
const PEOPLE = 1000;
const IN_FLIGHT = 50;

beforeAll(async () => {
  t = await startTestCloud({ instancesPerFunction: 4 });
});
afterAll(() => t.stop());


/** Watches the activity document while the race runs: the highest `taken` ever seen. */
function watch(activityId: string) {
  let max = 0;
  const timer = setInterval(() => {
    const doc = t.cloud.db.admin.find('activities', { _id: activityId })[0] as Activity;
    max = Math.max(max, doc.taken);
  }, 2);
  return { stop: () => (clearInterval(timer), max) };
}


it('never overbooks, never duplicates, and moves the waitlist strictly in order', async () => {
  const people = seedBoundMembers(t.cloud, PEOPLE);
  const activity = expectOk(await t.act(chair, 'activity.create', { draft: activityDraft(t.cloud.clock.now(), { capacity: CAPACITY, companionsMax: 1 }) }));
  expectOk(await t.act(chair, 'activity.publish', { activityId: activity._id }));
  const id = activity._id;
  const companionsOf = (i: number) => (i % 3 === 0 ? 1 : 0);

  // Everyone at once (50 in flight over 4 instances), and a few people tapping twice.
  const watcher = watch(id);
  const started = Date.now();
  const answers = await bounded(
    [...people.map((p, i) => () => t.act(p.openid, 'activity.signUp', { activityId: id, companions: companionsOf(i), answers: {} })),
      ...people.slice(0, 20).map((p) => () => t.act(p.openid, 'activity.signUp', { activityId: id, companions: 0, answers: {} }))],
    IN_FLIGHT,
  );
  const elapsed = Date.now() - started;
  const maxTaken = watcher.stop();

  const ok = answers.filter((a) => a.ok);
  expect(ok).toHaveLength(PEOPLE);
  expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.code)).toEqual(new Array(20).fill('ALREADY_SIGNED_UP'));

  const signups = t.cloud.db.admin.find('signups', { activityId: id }) as StoredSignup[];
  expect(signups).toHaveLength(PEOPLE);
  expect(new Set(signups.map((s) => s.memberId)).size).toBe(PEOPLE);
  expectArrivalOrder(signups, CAPACITY);
  const confirmed = signups.filter((s) => s.status === 'confirmed').sort(bySeq);
  const waitlisted = signups.filter((s) => s.status === 'waitlisted').sort(bySeq);
  expect(confirmed.length + waitlisted.length).toBe(PEOPLE);
  const doc = t.cloud.db.admin.find('activities', { _id: id })[0] as Activity;
  const seats = confirmed.reduce((sum, s) => sum + s.seats, 0);
  expect(doc.taken).toBe(seats);
  expect(doc.taken).toBeLessThanOrEqual(CAPACITY);
  expect(doc.taken).toBeGreaterThanOrEqual(CAPACITY - 1); // full: at most one seat left, that a pair could not use
  expect(doc.waiting).toBe(waitlisted.length);
  expect(maxTaken).toBeLessThanOrEqual(CAPACITY);

  // The lists the organiser and the members see are in that order, waitlist positions 1..n.
  const list = expectOk(await t.act(chair, 'activity.participants', { activityId: id }));
  expect(list.confirmed.map((r) => r.memberId)).toEqual(confirmed.map((s) => s.memberId));
  expect(list.waitlist.map((r) => r.memberId)).toEqual(waitlisted.map((s) => s.memberId));
  expect(list.waitlist.map((r) => r.waitPosition)).toEqual(waitlisted.map((_, i) => i + 1));
  console.log(`race: ${PEOPLE} sign-ups in ${elapsed} ms (${Math.round((PEOPLE * 1000) / elapsed)}/s); taken ${doc.taken}/${CAPACITY}; waitlisted ${waitlisted.length}`);

  // Interleaved: 40 confirmed people and 30 waitlisted people cancel at the same time.
  const leaving = [...confirmed.slice(0, 40), ...waitlisted.filter((_, i) => i % 7 === 3).slice(0, 30)];
  const openidOf = new Map(people.map((p) => [p.staffNo, p.openid]));
  const watcher2 = watch(id);
  const cancels = await bounded(
    leaving.map((s) => () => t.act(openidOf.get(s.memberId)!, 'activity.cancelSignup', { activityId: id })),
    IN_FLIGHT,
  );
  expect(cancels.every((c) => c.ok)).toBe(true);
  expect(watcher2.stop()).toBeLessThanOrEqual(CAPACITY);

  const after = t.cloud.db.admin.find('signups', { activityId: id }) as StoredSignup[];
  const left = new Set(leaving.map((s) => s._id));
  const status = new Map(after.map((s) => [s._id, s.status]));
  for (const s of leaving) expect(status.get(s._id)).toBe('cancelled');
  // Promotions took a prefix of the waitlist (those still waiting) by number; the rest still wait.
  const stillQueued = waitlisted.filter((s) => !left.has(s._id));
  const promotedCount = stillQueued.findIndex((s) => status.get(s._id) !== 'confirmed');
  expect(promotedCount).toBeGreaterThan(0);
  expect(stillQueued.slice(0, promotedCount).every((s) => status.get(s._id) === 'confirmed')).toBe(true);
  expect(stillQueued.slice(promotedCount).every((s) => status.get(s._id) === 'waitlisted')).toBe(true);
  // (Someone waitlisted who cancelled may have been promoted just before their cancellation landed.)
  const wasWaiting = new Set(stillQueued.map((s) => s._id));
  const promoted = after.filter((s) => wasWaiting.has(s._id) && s.promotedAt !== undefined).map((s) => s._id).sort();
  expect(promoted).toEqual(stillQueued.slice(0, promotedCount).map((s) => s._id).sort());

  const final = t.cloud.db.admin.find('activities', { _id: id })[0] as Activity;
  const finalConfirmed = after.filter((s) => s.status === 'confirmed');
  expect(final.taken).toBe(finalConfirmed.reduce((sum, s) => sum + s.seats, 0));
  expect(final.taken).toBeLessThanOrEqual(CAPACITY);
  expect(final.waiting).toBe(after.filter((s) => s.status === 'waitlisted').length);
  // Strict order: the first still waiting did not fit.
  expect(final.taken + stillQueued[promotedCount].seats).toBeGreaterThan(CAPACITY);
});
