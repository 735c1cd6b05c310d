import * as v from 'valibot';
import { buildDemoActivities } from '../../scripts/demo/activities';
import { buildDemoUnion, UNBOUND_STAFF_NOS } from '../../scripts/demo/union';
import { buildDemoVotes } from '../../scripts/demo/votes';
import { VoteDraftSchema } from '../../types/vote';
import { ActivityDraftSchema } from '../../types/activity';
import { MemberSchema } from '../../types/member';

describe('the demo union', () => {
  const now = Date.UTC(2026, 10, 25, 12);
  const { members, groups, bindings } = buildDemoUnion(now);

  it('is a union a chair would recognise', () => {
    expect(members).toHaveLength(60);
    expect(groups.length).toBeGreaterThanOrEqual(6);
    expect(members.filter((m) => m.roles.includes('chair'))).toHaveLength(1);
    expect(members.filter((m) => m.roles.includes('committee')).length).toBeGreaterThanOrEqual(3);
    expect(members.filter((m) => m.isDelegate).length).toBeGreaterThanOrEqual(10);
    expect(members.some((m) => m.status === 'retired')).toBe(true);
    expect(new Set(members.map((m) => m.gender))).toEqual(new Set(['male', 'female']));
    expect(members.filter((m) => !m.openid).map((m) => m.staffNo)).toEqual(UNBOUND_STAFF_NOS);
    expect(bindings).toHaveLength(60 - UNBOUND_STAFF_NOS.length);
  });

  it('holds only records the schemas accept', () => {
    for (const member of members) expect([member.staffNo, v.safeParse(MemberSchema, member).success]).toEqual([member.staffNo, true]);
    for (const activity of buildDemoActivities(now, members[0]._id)) {
      const { _id, status, taken, waiting, checkedIn, createdBy, createdAt, updatedAt, ...draft } = activity;
      const parsed = v.safeParse(ActivityDraftSchema, draft);
      expect([activity.title, parsed.success ? 'ok' : parsed.issues[0].message]).toEqual([activity.title, 'ok']);
      expect(activity.signupDeadline).toBeGreaterThan(now);
    }
  });

  it('holds votes as the ballot box would have stored them', () => {
    const votes = buildDemoVotes(now, members, members[0]._id);
    expect(votes.map((v) => v.content.kind).sort()).toEqual(['appraisal', 'election', 'election', 'motion', 'poll']);
    for (const vote of votes) {
      const { _id, status, rev, turnout, tally, voterIds, otherTexts, namedBallots, closedAt, createdBy, createdAt, updatedAt, ...draft } = vote;
      const parsed = v.safeParse(VoteDraftSchema, draft);
      expect([vote.title, parsed.success ? 'ok' : parsed.issues[0].message]).toEqual([vote.title, 'ok']);
      expect(voterIds).toHaveLength(turnout);
      expect(voterIds).toEqual([...voterIds].sort());
      // Only bound members can have voted, and only those in the electorate.
      for (const id of voterIds) expect(members.find((m) => m._id === id)?.openid).toBeTruthy();
      if (vote.content.kind === 'motion') for (const id of voterIds) expect(members.find((m) => m._id === id)?.isDelegate).toBe(true);
      if (vote.content.kind === 'motion' || vote.content.kind === 'poll') {
        expect(Object.values(tally).reduce<number>((n, c) => n + (c as number), 0)).toBe(turnout);
      }
    }
    expect(votes.filter((v) => v.status === 'published').every((v) => v.closesAt > now)).toBe(true);
  });
});
