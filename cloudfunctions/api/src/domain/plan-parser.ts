/**
 * Reads a union's annual work plan (工作计划) as people write it: months as headings (一月份、九月、
 * 3月、3月份、2026年3月、【三月】), each with numbered items (1、 1. ⑴ (1) （1） ① 一、 - •), items
 * that run over several lines, and prose around them that is not a month's item (aims, measures,
 * signatures) which is left out. Pure: no I/O, so the chair's preview and the tests see the same thing.
 */

export interface PlanItemDraft {
  text: string;
  /** 1-based line in the pasted text where the item starts. */
  line: number;
}

export interface PlanMonthDraft {
  /** 1–12 */
  month: number;
  line: number;
  items: PlanItemDraft[];
}

export interface PlanWarning {
  line: number;
  message: string;
}

export interface ParsedPlan {
  months: PlanMonthDraft[];
  warnings: PlanWarning[];
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 〇: 0, 零: 0 };

/** 一…十二 (also 十一, 十二) as a number; null when it is not one. */
export function chineseNumber(text: string): number | null {
  if (!/^[一二三四五六七八九十]{1,3}$/.test(text)) return null;
  if (text === '十') return 10;
  if (text.startsWith('十')) return 10 + CN_DIGITS[text[1]];
  if (text.endsWith('十')) return CN_DIGITS[text[0]] * 10;
  if (text.length === 3 && text[1] === '十') return CN_DIGITS[text[0]] * 10 + CN_DIGITS[text[2]];
  return text.length === 1 ? CN_DIGITS[text] : null;
}

const MONTH_WORD = '(十[一二]|[一二三四五六七八九十]|1[0-2]|0?[1-9])';
/**
 * A month heading at the start of a line: optional numbering or brackets, an optional year, the
 * month, 份, then a separator, the end of the line, or words like 工作/安排/活动 and a separator.
 * "3月份,我局成立了…" (a month inside a sentence) is not a heading.
 */
const MONTH_HEADING = new RegExp(
  `^(?:[一二三四五六七八九十]{1,3}[、.．]\\s*|[（(][一二三四五六七八九十\\d]{1,3}[)）]\\s*|\\d{1,2}[、.．]\\s*)?[【\\[〔]?\\s*(?:(?:\\d{4}|二〇[一二三四五六七八九〇零]{2})\\s*年\\s*)?${MONTH_WORD}\\s*月份?\\s*[】\\]〕]?\\s*(?:(?:工作|活动|安排|工作安排|活动安排|计划|重点工作)\\s*)?(?:[:：、]\\s*|\\s+|$)`,
);

type NumberStyle = 'arabic' | 'circled' | 'chinese' | 'bullet';

/** An item's numbering at the start of a line, its style, and the text after it. */
const NUMBERINGS: Array<[RegExp, NumberStyle]> = [
  [/^[（(]\s*\d{1,2}\s*[)）]\s*/, 'arabic'],
  [/^[⑴-⒇]\s*/, 'arabic'],
  [/^\d{1,2}\s*(?:[、．]|\.(?!\d))\s*/, 'arabic'],
  [/^\d{1,2}\s*[)）]\s*/, 'arabic'],
  [/^[①-⑳]\s*/, 'circled'],
  [/^[（(][一二三四五六七八九十]{1,3}[)）]\s*/, 'chinese'],
  [/^[一二三四五六七八九十]{1,3}\s*[、．.]\s*/, 'chinese'],
  [/^[-•·●▪◆■*]\s*/, 'bullet'],
];

function numbering(line: string): { style: NumberStyle; rest: string } | null {
  for (const [pattern, style] of NUMBERINGS) {
    const match = pattern.exec(line);
    if (match) return { style, rest: line.slice(match[0].length) };
  }
  return null;
}

/** A date or signature line ("__年2月", "2026年9月1日", "XX中学工会") ends a plan's months. */
const SIGNATURE = /^(?:_+|\d{2,4}|二〇.{2})?\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?$|^\d{4}[-./]\d{1,2}(?:[-./]\d{1,2})?$/;
/** A title such as "2023工会年度工作计划篇2" or "…工作计划" on its own line. */
const TITLE = /(?:工作)?计划\s*(?:篇\s*\d+)?$|^第[一二三四五六七八九十\d]+(?:篇|部分)/;

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
const LONG_ITEM = 300;

export function parsePlan(text: string): ParsedPlan {
  const months: PlanMonthDraft[] = [];
  const warnings: PlanWarning[] = [];
  let current: PlanMonthDraft | null = null;
  /** The numbering style of the current month's items; null while it has none. */
  let style: NumberStyle | 'plain' | null = null;

  const startMonth = (month: number, line: number) => {
    current = { month, line, items: [] };
    months.push(current);
    style = null;
  };
  const addItem = (content: string, line: number) => {
    const item = clean(content.replace(/[；;。]+$/, (m) => (m.includes('。') ? '。' : '')));
    if (item) current!.items.push({ text: item, line });
  };
  const endMonths = () => {
    current = null;
    style = null;
  };

  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.replace(/[\u3000\t]/g, ' ').trim();
    if (!line) return;

    const heading = MONTH_HEADING.exec(line);
    if (heading) {
      const token = heading[1];
      const month = /\d/.test(token) ? Number(token) : chineseNumber(token);
      if (month && month >= 1 && month <= 12) {
        startMonth(month, lineNo);
        const rest = line.slice(heading[0].length).trim();
        if (rest) {
          const numbered = numbering(rest);
          style = numbered?.style ?? 'plain';
          addItem(numbered ? numbered.rest : rest, lineNo);
        }
        return;
      }
    }
    if (!current) return; // prose before the first month, or after the months ended
    const month: PlanMonthDraft = current;

    if (SIGNATURE.test(line)) return endMonths();

    const numbered = numbering(line);
    if (numbered) {
      // A top-level 一、 heading after arabic-numbered items starts the next part of the plan.
      if (numbered.style === 'chinese' && style !== null && style !== 'chinese' && style !== 'plain') return endMonths();
      style ??= numbered.style;
      addItem(numbered.rest, lineNo);
      return;
    }
    if (TITLE.test(line) && line.length <= 40) return endMonths();
    if (style === null || style === 'plain') {
      // Unnumbered months list one item per line.
      style = 'plain';
      addItem(line, lineNo);
      return;
    }
    // A line without a number continues the item above it.
    const last = month.items[month.items.length - 1];
    if (last) last.text = clean(`${last.text}${/[\u4e00-\u9fff，。、；：）)”]$/.test(last.text) ? '' : ' '}${line}`);
  });

  const seen = new Map<number, number>();
  for (const m of months) {
    const label = `${m.month}月`;
    if (seen.has(m.month)) warnings.push({ line: m.line, message: `${label}出现了两次（第 ${seen.get(m.month)} 行和第 ${m.line} 行），请确认是否写错了月份` });
    else seen.set(m.month, m.line);
    if (m.items.length === 0) warnings.push({ line: m.line, message: `${label}下面没有找到工作条目` });
    for (const item of m.items) {
      if (item.text.length > LONG_ITEM) warnings.push({ line: item.line, message: `${label}有一条很长的条目（${item.text.length} 字），可能混入了说明文字，请检查` });
    }
  }
  // Plans run by calendar year (1→12) or by school year (9→12, then 1→8): anything else is suspicious.
  for (let i = 1; i < months.length; i += 1) {
    const [before, after] = [months[i - 1].month, months[i].month];
    const wraps = before >= 7 && after <= 8 && after < before;
    if (after < before && !wraps) warnings.push({ line: months[i].line, message: `${after}月排在${before}月后面，请确认月份顺序` });
  }
  return { months, warnings };
}
