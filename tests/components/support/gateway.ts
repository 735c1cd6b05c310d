/**
 * A stand-in for src/gateway/cloud.ts: each test says what every action answers, and the pages
 * run unchanged against it. Errors are the real CloudCallError, so `instanceof` in the pages holds.
 *
 *   jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
 *   answer({ 'roster.list': [aMember()], 'member.setRoles': failure('LAST_CHAIR') });
 */
import type { ActionInput, ActionName, ActionOutput } from '../../../types/actions';
import { ERROR_MESSAGES, type ErrorCode } from '../../../types/errors';
import type * as Gateway from '../../../src/gateway/cloud';

const actual = jest.requireActual<typeof Gateway>('../../../src/gateway/cloud');
export const { CloudCallError } = actual;

export type Answer<A extends ActionName> =
  | ActionOutput<A>
  | InstanceType<typeof CloudCallError>
  | ((input: ActionInput<A>) => ActionOutput<A> | Promise<ActionOutput<A>>);
export type Answers = { [A in ActionName]?: Answer<A> };

export const call = jest.fn(async (action: ActionName, input: unknown): Promise<unknown> => {
  if (!(action in answers)) throw new CloudCallError('INTERNAL', `测试没有为 ${action} 准备回答`);
  const reply = answers[action] as unknown;
  if (reply instanceof CloudCallError) throw reply;
  return typeof reply === 'function' ? (reply as (input: unknown) => unknown)(input) : JSON.parse(JSON.stringify(reply));
});
export const pickFile = jest.fn<ReturnType<typeof Gateway.pickFile>, Parameters<typeof Gateway.pickFile>>();
/** Platform helpers: by default the document opens and nobody is asked about subscriptions. */
export const openDocument = jest.fn<ReturnType<typeof Gateway.openDocument>, Parameters<typeof Gateway.openDocument>>(async () => undefined);
export const requestSubscribe = jest.fn<ReturnType<typeof Gateway.requestSubscribe>, Parameters<typeof Gateway.requestSubscribe>>(async () => ({}));

/** The n-th owner token `randomToken` hands out in a test (from 1): 43 characters, as the real ones. */
export const testToken = (n: number): string => `testtoken${String(n).padStart(4, '0')}`.padEnd(43, 'x');
let tokensMade = 0;
/** Owner tokens for anonymous suggestions: testToken(1), testToken(2), … in each test. */
export const randomToken = jest.fn<ReturnType<typeof Gateway.randomToken>, Parameters<typeof Gateway.randomToken>>(async () => testToken(++tokensMade));

/** The phone number's code, as the local cloud would hand it (a test may script a refusal instead). */
export const phoneCode = jest.fn<ReturnType<typeof Gateway.phoneCode>, Parameters<typeof Gateway.phoneCode>>(async () => ({ code: 'phone-code-1' }));
/** WeChat's privacy guide shown again: by default the person agrees. */
export const agreePrivacy = jest.fn<ReturnType<typeof Gateway.agreePrivacy>, Parameters<typeof Gateway.agreePrivacy>>(async () => true);

let answers: Answers = {};

/** Sets what each action answers from now on (replacing earlier answers for the same actions). */
export function answer(next: Answers): void {
  answers = { ...answers, ...next };
}

/** The error the server answers with this code, with its real Chinese message. */
export const failure = (code: ErrorCode): InstanceType<typeof CloudCallError> => new CloudCallError(code, ERROR_MESSAGES[code]);

/** The inputs of every call made to one action, in order. */
export const callsTo = <A extends ActionName>(action: A): Array<ActionInput<A>> =>
  call.mock.calls.filter(([name]) => name === action).map(([, input]) => input as ActionInput<A>);

/** The module jest.mock returns in place of the gateway. */
export const gatewayModule = (): Partial<typeof Gateway> => ({
  CloudCallError,
  call: call as unknown as typeof Gateway.call,
  pickFile,
  openDocument,
  requestSubscribe,
  randomToken,
  phoneButton: 'browser',
  phoneCode,
  agreePrivacy,
  PRIVACY_REFUSED_MESSAGE: actual.PRIVACY_REFUSED_MESSAGE,
  // The real one: it only asks Taro (spied) to open the binding page.
  openBinding: actual.openBinding,
});

beforeEach(() => {
  answers = {};
  call.mockClear();
  pickFile.mockReset();
  openDocument.mockClear();
  requestSubscribe.mockClear();
  tokensMade = 0;
  phoneCode.mockReset();
  phoneCode.mockImplementation(async () => ({ code: 'phone-code-1' }));
  agreePrivacy.mockReset();
  agreePrivacy.mockImplementation(async () => true);
  randomToken.mockReset();
  randomToken.mockImplementation(async () => testToken(++tokensMade));
});
