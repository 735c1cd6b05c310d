import { parsePlan } from '../../cloudfunctions/api/src/domain/plan-parser';
import {
  calendarYears,
  defaultTitle,
  draftFromPreview,
  draftProblem,
  itemCount,
  monthLabels,
  newDraftId,
  saveInputOf,
  withItemText,
  withMonthNumber,
  withNewItem,
  withNewMonth,
  withoutItem,
  withoutMonth,
  withTitle,
  withYear,
  type PlanDraft,
} from '../../src/packages/plan/lib/plan-draft';
import type { PlanPreview } from '../../types/plan';
import { seedPlan } from '../fixtures/seed-plans';

const previewOf = (text: string): PlanPreview => ({ ...parsePlan(text), text });

/** A school year: 九月 to 十二月, then 一月 and 二月 of the next year. */
const schoolYear: PlanPreview = {
  text: '',
  warnings: [],
  months: [
    { month: 9, line: 1, items: [{ text: '庆祝教师节', line: 2 }] },
    { month: 12, line: 3, items: [{ text: '迎新年长跑', line: 4 }] },
    { month: 1, line: 5, items: [{ text: '慰问离退休教职工', line: 6 }, { text: '寒假留校教工活动', line: 7 }] },
    { month: 2, line: 8, items: [{ text: '贺岁杯乒乓球赛', line: 9 }] },
  ],
};

const ID = /^[A-Za-z0-9_-]+$/;
const allIds = (draft: PlanDraft) => draft.months.flatMap((m) => [m.key, ...m.items.map((i) => i.id)]);

describe('calendar years', () => {
  it('a calendar-year plan stays in its year', () => {
    expect(calendarYears(2026, [1, 2, 3, 12])).toEqual([2026, 2026, 2026, 2026]);
  });

  it('a plan from 九月 wraps into the next year once the months go back', () => {
    expect(calendarYears(2026, [9, 10, 11, 12, 1, 2, 7])).toEqual([2026, 2026, 2026, 2026, 2027, 2027, 2027]);
    expect(calendarYears(2026, [10, 12, 3])).toEqual([2026, 2026, 2027]);
  });

  it('a plan that starts before 九月 never wraps, even when out of order', () => {
    expect(calendarYears(2026, [3, 10, 5])).toEqual([2026, 2026, 2026]);
  });

  it('only one wrap counts', () => {
    expect(calendarYears(2026, [9, 1, 12, 2])).toEqual([2026, 2027, 2027, 2027]);
  });

  it('nothing for no months', () => {
    expect(calendarYears(2026, [])).toEqual([]);
  });
});

describe('from the preview to a draft', () => {
  it('plan 1 of the seed: eleven months, every item, fresh unique ids and the default title', () => {
    const draft = draftFromPreview(previewOf(seedPlan(1)), 2026);
    expect(draft.title).toBe('2026年工会工作计划');
    expect(draft.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12]);
    expect(draft.months[0].items[0].text).toBe('制定好新年工会活动计划。');
    expect(itemCount(draft)).toBe(59);
    const ids = allIds(draft);
    expect(new Set(ids).size).toBe(ids.length);
    ids.forEach((id) => expect(id).toMatch(ID));
    expect(monthLabels(draft)[0]).toBe('2026年1月');
    expect(monthLabels(draft).at(-1)).toBe('2026年12月');
  });

  it('a school year shows its later months in the next year', () => {
    expect(monthLabels(draftFromPreview(schoolYear, 2026))).toEqual(['2026年9月', '2026年12月', '2027年1月', '2027年2月']);
  });

  it('ids never repeat, even from a poor random source', () => {
    // Every other id would repeat the one before it.
    let n = 0;
    const poor = () => (Math.floor(n++ / 20) % 50) / 50;
    const draft = draftFromPreview(schoolYear, 2026, poor);
    const ids = allIds(draft);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('editing', () => {
  const base = () => draftFromPreview(schoolYear, 2026);

  it('changing the year moves the default title with it, but not a title the chair wrote', () => {
    expect(withYear(base(), 2025).title).toBe(defaultTitle(2025));
    expect(withYear(withTitle(base(), '2026学年工会工作安排'), 2025).title).toBe('2026学年工会工作安排');
  });

  it('changing a month recomputes the years after it', () => {
    const draft = base();
    // 一月 becomes 十二月: no longer a wrap, so 十二月 stays in 2026 and 二月 wraps to 2027.
    const changed = withMonthNumber(draft, draft.months[2].key, 12);
    expect(monthLabels(changed)).toEqual(['2026年9月', '2026年12月', '2026年12月', '2027年2月']);
  });

  it('items: edit, delete, add; months: delete and add', () => {
    let draft = base();
    const jan = draft.months[2];
    draft = withItemText(draft, jan.key, jan.items[0].id, '春节慰问离退休教职工');
    draft = withoutItem(draft, jan.key, jan.items[1].id);
    draft = withNewItem(draft, jan.key);
    expect(draft.months[2].items.map((i) => i.text)).toEqual(['春节慰问离退休教职工', '']);
    expect(draft.months[2].items[1].id).toMatch(ID);

    draft = withoutMonth(draft, draft.months[1].key);
    expect(draft.months.map((m) => m.month)).toEqual([9, 1, 2]);
    draft = withNewMonth(draft);
    expect(draft.months.map((m) => m.month)).toEqual([9, 1, 2, 3]);
    expect(draft.months[3].items).toEqual([{ id: expect.stringMatching(ID), text: '' }]);
    expect(withNewMonth({ year: 2026, title: 'x', months: [{ key: 'm1', month: 12, items: [] }] }).months[1].month).toBe(1);
    const ids = allIds(draft);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('saving', () => {
  it('sends each month with its calendar year, trimmed items, without blanks or empty months', () => {
    let draft = draftFromPreview(schoolYear, 2026);
    draft = withItemText(draft, draft.months[0].key, draft.months[0].items[0].id, '  庆祝第42个教师节 ');
    draft = withNewItem(draft, draft.months[0].key);
    draft = withoutItem(draft, draft.months[1].key, draft.months[1].items[0].id);
    draft = withTitle(draft, ' 2026学年工会工作计划 ');
    const input = saveInputOf(draft);
    expect(input).toEqual({
      year: 2026,
      title: '2026学年工会工作计划',
      months: [
        { year: 2026, month: 9, items: [{ id: draft.months[0].items[0].id, text: '庆祝第42个教师节' }] },
        { year: 2027, month: 1, items: [{ id: expect.stringMatching(ID), text: '慰问离退休教职工' }, { id: expect.stringMatching(ID), text: '寒假留校教工活动' }] },
        { year: 2027, month: 2, items: [{ id: expect.stringMatching(ID), text: '贺岁杯乒乓球赛' }] },
      ],
    });
  });

  it('plan 4’s 十月 written twice is saved as one 十月 with the items of both', () => {
    const input = saveInputOf(draftFromPreview(previewOf(seedPlan(4)), 2026));
    expect(input.months.map((m) => [m.year, m.month, m.items.length])).toEqual([
      [2026, 9, 3],
      [2026, 10, 3],
      [2026, 12, 3],
    ]);
    expect(input.months[1].items.map((i) => i.text)).toEqual(['教师篮球窗', '参与学校备改检查。', '召开教代会工作会,征求代表对学校工作建设。']);
  });

  it('says what stops a save', () => {
    const draft = draftFromPreview(schoolYear, 2026);
    expect(draftProblem(draft)).toBe('');
    expect(draftProblem(withTitle(draft, ' '))).toBe('请填写计划名称');
    expect(draftProblem(withTitle(draft, '计'.repeat(41)))).toBe('计划名称最多 40 个字');
    expect(draftProblem(withYear(draft, 1999))).toBe('年份不正确');
    const emptied = draft.months.reduce((d, m) => m.items.reduce((dd, i) => withItemText(dd, m.key, i.id, '  '), d), draft);
    expect(draftProblem(emptied)).toBe('计划里没有任何工作条目');
    const jan = draft.months[2];
    expect(draftProblem(withItemText(draft, jan.key, jan.items[1].id, '长'.repeat(301)))).toBe('2027年1月第 2 条太长了（最多 300 字），请删去说明文字或分成几条');
  });
});

describe('ids and paths', () => {
  it('item ids are letters and digits after their prefix, avoiding those taken', () => {
    let n = 0;
    const repeating = () => (n++ < 10 ? 0 : 0.9);
    const first = newDraftId('i', [], () => 0);
    expect(first).toMatch(/^i[A-Za-z0-9]{10}$/);
    expect(newDraftId('i', [first], repeating)).not.toBe(first);
  });
});
