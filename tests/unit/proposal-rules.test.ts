import { abilities, afterRating, currentSession, isOverdue, submitBlocker } from '../../cloudfunctions/api/src/domain/proposal-rules';
import { buildReport } from '../../cloudfunctions/api/src/domain/proposal-report';
import type { Member } from '../../types/member';
import type { CongressSession, Proposal } from '../../types/proposal';

const T = Date.UTC(2026, 10, 26);
const DAY = 86_400_000;
const session: CongressSession = { _id: 's1', name: '第十二届教代会第二次会议', proposalOpensAt: T - DAY, proposalClosesAt: T + DAY, minCoSigners: 2, createdAt: 0, updatedAt: 0 };
const member = (id: string, extra: Partial<Member> = {}) => ({ _id: id, name: id, roles: [], isDelegate: true, ...extra }) as unknown as Member;

function proposal(extra: Partial<Proposal> = {}): Proposal {
  return {
    _id: 'p1', sessionId: 's1', title: '案由', reasons: '案据', measures: '措施', category: 'welfare', status: 'seeking',
    proposerId: 'P', proposerName: 'P', coSigners: {}, round: 1, replies: [], ratings: {}, history: [], createdAt: T, updatedAt: T, ...extra,
  };
}
const signed = (...ids: string[]) => Object.fromEntries(ids.map((id) => [id, { name: id, state: 'signed' as const, invitedAt: T }]));

describe('submitBlocker', () => {
  it('counts the co-signers still needed, and the window', () => {
    expect(submitBlocker(proposal({ status: 'draft' }), session, T)).toBe('请先邀请附议人');
    expect(submitBlocker(proposal({ coSigners: signed('A') }), session, T)).toBe('还需 1 位代表附议');
    expect(submitBlocker(proposal({ coSigners: signed('A', 'B') }), session, T)).toBeNull();
    expect(submitBlocker(proposal({ coSigners: signed('A', 'B') }), session, T + DAY)).toBe('现在不在提案征集时间内');
  });
});

describe('afterRating', () => {
  const rated = (ratings: Record<string, 'satisfied' | 'basically' | 'unsatisfied'>) =>
    proposal({ status: 'replied', coSigners: signed('A', 'B'), ratings: { 1: Object.fromEntries(Object.entries(ratings).map(([id, rating]) => [id, { rating, name: id, at: T }])) } });
  it('reopens on any 不满意, closes when all rated, else waits', () => {
    expect(afterRating(rated({ P: 'satisfied', A: 'unsatisfied' }))).toBe('reopen');
    expect(afterRating(rated({ P: 'satisfied', A: 'basically' }))).toBe('wait');
    expect(afterRating(rated({ P: 'satisfied', A: 'basically', B: 'satisfied' }))).toBe('close');
  });
});

describe('abilities', () => {
  const departments = [{ _id: 'd1', name: '总务处', handlerIds: ['H'], createdAt: 0, updatedAt: 0 }];
  const assignment = { leadId: 'd1', leadName: '总务处', helperIds: [], helperNames: [], deadline: T + DAY };
  it('gives each person only their own part', () => {
    const p = proposal({ status: 'assigned', assignment, coSigners: signed('A', 'B') });
    expect(abilities(p, session, member('H', { isDelegate: false }), departments, T).reply).toBe(true);
    expect(abilities(p, session, member('A'), departments, T).reply).toBe(false);
    expect(abilities(p, session, member('C', { roles: ['proposalCommittee'] }), departments, T).assign).toBe(true);
    expect(abilities(proposal({ status: 'replied', coSigners: signed('A') }), session, member('A'), departments, T).rate).toBe(true);
  });
  it('marks a reply overdue only while it is due', () => {
    expect(isOverdue(proposal({ status: 'assigned', assignment }), T + 2 * DAY)).toBe(true);
    expect(isOverdue(proposal({ status: 'replied', assignment }), T + 2 * DAY)).toBe(false);
  });
});

it('currentSession prefers the open window, then the next one', () => {
  const later = { ...session, _id: 's2', proposalOpensAt: T + 10 * DAY, proposalClosesAt: T + 20 * DAY };
  expect(currentSession([later, session], T)?._id).toBe('s1');
  expect(currentSession([later, session], T + 5 * DAY)?._id).toBe('s2');
  expect(currentSession([], T)).toBeNull();
});

it('the report counts only what reached the committee', () => {
  const report = buildReport(session, [
    proposal({ status: 'draft' }),
    proposal({ _id: 'p2', status: 'rejected' }),
    proposal({ _id: 'p3', status: 'closed', number: 1, category: 'teaching', assignment: { leadId: 'd1', leadName: '总务处', helperIds: [], helperNames: [], deadline: T }, replies: [{ round: 1, text: '已办', departmentName: '总务处', byName: 'H', at: T }], ratings: { 1: { P: { rating: 'satisfied', name: 'P', at: T } } } }),
  ]);
  expect(report.total).toBe(2);
  expect(report.byStatus).toEqual([{ status: 'closed', count: 1 }, { status: 'rejected', count: 1 }]);
  expect(report.accepted).toEqual([expect.objectContaining({ _id: 'p3', reply: '已办', satisfaction: { satisfied: 1, basically: 0, unsatisfied: 0 } })]);
});
