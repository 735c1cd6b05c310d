import type { Activity, ActivityDetail, ActivitySummary, Choice, ParticipantRow, Participants } from '../../../types/activity';

/** 2026-12-05 14:00 in Shanghai, and the times around it. */
export const START = Date.UTC(2026, 11, 5, 6, 0);
const HOUR = 60 * 60 * 1000;

export const eventsChoice: Choice = {
  id: 'events',
  kind: 'multi',
  label: '参加项目',
  required: true,
  max: 2,
  options: [
    { id: 'singles', label: '单打' },
    { id: 'doubles', label: '双打' },
    { id: 'mixed', label: '混双' },
  ],
};
export const busChoice: Choice = { id: 'bus', kind: 'yesno', label: '需要乘车', required: false };
export const sizeChoice: Choice = {
  id: 'size',
  kind: 'single',
  label: 'T恤尺码',
  required: false,
  options: [
    { id: 'm', label: 'M' },
    { id: 'l', label: 'L' },
  ],
};

/** An activity as the server stores it; override what a test cares about. */
export const anActivity = (overrides: Partial<Activity> = {}): Activity => ({
  _id: 'act1',
  title: '教工羽毛球赛',
  category: 'sports',
  description: '分单打、双打、混双三个项目。',
  place: '学校体育馆',
  startAt: START,
  endAt: START + 3 * HOUR,
  signupOpensAt: START - 10 * 24 * HOUR,
  signupDeadline: START - 24 * HOUR,
  capacity: 20,
  cancelRule: 'untilDeadline',
  audience: {},
  companionsMax: 2,
  choices: [eventsChoice, busChoice],
  status: 'published',
  taken: 5,
  waiting: 0,
  checkedIn: 0,
  createdBy: 'T900',
  createdAt: START - 20 * 24 * HOUR,
  updatedAt: START - 20 * 24 * HOUR,
  ...overrides,
});

export const aDetail = (overrides: Partial<ActivityDetail> = {}, activity: Partial<Activity> = {}): ActivityDetail => ({
  activity: anActivity(activity),
  mine: null,
  canSignUp: { ok: true },
  canCancel: false,
  canManage: false,
  ...overrides,
});

export const aSummary = (overrides: Partial<ActivitySummary> = {}): ActivitySummary => {
  const { _id, title, category, place, startAt, endAt, signupDeadline, status, capacity, taken, waiting } = anActivity();
  return { _id, title, category, place, startAt, endAt, signupDeadline, status, capacity, taken, waiting, mine: null, ...overrides };
};

export const aRow = (overrides: Partial<ParticipantRow> = {}): ParticipantRow => ({
  memberId: 'T001',
  memberName: '王老师',
  groupName: '语文组',
  companions: 0,
  answers: {},
  status: 'confirmed',
  arrivedAt: START - 5 * 24 * HOUR,
  ...overrides,
});

export const someParticipants = (overrides: Partial<Participants> = {}): Participants => {
  const { _id, title, capacity, taken, waiting, checkedIn, choices, status } = anActivity();
  return { activity: { _id, title, capacity, taken, waiting, checkedIn, choices, status }, confirmed: [], waitlist: [], scope: 'all', ...overrides };
};
