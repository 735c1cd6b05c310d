/**
 * Invisible text (issue 12 §7): names and titles with nothing to see, separators in one-line
 * fields, marks stacked on one character, and the look-alike characters a single line drops.
 */
import * as v from 'valibot';
import { GroupName, PersonName, ShortText, Text, visibleOrEmpty } from '../../types/fields';
import { TeamName } from '../../types/team';
import { ActivityDraftSchema } from '../../types/activity';
import { hasVisibleChar, longestMarkRun, MAX_MARKS } from '../../types/visible-text';
import { parseInput } from '../../cloudfunctions/api/src/lib/validate';
import { DomainError } from '../../cloudfunctions/api/src/lib/domain-error';

const Title = Text('标题', 60, 1);
const Body = Text('正文', 5000);
const ONE_LINE = { PersonName, GroupName, ShortText, TeamName, Title };

/** Each of the characters the hostile test used, and their company. */
const NOTHING_TO_SEE = {
  'zero-width space': '\u200b',
  'zero-width joiners and word joiner': '\u200c\u200d\u2060',
  'line and paragraph separators': '\u2028\u2029',
  'right-to-left and left-to-right marks': '\u200f\u200e\u061c',
  'soft hyphens': '\u00ad\u00ad',
  'next line (NEL)': '\u0085',
  'combining marks with nothing under them': '\u0301\u0308\u0301',
  'BOM': '\ufeff',
  'Hangul fillers': '\u3164\u115f\uffa0',
  'braille blank': '\u2800',
  'variation selector': '\ufe0f',
  'tag characters': '\u{e0041}\u{e0042}',
  'ideographic and no-break spaces inside': '\u200b\u3000\u00a0\u200b',
};

const refusal = (schema: v.GenericSchema, text: string) => {
  const result = v.safeParse(schema, text);
  return result.success ? null : result.issues.map((i) => i.message);
};

describe('what counts as visible', () => {
  it.each(Object.entries(NOTHING_TO_SEE))('%s: nothing to see', (_name, text) => {
    expect(hasVisibleChar(text)).toBe(false);
  });

  it('anything that draws: Chinese, Latin, digits, punctuation, emoji, a letter with its accent', () => {
    for (const text of ['张', 'a', '7', '。', '😀', 'e\u0301', '\u200b张\u200b']) expect(hasVisibleChar(text)).toBe(true);
  });

  it('counts the longest run of stacked marks', () => {
    expect(longestMarkRun('Nguye\u0323\u0302n')).toBe(2); // Nguyễn typed as base + two marks
    expect(longestMarkRun(`Z${'\u0300\u0301\u0302\u0303'.repeat(5)}algo`)).toBe(20);
    expect(longestMarkRun('张三')).toBe(0);
  });
});

describe('every one-line field', () => {
  it.each(Object.keys(ONE_LINE))('%s refuses text with nothing to see, whatever it is made of', (field) => {
    const schema = ONE_LINE[field as keyof typeof ONE_LINE];
    for (const [name, text] of Object.entries(NOTHING_TO_SEE)) {
      const result = v.safeParse(schema, text);
      if (text.trim() === '') {
        // Only what trimming takes (U+2028, U+2029): empty, as spaces alone are; required fields ask to be filled in.
        expect([name, result.success ? result.output : result.issues.map((i) => i.message)]).toEqual([name, schema === ShortText ? '' : [expect.stringMatching(/^请填写/)]]);
        continue;
      }
      expect([name, result.success]).toEqual([name, false]);
      if (!result.success) expect([name, result.issues.some((i) => i.requirement === visibleOrEmpty)]).toEqual([name, true]);
    }
  });

  it.each(Object.keys(ONE_LINE))('%s refuses line and paragraph separators and NEL between words', (field) => {
    const schema = ONE_LINE[field as keyof typeof ONE_LINE];
    for (const separator of ['\u2028', '\u2029', '\u0085', '\n']) expect(refusal(schema, `语文${separator}组`)).toEqual(['含有无法显示的特殊字符，请删除后再试']);
  });

  it.each(Object.keys(ONE_LINE))('%s allows %s marks on a character, and refuses more', (field) => {
    const schema = ONE_LINE[field as keyof typeof ONE_LINE];
    expect(v.safeParse(schema, `Nguye\u0323\u0302n`).success).toBe(true);
    expect(v.safeParse(schema, `a${'\u0301'.repeat(MAX_MARKS)}`).success).toBe(true);
    expect(refusal(schema, `a${'\u0301'.repeat(MAX_MARKS + 1)}`)).toEqual([`一个字上最多叠加 ${MAX_MARKS} 个符号，请删除多余的符号`]);
  });

  it.each(Object.keys(ONE_LINE))('%s drops the look-alike characters around and inside a name, so two names cannot differ only by them', (field) => {
    const schema = ONE_LINE[field as keyof typeof ONE_LINE];
    expect(v.parse(schema, '\u200b 张\u00ad三\u200f\ufeff ')).toBe('张三');
    // Joiners that build emoji stay.
    expect(v.parse(schema, '家庭👨\u200d👩\u200d👧')).toBe('家庭👨\u200d👩\u200d👧');
  });
});

describe('text of several lines', () => {
  it('keeps its lines and its characters, but must still show something and not stack marks', () => {
    expect(v.parse(Body, '第一段\u2028第二段\n\u200b第三段')).toBe('第一段\u2028第二段\n\u200b第三段');
    expect(refusal(Body, '\u200b\u2028\u200b')).toEqual(['没有看得见的文字，请重新填写']);
    expect(v.parse(Body, '')).toBe('');
    expect(refusal(Body, `好${'\u0301'.repeat(10)}`)).toEqual([`一个字上最多叠加 ${MAX_MARKS} 个符号，请删除多余的符号`]);
  });
});

describe('the answer a cloud action gives', () => {
  const draft = {
    title: '\u200b\u200f\u00ad', category: 'sports', description: '', place: '体育馆', signupOpensAt: 0, signupDeadline: 1, startAt: 2, endAt: 3,
    capacity: 10, cancelRule: 'untilDeadline', audience: {}, companionsMax: 0, choices: [],
  };
  const refusedWith = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return error instanceof DomainError ? { code: error.code, issues: error.issues } : error;
    }
    return null;
  };

  it('is TEXT_INVISIBLE, naming the field, when some text has nothing to see', () => {
    expect(refusedWith(() => parseInput(v.strictObject({ draft: ActivityDraftSchema }), { draft }))).toEqual({
      code: 'TEXT_INVISIBLE',
      issues: [{ path: 'draft.title', message: '没有看得见的文字，请重新填写' }],
    });
  });

  it('stays INVALID_INPUT for every other mistake', () => {
    expect(refusedWith(() => parseInput(v.strictObject({ draft: ActivityDraftSchema }), { draft: { ...draft, title: '' } }))).toMatchObject({ code: 'INVALID_INPUT' });
  });
});
