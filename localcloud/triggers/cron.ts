/**
 * The 7-field cron of WeChat cloud timer triggers (Tencent SCF syntax):
 *   second minute hour day-of-month month day-of-week year
 * evaluated in China Standard Time (UTC+8, no daylight saving), which is how the cloud reads it.
 * Supported: numbers, names (JAN-DEC, SUN-SAT), `*`, `?` (day fields), ranges `a-b`, lists `a,b`
 * and steps `*\/n`, `a/n`, `a-b/n`. Day-of-week follows the current SCF documentation: 0 = Sunday.
 * When both day-of-month and day-of-week are restricted, either may match (classic cron "or").
 */
export interface CronSchedule {
  readonly source: string;
  matches(epochMs: number): boolean;
  /** The first whole second strictly after `epochMs` that matches, or null if none before 2100. */
  nextAfter(epochMs: number): number | null;
}

const UTC8_OFFSET_MS = 8 * 3600 * 1000;
const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldSpec {
  label: string;
  min: number;
  max: number;
  names?: string[];
  /** Value of names[0]; months are named from 1. */
  nameBase?: number;
  allowsQuestionMark?: boolean;
}

const FIELDS: FieldSpec[] = [
  { label: 'second', min: 0, max: 59 },
  { label: 'minute', min: 0, max: 59 },
  { label: 'hour', min: 0, max: 23 },
  { label: 'day-of-month', min: 1, max: 31, allowsQuestionMark: true },
  { label: 'month', min: 1, max: 12, names: MONTH_NAMES, nameBase: 1 },
  { label: 'day-of-week', min: 0, max: 6, names: WEEKDAY_NAMES, nameBase: 0, allowsQuestionMark: true },
  { label: 'year', min: 1970, max: 2099 },
];

interface ParsedField {
  values: Set<number>;
  /** `*` or `?`: the field does not restrict (matters for the day-of-month/day-of-week rule). */
  unrestricted: boolean;
}

export class CronSyntaxError extends Error {}

export function parseCron(source: string): CronSchedule {
  const parts = source.trim().split(/\s+/);
  if (parts.length !== 7) {
    throw new CronSyntaxError(`cron "${source}" must have 7 fields (second minute hour day month week year), found ${parts.length}`);
  }
  const [second, minute, hour, dayOfMonth, month, dayOfWeek, year] = parts.map((text, i) => parseField(text, FIELDS[i]!, source));
  const fields = { second: second!, minute: minute!, hour: hour!, dayOfMonth: dayOfMonth!, month: month!, dayOfWeek: dayOfWeek!, year: year! };

  const dayMatches = (t: Date): boolean => {
    const dom = fields.dayOfMonth.values.has(t.getUTCDate());
    const dow = fields.dayOfWeek.values.has(t.getUTCDay());
    if (fields.dayOfMonth.unrestricted && fields.dayOfWeek.unrestricted) return true;
    if (fields.dayOfMonth.unrestricted) return dow;
    if (fields.dayOfWeek.unrestricted) return dom;
    return dom || dow;
  };

  const matches = (epochMs: number): boolean => {
    // Shift into UTC+8 and read the fields with the UTC getters, so the host time zone never matters.
    const t = new Date(epochMs + UTC8_OFFSET_MS);
    return fields.year.values.has(t.getUTCFullYear())
      && fields.month.values.has(t.getUTCMonth() + 1)
      && dayMatches(t)
      && fields.hour.values.has(t.getUTCHours())
      && fields.minute.values.has(t.getUTCMinutes())
      && fields.second.values.has(t.getUTCSeconds());
  };

  const nextAfter = (epochMs: number): number | null => {
    // Walk forward coarse-to-fine: a non-matching year/month/day/hour/minute skips to the start of
    // the next one, so even a yearly schedule is found in a few hundred steps.
    let shifted = Math.floor((epochMs + UTC8_OFFSET_MS) / 1000) * 1000 + 1000;
    for (let guard = 0; guard < 1_000_000; guard++) {
      const t = new Date(shifted);
      const y = t.getUTCFullYear();
      if (y > 2099) return null;
      if (!fields.year.values.has(y)) { shifted = Date.UTC(y + 1, 0, 1); continue; }
      const mo = t.getUTCMonth();
      if (!fields.month.values.has(mo + 1)) { shifted = Date.UTC(y, mo + 1, 1); continue; }
      const d = t.getUTCDate();
      if (!dayMatches(t)) { shifted = Date.UTC(y, mo, d + 1); continue; }
      const h = t.getUTCHours();
      if (!fields.hour.values.has(h)) { shifted = Date.UTC(y, mo, d, h + 1); continue; }
      const mi = t.getUTCMinutes();
      if (!fields.minute.values.has(mi)) { shifted = Date.UTC(y, mo, d, h, mi + 1); continue; }
      if (!fields.second.values.has(t.getUTCSeconds())) { shifted += 1000; continue; }
      return shifted - UTC8_OFFSET_MS;
    }
    return null;
  };

  return { source, matches, nextAfter };
}

function parseField(text: string, spec: FieldSpec, source: string): ParsedField {
  const fail = (why: string): never => {
    throw new CronSyntaxError(`cron "${source}": ${spec.label} field "${text}" ${why}`);
  };
  if (text === '?') {
    if (!spec.allowsQuestionMark) fail('may not be "?" (only day-of-month and day-of-week may)');
    return { values: new Set(rangeSet(spec.min, spec.max, 1)), unrestricted: true };
  }
  const values = new Set<number>();
  for (const item of text.split(',')) {
    if (item === '') fail('has an empty list item');
    const [rangeText, stepText, extra] = item.split('/');
    if (extra !== undefined) fail('has more than one "/"');
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) === 0) fail(`has an invalid step "${stepText}"`);
      step = Number(stepText);
    }
    let from: number;
    let to: number;
    if (rangeText === '*') {
      from = spec.min;
      to = spec.max;
    } else if (rangeText!.includes('-')) {
      const [a, b, more] = rangeText!.split('-');
      if (more !== undefined) fail('has a malformed range');
      from = parseValue(a!, spec, fail);
      to = parseValue(b!, spec, fail);
      if (to < from) fail(`has a backwards range ${rangeText}`);
    } else {
      from = parseValue(rangeText!, spec, fail);
      // "a/n" means "from a to the end, every n"; a plain "a" is just a.
      to = stepText !== undefined ? spec.max : from;
    }
    for (const v of rangeSet(from, to, step)) values.add(v);
  }
  return { values, unrestricted: text === '*' };
}

function parseValue(text: string, spec: FieldSpec, fail: (why: string) => never): number {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (n < spec.min || n > spec.max) fail(`has ${n} outside ${spec.min}-${spec.max}`);
    return n;
  }
  const index = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  if (index < 0 && /^\d*[LW#]/i.test(text)) fail('uses L, W or #, which the local cloud does not support');
  if (index < 0) fail(`has an unknown value "${text}"`);
  return index + (spec.nameBase ?? 0);
}

function rangeSet(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}
