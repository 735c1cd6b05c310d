import { ACTIONS, isActionName, type ActionName, type ActionOutput, type ActionParsed } from '../../../../types/actions';
import type { Envelope } from '../../../../types/envelope';
import { ERROR_MESSAGES } from '../../../../types/errors';
import { ActionRequestSchema } from '../../../../types/request';
import { checkAccess, type Caller } from './caller';
import { DomainError } from './domain-error';
import type { MemberIdMasking } from './member-id-masking';
import { parseInput } from './validate';

export type Handler<A extends ActionName> = (input: ActionParsed<A>, caller: Caller) => Promise<ActionOutput<A>>;
/** One handler per action: a missing one is a type error, not a silent no-op. */
export type HandlerTable = { [A in ActionName]: Handler<A> };

export interface DispatchDeps {
  handlers: HandlerTable;
  findMemberByOpenid: (openid: string) => Promise<Caller['member']>;
  log?: (line: string, error?: unknown) => void;
  /** Public member ids in answers to plain members, and back to 工号 in input (lib/member-id-masking.ts). */
  masking?: MemberIdMasking;
}

/** identity → access → validation → domain → envelope, for one request. */
export async function dispatch(event: unknown, openid: string, deps: DispatchDeps): Promise<Envelope<unknown>> {
  let name = '-';
  try {
    const request = parseInput(ActionRequestSchema, event);
    if (!isActionName(request.action)) throw new DomainError('UNKNOWN_ACTION', request.action);
    name = request.action;
    // Only WeChat's own context says who is calling; a call with no OPENID is nobody.
    if (!openid) throw new DomainError('NOT_BOUND');
    const caller: Caller = { openid, member: await deps.findMemberByOpenid(openid) };
    const spec = ACTIONS[request.action];
    checkAccess(caller, spec.access);
    const raw = deps.masking ? await deps.masking.unmaskInput(request.action, request.input, caller) : request.input;
    const input = parseInput(spec.input, raw);
    const handler = deps.handlers[request.action] as Handler<ActionName>;
    const data = await handler(input as never, caller);
    return { ok: true, data: deps.masking ? await deps.masking.maskOutput(request.action, data, caller) : data };
  } catch (error) {
    if (error instanceof DomainError) {
      return { ok: false, code: error.code, message: ERROR_MESSAGES[error.code], ...(error.issues ? { issues: error.issues } : {}) };
    }
    (deps.log ?? console.error)(`[api] ${name} failed`, error);
    return { ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL };
  }
}
