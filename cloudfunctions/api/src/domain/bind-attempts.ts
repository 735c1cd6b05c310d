/** How many binding attempts one WeChat user gets in a window, and how long the window is. */
export const BIND_ATTEMPT_LIMIT = 5;
export const BIND_ATTEMPT_WINDOW_MS = 60 * 60 * 1000;
