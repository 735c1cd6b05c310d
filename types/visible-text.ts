/**
 * Whether text shows on a phone as what it is. A name or a title made only of zero-width spaces,
 * soft hyphens, direction marks, fillers or lone combining marks looks empty (or like another one);
 * marks stacked by the dozen spill over the lines around them.
 *
 * Plain code-point ranges, not `\p{…}` in a regular expression: older iPhones' JavaScript lacks
 * Unicode property escapes, and transpiled they would weigh kilobytes in the main package.
 */
type Ranges = ReadonlyArray<readonly [number, number]>;

/** Code points that draw nothing by themselves: spaces, controls, format characters, fillers. */
const BLANK: Ranges = [
  [0x0000, 0x0020], [0x007f, 0x00a0], [0x00ad, 0x00ad], [0x061c, 0x061c], [0x115f, 0x1160], [0x1680, 0x1680],
  [0x17b4, 0x17b5], [0x180b, 0x180f], [0x2000, 0x200f], [0x2028, 0x202f], [0x205f, 0x206f], [0x2800, 0x2800],
  [0x3000, 0x3000], [0x3164, 0x3164], [0xfe00, 0xfe0f], [0xfeff, 0xfeff], [0xffa0, 0xffa0], [0xfff0, 0xfff8],
  [0x1bca0, 0x1bca3], [0x1d173, 0x1d17a], [0xe0000, 0xe0fff],
];

/** Combining marks: each sits on the character before it (Latin, Cyrillic, Hebrew, Arabic, Thai, symbols). */
const MARKS: Ranges = [
  [0x0300, 0x036f], [0x0483, 0x0489], [0x0591, 0x05bd], [0x0610, 0x061a], [0x064b, 0x065f], [0x0e31, 0x0e31],
  [0x0e34, 0x0e3a], [0x0e47, 0x0e4e], [0x1ab0, 0x1aff], [0x1dc0, 0x1dff], [0x20d0, 0x20ff], [0xfe20, 0xfe2f],
];

/** Most marks one character may carry: Vietnamese stacks two (ệ), a Zalgo title dozens. */
export const MAX_MARKS = 3;

const within = (c: number, ranges: Ranges) => ranges.some(([from, to]) => c >= from && c <= to);

/** At least one character that draws something. */
export function hasVisibleChar(text: string): boolean {
  for (let i = 0; i < text.length; ) {
    const c = text.codePointAt(i)!;
    if (!within(c, BLANK) && !within(c, MARKS)) return true;
    i += c > 0xffff ? 2 : 1;
  }
  return false;
}

/** The longest run of combining marks in the text. */
export function longestMarkRun(text: string): number {
  let run = 0;
  let longest = 0;
  for (let i = 0; i < text.length; ) {
    const c = text.codePointAt(i)!;
    run = within(c, MARKS) ? run + 1 : 0;
    longest = Math.max(longest, run);
    i += c > 0xffff ? 2 : 1;
  }
  return longest;
}

/**
 * Invisible characters that can only make one name look like another (zero-width spaces, word
 * joiners, soft hyphens, direction marks, BOM). A single line drops them; the zero-width joiners
 * that build emoji and some scripts stay.
 */
const LOOK_ALIKE = /[\u00ad\u061c\u180e\u200b\u200e\u200f\u2060-\u2064\ufeff]/g;
export const dropLookAlikes = (text: string): string => text.replace(LOOK_ALIKE, '');
