import type { Activity, ActivityDraft, ActivityStatus } from '../../../../types/activity';
import type { Member } from '../../../../types/member';
import {
  assertCapacityFits, assertCompanions, assertEditable, assertMaySignUp, capacityGrew, checkAnswers, isOrganiser, removedAnswers,
  loweredMaxes,
} from '../domain/activity-rules';
import { splitParticipants, type StoredSignup } from '../domain/activity-view';
import { mustGetActivity, readAll } from '../lib/activities-repo';
import type { BoundCaller, Caller } from '../lib/caller';
import { _ } from '../lib/cloud';
import { collection } from '../lib/collections';
import { DomainError } from '../lib/domain-error';
import type { Handler } from '../lib/dispatch';
import { getMember } from '../lib/members-repo';
import { teamsEdit } from '../lib/teams';
import { cancel, promote, signUp } from '../lib/seats';
import { tellMember } from '../lib/tell-member';

/** The dispatcher admits only bound members to these actions. */
const me = (caller: Caller): Member => (caller as BoundCaller).member;

/** A new draft activity as stored, without its id. */
export const newActivity = (draft: ActivityDraft, createdBy: string, now: number) => ({
  ...draft,
  status: 'draft' as ActivityStatus,
  taken: 0,
  waiting: 0,
  checkedIn: 0,
  createdBy,
  createdAt: now,
  updatedAt: now,
  ...(draft.teams ? { teamsTaken: 0 } : {}),
});

export const createActivity: Handler<'activity.create'> = async ({ draft }, caller) => {
  const now = Date.now();
  const fields = newActivity(draft, me(caller)._id, now);
  const { _id } = await collection('activities').add({ data: fields });
  return { _id: String(_id), ...fields };
};

/**
 * Edits an activity. Once people have signed up, an edit may not break their sign-ups: the
 * capacity may not drop below the places taken, and no question or option anyone answered may go.
 */
/**
 * Lowered limits must still hold every sign-up: fewer companions per member, or fewer picks in a
 * multiple-choice question, than someone already has. One count per lowered limit.
 */
async function assertLimitsKeepSignups(before: Activity, draft: ActivityDraft): Promise<void> {
  const holding = { activityId: before._id, status: _.in(['confirmed', 'waitlisted']) };
  const limits: Array<{ where: object; problem: string }> = loweredMaxes(before.choices, draft.choices).map(({ choiceId, label, max }) => ({
    // An element at index `max` means more than `max` picks.
    where: { [`answers.${choiceId}.${max}`]: _.exists(true) },
    problem: `「${label}」已有人选了超过 ${max} 项`,
  }));
  if (draft.companionsMax < before.companionsMax) {
    limits.push({ where: { companions: _.gt(draft.companionsMax) }, problem: `已有人携带家属超过 ${draft.companionsMax} 人` });
  }
  for (const { where, problem } of limits) {
    const { total } = await collection('signups').where({ ...holding, ...where }).count();
    if (total > 0) throw new DomainError('EDIT_BREAKS_SIGNUPS', problem, [{ path: 'draft', message: problem }]);
  }
}

export const updateActivity: Handler<'activity.update'> = async ({ activityId, draft }) => {
  const before = await mustGetActivity(activityId);
  const now = Date.now();
  assertEditable(before, now);
  // Team contests: not fewer teams or players than registered; the team rules a draft leaves out stay.
  const teamEdit = await teamsEdit(before, draft);
  draft = teamEdit.draft;
  assertCapacityFits(draft.capacity, before.taken);
  const removed = removedAnswers(before.choices, draft.choices);
  if (removed.length && before.status !== 'draft') {
    // One query over this activity's sign-ups for any answer the edit would drop.
    const answered = removed.map(({ choiceId, optionId }) => ({ [`answers.${choiceId}`]: optionId ?? _.exists(true) }));
    const { total } = await collection('signups')
      .where(_.and([{ activityId, status: _.in(['confirmed', 'waitlisted']) }, _.or(answered)]))
      .count();
    if (total > 0) {
      const labels = removed.map(({ choiceId, optionId }) => {
        const choice = before.choices.find((c) => c.id === choiceId)!;
        const option = optionId && 'options' in choice ? choice.options.find((o) => o.id === optionId) : undefined;
        return option ? `「${choice.label}」的「${option.label}」` : `「${choice.label}」`;
      });
      const message = `已有人报名时填写了要删除的内容：${labels.join('、')}`;
      throw new DomainError('CHOICE_IN_USE', message, [{ path: 'draft.choices', message }]);
    }
  }
  if (before.status !== 'draft') await assertLimitsKeepSignups(before, draft);
  // Conditional on the version read and on the places taken now, so a parallel sign-up or edit cannot slip in between.
  const { stats } = await collection('activities')
    .where({ _id: activityId, status: before.status, updatedAt: before.updatedAt, ...(draft.capacity !== null ? { taken: _.lte(draft.capacity) } : {}), ...teamEdit.where })
    .update({ data: { ...draft, audience: _.set(draft.audience), choices: _.set(draft.choices), updatedAt: now, ...teamEdit.data } });
  if (stats.updated !== 1) {
    const current = await mustGetActivity(activityId);
    assertEditable(current, now);
    assertCapacityFits(draft.capacity, current.taken);
    throw new DomainError('CONFLICT');
  }
  if (capacityGrew(before.capacity, draft.capacity)) await promote(activityId);
  return mustGetActivity(activityId);
};

/** Moves an activity from one of `from` to `to`, conditional on the status read. */
async function changeStatus(activityId: string, from: ActivityStatus[], to: ActivityStatus, extra: Partial<Activity> = {}): Promise<Activity> {
  const activity = await mustGetActivity(activityId);
  const now = Date.now();
  assertEditable(activity, now);
  if (activity.status === to) return activity;
  if (!from.includes(activity.status)) throw new DomainError('ACTIVITY_NOT_EDITABLE', `不能从「${activity.status}」改为「${to}」`);
  const { stats } = await collection('activities')
    .where({ _id: activityId, status: activity.status })
    .update({ data: { status: to, updatedAt: now, ...extra } });
  if (stats.updated !== 1) throw new DomainError('CONFLICT');
  return { ...activity, ...extra, status: to, updatedAt: now };
}

/** Publishing a draft opens it to its audience; publishing a closed activity reopens sign-up. */
export const publishActivity: Handler<'activity.publish'> = async ({ activityId }) => changeStatus(activityId, ['draft', 'closed'], 'published');

/** Stops sign-ups; those signed up stay, and cancellations still move the waitlist. */
export const closeActivity: Handler<'activity.close'> = async ({ activityId }) => changeStatus(activityId, ['published'], 'closed');

export const cancelActivity: Handler<'activity.cancel'> = async ({ activityId, reason }) =>
  changeStatus(activityId, ['draft', 'published', 'closed'], 'cancelled', { cancelReason: reason });

/** Who has signed up: organisers see everyone; a group leader sees their own group's rows only. */
export const listParticipants: Handler<'activity.participants'> = async ({ activityId }, caller) => {
  const viewer = me(caller);
  const activity = await mustGetActivity(activityId);
  const organiser = isOrganiser(viewer);
  if (!organiser && activity.status === 'draft') throw new DomainError('NOT_FOUND');
  const signups = await readAll<StoredSignup>({ activityId, status: _.in(['confirmed', 'waitlisted']) }, [['seq', 'asc']]);
  const { confirmed, waitlist } = splitParticipants(signups, organiser ? undefined : (s) => s.groupId === viewer.groupId);
  const { _id, title, capacity, taken, waiting, choices, status } = activity;
  const checkedIn = activity.checkedIn ?? 0;
  return { activity: { _id, title, capacity, taken, waiting, checkedIn, choices, status }, confirmed, waitlist, scope: organiser ? 'all' : 'group' };
};

/**
 * 代报名: a group leader signs up a member of their own group within the sign-up window;
 * an organiser signs up anyone, also after the deadline or once sign-up is closed.
 */
export const signUpFor: Handler<'activity.signUpFor'> = async ({ activityId, memberId, companions, answers }, caller) => {
  const actor = me(caller);
  const organiser = isOrganiser(actor);
  const member = await getMember(memberId);
  if (!member) throw new DomainError('NOT_FOUND');
  if (!organiser && member.groupId !== actor.groupId) throw new DomainError('NOT_YOUR_GROUP');
  const activity = await mustGetActivity(activityId);
  if (activity.teams) throw new DomainError('TEAM_ACTIVITY');
  assertMaySignUp(activity, member, Date.now(), { organiser });
  assertCompanions(activity, companions);
  const tidy = checkAnswers(activity.choices, answers);
  const standing = await signUp({ activity, member, companions, answers: tidy, signedUpBy: actor._id, statuses: organiser ? ['published', 'closed'] : ['published'] });
  await tellMember(member._id, activity, standing.status === 'waitlisted' ? `${actor.name}已为你报名（候补）` : `${actor.name}已为你报名`);
  return standing;
};

/** An organiser removes someone's sign-up, whatever the window, with a reason; the waitlist moves. */
export const removeSignup: Handler<'activity.removeSignup'> = async ({ activityId, memberId, reason }, caller) => {
  const activity = await mustGetActivity(activityId);
  await cancel(activityId, memberId, { cancelReason: reason, removedBy: me(caller)._id });
  await tellMember(memberId, activity, `你的报名已被移出：${reason}`);
  return { removed: true };
};
