import type { Activity, Choice } from '../../types/activity';
import type { Member } from '../../types/member';
import {
  answerIssues, assertCapacityFits, assertCompanions, assertEditable, cancelRefusal, capacityGrew, checkAnswers, inAudience, monthBounds,
  loweredMaxes, removedAnswers, signupRefusal,
} from '../../cloudfunctions/api/src/domain/activity-rules';
import { splitParticipants, toStanding, type StoredSignup } from '../../cloudfunctions/api/src/domain/activity-view';

const member: Pick<Member, 'status' | 'gender' | 'groupId' | 'isDelegate'> = { status: 'active', gender: 'female', groupId: 'g1', isDelegate: false };
const NOW = Date.UTC(2026, 2, 2, 1, 0);
const open: Pick<Activity, 'status' | 'audience' | 'signupOpensAt' | 'signupDeadline'> = { status: 'published', audience: {}, signupOpensAt: NOW - 1000, signupDeadline: NOW + 1000 };

describe('audience', () => {
  it('matches everyone when empty, and needs every given condition', () => {
    expect(inAudience({}, member)).toBe(true);
    expect(inAudience({ statuses: [], genders: [], groupIds: [] }, member)).toBe(true);
    expect(inAudience({ genders: ['female'], statuses: ['active'] }, member)).toBe(true);
    expect(inAudience({ genders: ['female'], statuses: ['retired'] }, member)).toBe(false);
    expect(inAudience({ groupIds: ['g2', 'g3'] }, member)).toBe(false);
    expect(inAudience({ delegatesOnly: true }, member)).toBe(false);
    expect(inAudience({ delegatesOnly: true }, { ...member, isDelegate: true })).toBe(true);
  });
});

describe('sign-up window', () => {
  it('opens at signupOpensAt and closes after the deadline, for members', () => {
    expect(signupRefusal(open, member, NOW)).toBeNull();
    expect(signupRefusal({ ...open, signupOpensAt: NOW + 3600_000 }, member, NOW)).toEqual({ code: 'SIGNUP_NOT_OPEN', reason: '报名将于 3月2日 10:00 开始' });
    expect(signupRefusal(open, member, NOW + 1001)).toEqual({ code: 'SIGNUP_NOT_OPEN', reason: '报名已截止' });
    expect(signupRefusal(open, member, NOW + 1000)).toBeNull();
  });
  it('lets organisers ignore the window and a closed status, never a draft or a cancelled activity, nor the audience', () => {
    expect(signupRefusal(open, member, NOW + 10_000, { organiser: true })).toBeNull();
    expect(signupRefusal({ ...open, status: 'closed' }, member, NOW, { organiser: true })).toBeNull();
    expect(signupRefusal({ ...open, status: 'closed' }, member, NOW)?.code).toBe('SIGNUP_NOT_OPEN');
    expect(signupRefusal({ ...open, status: 'draft' }, member, NOW, { organiser: true })?.code).toBe('SIGNUP_NOT_OPEN');
    expect(signupRefusal({ ...open, status: 'cancelled' }, member, NOW, { organiser: true })?.code).toBe('SIGNUP_NOT_OPEN');
    expect(signupRefusal({ ...open, audience: { statuses: ['retired'] } }, member, NOW, { organiser: true })?.code).toBe('NOT_IN_AUDIENCE');
  });
  it('allows cancelling until the deadline unless the rule forbids it', () => {
    const a = { status: 'published' as const, cancelRule: 'untilDeadline' as const, signupDeadline: NOW };
    expect(cancelRefusal(a, NOW)).toBeNull();
    expect(cancelRefusal(a, NOW + 1)?.code).toBe('SIGNUP_NOT_OPEN');
    expect(cancelRefusal({ ...a, cancelRule: 'none' }, NOW - 1)?.code).toBe('CANCEL_NOT_ALLOWED');
    expect(cancelRefusal({ ...a, status: 'cancelled' }, NOW - 1)?.code).toBe('SIGNUP_NOT_OPEN');
  });
});

describe('companions', () => {
  it('limits companions per member', () => {
    expect(() => assertCompanions({ companionsMax: 2 }, 2)).not.toThrow();
    expect(() => assertCompanions({ companionsMax: 2 }, 3)).toThrow('COMPANIONS_NOT_ALLOWED');
    expect(() => assertCompanions({ companionsMax: 0 }, 1)).toThrow('这个活动不能携带家属');
  });
});

const choices: Choice[] = [
  { id: 'ev', kind: 'multi', label: '项目', required: true, max: 2, options: [{ id: 'a', label: '跳绳' }, { id: 'b', label: '拔河' }, { id: 'c', label: '接力' }] },
  { id: 'size', kind: 'single', label: '尺码', required: false, options: [{ id: 'm', label: 'M' }, { id: 'l', label: 'L' }] },
  { id: 'bus', kind: 'yesno', label: '乘车', required: true },
  { id: 'note', kind: 'text', label: '备注', required: false },
];

describe('answers', () => {
  it('accepts a valid form and tidies it', () => {
    expect(checkAnswers(choices, { ev: ['a', 'c'], bus: false, note: '  ', size: 'l' })).toEqual({ ev: ['a', 'c'], bus: false, size: 'l' });
  });
  it('names each problem in Chinese', () => {
    expect(answerIssues(choices, {})).toEqual([
      { path: 'answers.ev', message: '请回答「项目」' },
      { path: 'answers.bus', message: '请回答「乘车」' },
    ]);
    expect(answerIssues(choices, { ev: ['a', 'b', 'c'], bus: true })).toEqual([{ path: 'answers.ev', message: '「项目」最多选 2 项' }]);
    expect(answerIssues(choices, { ev: ['z'], bus: true })).toEqual([{ path: 'answers.ev', message: '「项目」没有这个选项' }]);
    expect(answerIssues(choices, { ev: ['a', 'a'], bus: true })).toEqual([{ path: 'answers.ev', message: '「项目」有重复的选项' }]);
    expect(answerIssues(choices, { ev: 'a', bus: true })).toEqual([{ path: 'answers.ev', message: '「项目」的回答格式不正确' }]);
    expect(answerIssues(choices, { ev: ['a'], bus: 'yes', size: 'xl' })).toEqual([
      { path: 'answers.size', message: '「尺码」没有这个选项' },
      { path: 'answers.bus', message: '「乘车」请选择是或否' },
    ]);
    expect(answerIssues(choices, { ev: ['a'], bus: true, shoe: '42' })).toEqual([{ path: 'answers.shoe', message: '报名表里没有这个问题' }]);
    expect(() => checkAnswers(choices, {})).toThrow('ANSWERS_INVALID');
  });
});

describe('edits that would break sign-ups', () => {
  it('finds removed questions, removed options, and questions whose kind changed', () => {
    const [ev, size, bus, note] = choices as [Extract<Choice, { kind: 'multi' }>, Extract<Choice, { kind: 'single' }>, Choice, Choice];
    expect(removedAnswers(choices, choices)).toEqual([]);
    expect(removedAnswers(choices, [{ ...ev, options: ev.options.slice(0, 2) }, size, bus])).toEqual([{ choiceId: 'ev', optionId: 'c' }, { choiceId: 'note' }]);
    expect(removedAnswers(choices, [ev, { ...size, kind: 'multi', max: 2 }, bus, note])).toEqual([{ choiceId: 'size' }]);
    expect(removedAnswers(choices, [...choices, { id: 'new', kind: 'text', label: '新', required: false }])).toEqual([]);
  });
  it('finds multiple-choice questions whose maximum went down', () => {
    const [ev, size, bus, note] = choices as [Extract<Choice, { kind: 'multi' }>, Choice, Choice, Choice];
    expect(loweredMaxes(choices, choices)).toEqual([]);
    expect(loweredMaxes(choices, [{ ...ev, max: ev.max - 1 }, size, bus, note])).toEqual([{ choiceId: 'ev', label: ev.label, max: ev.max - 1 }]);
    expect(loweredMaxes(choices, [{ ...ev, max: ev.max + 1 }, size, bus, note])).toEqual([]);
  });
  it('refuses capacity below what is taken', () => {
    expect(() => assertCapacityFits(5, 6)).toThrow('CAPACITY_BELOW_TAKEN');
    expect(() => assertCapacityFits(6, 6)).not.toThrow();
    expect(() => assertCapacityFits(null, 600)).not.toThrow();
    expect(capacityGrew(5, 6)).toBe(true);
    expect(capacityGrew(5, null)).toBe(true);
    expect(capacityGrew(null, 6)).toBe(false);
    expect(capacityGrew(5, 5)).toBe(false);
  });
  it('keeps cancelled and ended activities as they are', () => {
    expect(() => assertEditable({ status: 'cancelled', endAt: NOW + 1 }, NOW)).toThrow('ACTIVITY_NOT_EDITABLE');
    expect(() => assertEditable({ status: 'published', endAt: NOW - 1 }, NOW)).toThrow('ACTIVITY_NOT_EDITABLE');
    expect(() => assertEditable({ status: 'closed', endAt: NOW }, NOW)).not.toThrow();
  });
});

describe('months and lists', () => {
  it('bounds a month in Shanghai time', () => {
    expect(monthBounds('2026-03')).toEqual([Date.UTC(2026, 1, 28, 16), Date.UTC(2026, 2, 31, 16)]);
    expect(monthBounds('2026-12')).toEqual([Date.UTC(2026, 10, 30, 16), Date.UTC(2026, 11, 31, 16)]);
  });
  it('orders participants by their number of arrival: confirmed by it, waitlist by position over the whole waitlist', () => {
    // The clock times run backwards here: the number decides, not the time.
    const s = (memberId: string, status: StoredSignup['status'], seq: number, groupId = 'g1'): StoredSignup => ({
      _id: `x_${memberId}`, activityId: 'x', memberId, memberName: memberId, groupId, groupName: groupId, companions: 0, seats: 1, answers: {}, status, seq, arrivedAt: 100 - seq,
    });
    const rows = [s('d', 'waitlisted', 5, 'g2'), s('b', 'confirmed', 2), s('e', 'waitlisted', 6), s('a', 'confirmed', 1), s('c', 'cancelled', 0), s('p', 'pending', 0)];
    const all = splitParticipants(rows);
    expect(all.confirmed.map((r) => r.memberId)).toEqual(['a', 'b']);
    expect(all.waitlist.map((r) => [r.memberId, r.waitPosition])).toEqual([['d', 1], ['e', 2]]);
    const g1 = splitParticipants(rows, (r) => r.groupId === 'g1');
    expect(g1.waitlist.map((r) => [r.memberId, r.waitPosition])).toEqual([['e', 2]]);
    expect(toStanding(rows[5])).toBeNull();
    expect(toStanding(rows[0], 3)).toEqual({ status: 'waitlisted', companions: 0, waitPosition: 4 });
  });
});
