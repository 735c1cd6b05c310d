/**
 * Cloud storage security rules (云存储安全规则) for client requests. The cloud applies them to the
 * mini-program's own storage calls (upload, getTempFileURL, downloadFile); the console and cloud
 * functions always have every right. `STORAGE_RULES` is the rule the README's deploy steps set, and
 * the one the local cloud applies to the H5 and weapp stand-in's storage requests.
 *
 * Only what such rules need is understood: `true`, `false`, or comparisons of `auth.openid`,
 * `resource.openid` and `null` with `==` / `!=`, joined by `&&` and `||`. Anything else is refused
 * when the rules are compiled, never silently allowed.
 */
export type StorageRules = { read: boolean | string; write: boolean | string };

/** Only the file's creator may read or overwrite it. */
export const STORAGE_RULES: StorageRules = { read: 'resource.openid == auth.openid', write: 'resource.openid == auth.openid' };

export interface RuleContext {
  /** The openid of the client asking. */
  auth: { openid: string };
  /** Who created the file (null for one a cloud function wrote). For a new file: the asker. */
  resource: { openid: string | null };
}

export type Rule = (context: RuleContext) => boolean;

const OPERANDS = new Map<string, (c: RuleContext) => string | null>([
  ['auth.openid', (c) => c.auth.openid],
  ['resource.openid', (c) => c.resource.openid],
  ['null', () => null],
]);

function operand(token: string): (c: RuleContext) => string | null {
  const read = OPERANDS.get(token);
  if (!read) throw new Error(`storage rule: unsupported operand "${token}"`);
  return read;
}

function comparison(text: string): Rule {
  const match = /^\s*(\S+)\s*(==|!=)\s*(\S+)\s*$/.exec(text);
  if (!match) throw new Error(`storage rule: unsupported expression "${text}"`);
  const [, left, op, right] = match;
  const a = operand(left!);
  const b = operand(right!);
  return op === '==' ? (c) => a(c) === b(c) : (c) => a(c) !== b(c);
}

/** One rule (`read` or `write`) as a predicate. */
export function compileRule(rule: boolean | string): Rule {
  if (typeof rule === 'boolean') return () => rule;
  const any = rule.split('||').map((clause) => clause.split('&&').map(comparison));
  return (c) => any.some((all) => all.every((test) => test(c)));
}

export interface CompiledRules {
  read: Rule;
  write: Rule;
}

export const compileRules = (rules: StorageRules): CompiledRules => ({ read: compileRule(rules.read), write: compileRule(rules.write) });
