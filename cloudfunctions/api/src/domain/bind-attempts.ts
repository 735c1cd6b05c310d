/** How many binding attempts one WeChat user gets in a window, and how long the window is. */
export const BIND_ATTEMPT_LIMIT = 5;
export const BIND_ATTEMPT_WINDOW_MS = 60 * 60 * 1000;

/** A name matches the roster when equal after removing spaces (people type "张 三"). */
export const sameName = (a: string, b: string): boolean => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
