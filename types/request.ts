import * as v from 'valibot';

/**
 * The request function's event: an action name and its input. Anything else is refused.
 * WeChat adds `userInfo` to events from the mini-program; it is allowed but never read
 * (identity comes only from getWXContext).
 */
export const ActionRequestSchema = v.strictObject({
  action: v.pipe(v.string(), v.maxLength(64)),
  input: v.optional(v.unknown()),
  userInfo: v.optional(v.unknown()),
});
