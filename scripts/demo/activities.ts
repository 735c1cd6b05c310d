/**
 * Demo activities for `npm start`, taken from the kinds in the union plans (../shared/seeds):
 * a table-tennis contest, a movie night, a one-day tour for retired staff, a 三八 event for women,
 * a health check, and a draft. Dates are relative to the day the demo is seeded, in Shanghai time.
 */
import type { Activity, ActivityDraft } from '../../types/activity';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;

/** `days` from today at hh:mm Shanghai time. */
const at = (now: number, days: number, hour: number, minute = 0) =>
  Math.floor((now + SHANGHAI) / DAY) * DAY - SHANGHAI + days * DAY + hour * HOUR + minute * 60 * 1000;

const options = (...labels: string[]) => labels.map((label, i) => ({ id: `o${i + 1}`, label }));

function drafts(now: number): Array<ActivityDraft & { status: Activity['status'] }> {
  return [
    {
      status: 'published',
      title: '教工乒乓球比赛',
      category: 'sports',
      description: '分男子单打、女子单打和混合双打，每人最多报两项。比赛用球由工会提供，请自备球拍。',
      place: '学校体育馆二楼',
      signupOpensAt: at(now, -2, 8),
      signupDeadline: at(now, 5, 18),
      startAt: at(now, 9, 15, 30),
      endAt: at(now, 9, 18),
      capacity: 40,
      cancelRule: 'untilDeadline',
      audience: { statuses: ['active'] },
      companionsMax: 0,
      choices: [{ id: 'events', kind: 'multi', label: '参赛项目', required: true, max: 2, options: options('男子单打', '女子单打', '混合双打') }],
    },
    {
      status: 'published',
      title: '工会观影日：本月新片',
      category: 'culture',
      description: '工会包场观影，可带家属。请选择场次，影院门口凭报名信息入场。',
      place: '万达影城 5 号厅',
      signupOpensAt: at(now, -3, 8),
      signupDeadline: at(now, 3, 12),
      startAt: at(now, 4, 19),
      endAt: at(now, 4, 21, 30),
      capacity: 120,
      cancelRule: 'untilDeadline',
      audience: {},
      companionsMax: 2,
      choices: [{ id: 'session', kind: 'single', label: '场次', required: true, options: options('周五晚 19:00', '周六下午 14:30') }],
    },
    {
      status: 'published',
      title: '退休教师秋季一日游',
      category: 'outing',
      description: '游览五桂山，中午农家菜。可带一位家属同行，学校安排大巴接送。',
      place: '五桂山（学校正门集合）',
      signupOpensAt: at(now, -5, 8),
      signupDeadline: at(now, 6, 17),
      startAt: at(now, 12, 8),
      endAt: at(now, 12, 17),
      capacity: 30,
      cancelRule: 'untilDeadline',
      audience: { statuses: ['retired'] },
      companionsMax: 1,
      choices: [
        { id: 'bus', kind: 'yesno', label: '需要乘坐大巴', required: false },
        { id: 'diet', kind: 'text', label: '饮食禁忌', required: false },
      ],
    },
    {
      status: 'published',
      title: '女教工插花沙龙',
      category: 'festival',
      description: '女职工委员会组织，花材由工会准备。',
      place: '图书馆多功能厅',
      signupOpensAt: at(now, -1, 8),
      signupDeadline: at(now, 8, 12),
      startAt: at(now, 10, 16),
      endAt: at(now, 10, 17, 30),
      capacity: 25,
      cancelRule: 'untilDeadline',
      audience: { genders: ['female'] },
      companionsMax: 0,
      choices: [],
    },
    {
      status: 'published',
      title: '教职工年度健康体检',
      category: 'health',
      description: '请空腹前往。选择时段后不可取消，如需调整请联系工会。',
      place: '市人民医院体检中心',
      signupOpensAt: at(now, -7, 8),
      signupDeadline: at(now, 14, 17),
      startAt: at(now, 20, 7, 30),
      endAt: at(now, 20, 11, 30),
      capacity: null,
      cancelRule: 'none',
      audience: {},
      companionsMax: 0,
      choices: [{ id: 'slot', kind: 'single', label: '体检时段', required: true, options: options('7:30–9:00', '9:00–10:30', '10:30–11:30') }],
    },
    {
      status: 'draft',
      title: '教工气排球赛（草稿）',
      category: 'sports',
      description: '以年级组为单位组队。',
      place: '学校排球场',
      signupOpensAt: at(now, 7, 8),
      signupDeadline: at(now, 21, 17),
      startAt: at(now, 28, 15, 30),
      endAt: at(now, 28, 18),
      capacity: 60,
      cancelRule: 'untilDeadline',
      audience: { statuses: ['active'] },
      companionsMax: 0,
      choices: [],
    },
  ];
}

export function buildDemoActivities(now: number, createdBy: string): Activity[] {
  return drafts(now).map((draft, i) => ({ _id: `demo-a${i + 1}`, ...draft, taken: 0, waiting: 0, checkedIn: 0, createdBy, createdAt: now, updatedAt: now }));
}
