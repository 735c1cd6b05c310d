import type { Activity, ActivitySummary, MyStanding, ParticipantRow, Signup } from '../../../../types/activity';

/**
 * A sign-up as stored. `seq` is its number in the activity's order of arrival (lib/seats.ts): the
 * waitlist moves by it. 'pending' was written by earlier versions while seats were being taken (a
 * crash could strand it); it is never written now and never reaches a client. `promotedAt` marks a
 * move from the waitlist, for the notification to find; `cancelReason`/`removedBy` record an
 * organiser's removal.
 */
export type StoredSignup = Omit<Signup, 'status'> & {
  status: Signup['status'] | 'pending';
  seq: number;
  promotedAt?: number;
  cancelReason?: string;
  removedBy?: string;
};

export const signupId = (activityId: string, memberId: string) => `${activityId}_${memberId}`;

/** Order of arrival: the number each sign-up took when it was recorded (unique per activity). */
export const byArrival = (a: Pick<StoredSignup, 'seq'>, b: Pick<StoredSignup, 'seq'>): number => a.seq - b.seq;

/** What a member sees of their own sign-up; a pending one is still being decided and shows as none. */
export function toStanding(signup: StoredSignup | null | undefined, ahead?: number): MyStanding | null {
  if (!signup || signup.status === 'pending') return null;
  return {
    status: signup.status,
    companions: signup.companions,
    ...(signup.status === 'waitlisted' && ahead !== undefined ? { waitPosition: ahead + 1 } : {}),
    ...(signup.status === 'confirmed' && signup.checkedInAt ? { checkedInAt: signup.checkedInAt } : {}),
  };
}

export function toSummary(activity: Activity, mine: MyStanding | null): ActivitySummary {
  return {
    _id: activity._id,
    title: activity.title,
    category: activity.category,
    place: activity.place,
    startAt: activity.startAt,
    endAt: activity.endAt,
    signupDeadline: activity.signupDeadline,
    status: activity.status,
    capacity: activity.capacity,
    taken: activity.taken,
    waiting: activity.waiting,
    mine,
  };
}

/** My sign-ups first by what is coming (soonest first), then what has ended (latest first). */
export function orderMine(activities: Activity[], now: number): Activity[] {
  const coming = activities.filter((a) => a.endAt >= now).sort((a, b) => a.startAt - b.startAt);
  const past = activities.filter((a) => a.endAt < now).sort((a, b) => b.startAt - a.startAt);
  return [...coming, ...past];
}

/** The participant list: confirmed by arrival, the waitlist by position (numbered over the whole waitlist, also when `keep` shows only some rows). */
export function splitParticipants(
  signups: StoredSignup[],
  keep: (signup: StoredSignup) => boolean = () => true,
): { confirmed: ParticipantRow[]; waitlist: ParticipantRow[] } {
  const row = (s: StoredSignup, waitPosition?: number): ParticipantRow => ({
    memberId: s.memberId,
    memberName: s.memberName,
    groupName: s.groupName,
    companions: s.companions,
    answers: s.answers,
    status: s.status as ParticipantRow['status'],
    arrivedAt: s.arrivedAt,
    ...(waitPosition !== undefined ? { waitPosition } : {}),
    ...(s.signedUpBy ? { signedUpBy: s.signedUpBy } : {}),
    ...(s.checkedInAt ? { checkedInAt: s.checkedInAt } : {}),
  });
  const confirmed = signups.filter((s) => s.status === 'confirmed' && keep(s)).sort(byArrival).map((s) => row(s));
  const waitlist = signups
    .filter((s) => s.status === 'waitlisted')
    .sort(byArrival)
    .flatMap((s, index) => (keep(s) ? [row(s, index + 1)] : []));
  return { confirmed, waitlist };
}
