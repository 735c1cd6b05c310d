import type { Choice } from '../../types/activity';
import {
  answerLines,
  answersProblem,
  answersToSend,
  answerText,
  audienceText,
  placesLeftText,
  signUpResultText,
  splitByTime,
  standingText,
} from '../../src/lib/activity-format';
import { formatMonthKey, formatTimeRange, monthKeyOf, shanghaiDateText, shanghaiTimeText, shanghaiWallTime, shiftMonth } from '../../src/lib/time';
import { blankForm, draftOf, formOf, newChoice } from '../../src/packages/organiser/lib/draft-form';
import { eventsChoice } from '../components/support/activities';

const events: Choice = eventsChoice;
const size: Choice = { id: 'size', kind: 'single', label: '尺码', required: false, options: [{ id: 'm', label: 'M' }, { id: 'l', label: 'L' }] };
const bus: Choice = { id: 'bus', kind: 'yesno', label: '需要乘车', required: false };
const note: Choice = { id: 'note', kind: 'text', label: '备注', required: false };

describe('places and standing', () => {
  it('says how many places are left, unlimited, or full', () => {
    expect(placesLeftText({ capacity: 20, taken: 17 })).toBe('剩余 3 个名额');
    expect(placesLeftText({ capacity: null, taken: 300 })).toBe('不限名额');
    expect(placesLeftText({ capacity: 20, taken: 20 })).toBe('已满，可候补');
    expect(placesLeftText({ capacity: 20, taken: 21 })).toBe('已满，可候补');
  });
  it('names the member’s standing', () => {
    expect(standingText(null)).toBe('');
    expect(standingText({ status: 'confirmed' })).toBe('已报名');
    expect(standingText({ status: 'confirmed', checkedInAt: 1 })).toBe('已签到');
    expect(standingText({ status: 'waitlisted', waitPosition: 4 })).toBe('候补第 4 位');
    expect(standingText({ status: 'cancelled' })).toBe('已取消');
    expect(signUpResultText({ status: 'confirmed', companions: 1 })).toBe('报名成功');
    expect(signUpResultText({ status: 'waitlisted', companions: 0, waitPosition: 2 })).toBe('已进入候补，第 2 位');
  });
  it('describes the audience', () => {
    expect(audienceText({})).toBe('全体会员');
    expect(audienceText({ statuses: ['retired'], genders: ['female'], groupIds: ['a', 'b'], delegatesOnly: true })).toBe('退休 · 女 · 2 个工会小组 · 教代会代表');
  });
});

describe('answers', () => {
  it('shows option labels, not ids, in the option order', () => {
    expect(answerText(events, ['mixed', 'singles'])).toBe('单打、混双');
    expect(answerText(size, 'l')).toBe('L');
    expect(answerText(bus, true)).toBe('是');
    expect(answerText(bus, false)).toBe('否');
    expect(answerText(note, '素食')).toBe('素食');
    expect(answerText(events, ['gone'])).toBe('');
    expect(answerLines([events, size, bus], { events: ['doubles'], bus: false })).toEqual([
      { question: '参加项目', answer: '双打' },
      { question: '需要乘车', answer: '否' },
    ]);
  });
  it('finds what is wrong before sending', () => {
    expect(answersProblem([events], {})).toBe('请回答「参加项目」');
    expect(answersProblem([events], { events: [] })).toBe('请回答「参加项目」');
    expect(answersProblem([events], { events: ['singles', 'doubles', 'mixed'] })).toBe('「参加项目」最多选 2 项');
    expect(answersProblem([events, { ...bus, required: true }], { events: ['singles'] })).toBe('');
  });
  it('sends only answered questions, trimmed, and every yes/no', () => {
    expect(answersToSend([events, size, bus, note], { events: [], note: ' 素食 ' })).toEqual({ bus: false, note: '素食' });
  });
});

describe('upcoming and past', () => {
  it('lists upcoming soonest first, then past most recent first', () => {
    const at = (id: string, startAt: number) => ({ id, startAt, endAt: startAt + 10 });
    const { upcoming, past } = splitByTime([at('old', 100), at('later', 900), at('soon', 600), at('older', 50)], 500);
    expect(upcoming.map((a) => a.id)).toEqual(['soon', 'later']);
    expect(past.map((a) => a.id)).toEqual(['old', 'older']);
  });
});

describe('Shanghai wall time', () => {
  it('composes epoch ms from a Shanghai date and time, whatever the machine zone', () => {
    expect(shanghaiWallTime('2026-12-05', '14:00')).toBe(Date.UTC(2026, 11, 5, 6, 0));
    expect(shanghaiWallTime('2026-01-01', '00:30')).toBe(Date.UTC(2025, 11, 31, 16, 30));
    expect(shanghaiWallTime('2026-02-30', '08:00')).toBeNaN();
    expect(shanghaiWallTime('2026-12-05', '24:00')).toBeNaN();
    expect(shanghaiWallTime('', '08:00')).toBeNaN();
  });
  it('reads back the same date and time', () => {
    const ms = Date.UTC(2025, 11, 31, 16, 30);
    expect(shanghaiDateText(ms)).toBe('2026-01-01');
    expect(shanghaiTimeText(ms)).toBe('00:30');
    expect(monthKeyOf(ms)).toBe('2026-01');
  });
  it('moves and names months', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(formatMonthKey('2026-03')).toBe('2026年3月');
  });
  it('shows a time range, in full when it spans days', () => {
    const start = Date.UTC(2026, 11, 5, 6, 0);
    expect(formatTimeRange(start, start + 3 * 3600000)).toBe('12月5日 周六 14:00–17:00');
    expect(formatTimeRange(start, start + 24 * 3600000)).toBe('12月5日 周六 14:00–12月6日 周日 14:00');
  });
});

describe('the organiser’s draft', () => {
  const now = Date.UTC(2026, 10, 25, 2, 0);
  it('a blank form with a title is a valid draft a week ahead', () => {
    const result = draftOf({ ...blankForm(now), title: '电影夜' });
    expect(result).toEqual({ ok: true, draft: expect.objectContaining({ title: '电影夜', startAt: Date.UTC(2026, 11, 2, 6, 0), capacity: null, audience: {} }) });
  });
  it('refuses with the schema’s first message', () => {
    const form = { ...blankForm(now), title: '电影夜' };
    expect(draftOf({ ...form, end: { ...form.start, time: '13:00' } })).toEqual({ ok: false, problem: '结束时间不能早于开始时间' });
    expect(draftOf({ ...form, capacity: '0' })).toEqual({ ok: false, problem: '名额至少为 1' });
    expect(draftOf({ ...form, capacity: '' })).toEqual({ ok: false, problem: '请填写名额，或选择不限名额' });
    expect(draftOf({ ...form, title: '  ' })).toEqual({ ok: false, problem: '请填写活动名称' });
    expect(draftOf({ ...form, choices: [newChoice('single')] })).toEqual({ ok: false, problem: '请填写问题' });
  });
  it('round-trips an activity through the form, keeping question and option ids', () => {
    const form = { ...blankForm(now), title: '羽毛球赛', capacity: '20', statuses: ['active' as const], choices: [{ ...newChoice('multi'), label: '项目', options: [{ id: 'a', label: '单打' }, { id: 'b', label: '双打' }] }] };
    const result = draftOf(form);
    if (!result.ok) throw new Error(result.problem);
    const again = draftOf(formOf({ ...result.draft, _id: 'x', status: 'draft', taken: 0, waiting: 0, checkedIn: 0, createdBy: 'T1', createdAt: 0, updatedAt: 0 }));
    expect(again).toEqual(result);
  });
});
