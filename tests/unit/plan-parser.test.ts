import { chineseNumber, parsePlan } from '../../cloudfunctions/api/src/domain/plan-parser';
import { seedPlan as plan } from '../fixtures/seed-plans';

const shape = (text: string) => parsePlan(text).months.map((m) => [m.month, m.items.length]);

describe('the seed’s plans', () => {
  it('plan 1: eleven months, every item, the first on the month’s own line', () => {
    expect(shape(plan(1))).toEqual([[1, 4], [2, 7], [3, 8], [4, 5], [5, 4], [6, 4], [7, 3], [9, 6], [10, 8], [11, 5], [12, 5]]);
    const parsed = parsePlan(plan(1));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.months[0].items[0].text).toBe('制定好新年工会活动计划。');
    expect(parsed.months[11 - 1 - 1].items.at(-1)?.text).toBe('教工排球赛。');
    expect(parsed.months.at(-1)?.items.at(-1)?.text).toBe('组织好车辆送教职工回乡探亲,送至飞机场、火车站、码头等地。');
  });

  it('plan 2: only the months of 具体工作安排, with ⑴ and (1) alike, not the numbered prose before', () => {
    expect(shape(plan(2))).toEqual([[1, 2], [2, 3], [3, 5], [4, 5], [5, 4], [6, 3]]);
    const parsed = parsePlan(plan(2));
    expect(parsed.months[2].items.map((i) => i.text)).toEqual(['组织教师参加“三.八”庆祝活动', '开展“我为教育创新献一计”活动', '建立教师子女上学情况档案。家长学校档案', '部分教师外出培训', '教学展示课活动']);
    // The signature 「__年2月」 after the last item is not a month, nor part of an item.
    expect(parsed.months.at(-1)?.items.at(-1)?.text).toBe('召开家长代表座谈会');
    expect(parsed.warnings).toEqual([]);
  });

  it('plan 4: a school year from 九月, with 十月 twice, which the chair is warned about', () => {
    expect(shape(plan(4))).toEqual([[9, 3], [10, 2], [10, 1], [12, 3]]);
    expect(parsePlan(plan(4)).warnings).toEqual([{ line: expect.any(Number), message: expect.stringMatching(/^10月出现了两次/) }]);
  });

  it.each([3, 5, 6, 7, 8])('plan %i has no month-by-month schedule, and nothing is made up', (n) => {
    expect(parsePlan(plan(n)).months).toEqual([]);
  });
});

describe('other styles', () => {
  it('reads 3月 headings, 1. numbering and items that run over lines', () => {
    const text = ['2026年工会工作安排', '3月', '1. 组织“三八”妇女节活动，', '   具体方案另行通知', '2. 教职工趣味运动会', '4月份：', '1. 春季登山活动'].join('\n');
    expect(parsePlan(text).months).toEqual([
      { month: 3, line: 2, items: [{ text: '组织“三八”妇女节活动，具体方案另行通知', line: 3 }, { text: '教职工趣味运动会', line: 5 }] },
      { month: 4, line: 6, items: [{ text: '春季登山活动', line: 7 }] },
    ]);
  });

  it('reads numbered month headings, ① items and 2026年9月', () => {
    const text = ['四、活动安排', '（一）九月份工作', '①庆祝教师节', '②新教师座谈会', '2026年10月：', '①教职工体检', '五、保障措施', '1、加强组织领导'].join('\n');
    expect(shape(text)).toEqual([[9, 2], [10, 1]]);
  });

  it('ends the months at the next part of the plan (一、 after numbered items)', () => {
    const text = ['十一月：1、排球赛', '2、读书交流会', '三、工作要求', '1、各小组要认真落实'].join('\n');
    expect(parsePlan(text).months).toEqual([{ month: 11, line: 1, items: [{ text: '排球赛', line: 1 }, { text: '读书交流会', line: 2 }] }]);
  });

  it('takes unnumbered months one line per item, and ignores a month inside a sentence', () => {
    const text = ['【五月】', '五一劳动节慰问', '教工羽毛球赛', '本年度3月份,工会成立了读书会。'].join('\n');
    expect(shape(text)).toEqual([[5, 3]]);
    expect(shape('3月份,我局成立了信息公开领导小组。')).toEqual([]);
  });

  it('warns about an empty month, a month out of order, and a very long item', () => {
    const text = ['二月：', '五月：', '1、' + '长'.repeat(301), '三月：', '1、植树'].join('\n');
    const messages = parsePlan(text).warnings.map((w) => w.message);
    expect(messages).toEqual(['2月下面没有找到工作条目', '5月有一条很长的条目（301 字），可能混入了说明文字，请检查', '3月排在5月后面，请确认月份顺序']);
  });

  it('returns nothing for text that is not a plan', () => {
    expect(parsePlan('').months).toEqual([]);
    expect(parsePlan('今天天气很好。\n我们去公园。').months).toEqual([]);
  });
});

it('chineseNumber reads 一 … 十二', () => {
  expect(['一', '九', '十', '十一', '十二', '二十', '十三'].map(chineseNumber)).toEqual([1, 9, 10, 11, 12, 20, 13]);
  expect(chineseNumber('月')).toBeNull();
});
