import { dispatch, type HandlerTable } from '../../cloudfunctions/api/src/lib/dispatch';
import { DomainError } from '../../cloudfunctions/api/src/lib/domain-error';
import { ACTIONS } from '../../types/actions';
import type { Member } from '../../types/member';

const member = (roles: Member['roles'] = []): Member => ({
  _id: 'T001', staffNo: 'T001', name: '张三', gender: 'male', status: 'active', groupId: 'g1', groupName: '语文组',
  roles, isDelegate: false, openid: 'o-1', createdAt: 0, updatedAt: 0,
});

/** Handlers that record what reached them. */
function recordingHandlers() {
  const calls: Array<{ action: string; input: unknown }> = [];
  const handlers = Object.fromEntries(
    Object.keys(ACTIONS).map((action) => [action, async (input: unknown) => { calls.push({ action, input }); return { handled: action }; }]),
  ) as unknown as HandlerTable;
  return { calls, handlers };
}

describe('dispatch', () => {
  const run = (event: unknown, who: Member | null, openid = 'o-1') => {
    const { calls, handlers } = recordingHandlers();
    const log = jest.fn();
    return dispatch(event, openid, { handlers, findMemberByOpenid: async () => who, log }).then((envelope) => ({ envelope, calls, log }));
  };

  it('answers an unknown action with a stable code and reaches no handler', async () => {
    const { envelope, calls } = await run({ action: 'members.dropAll', input: {} }, member(['chair']));
    expect(envelope).toEqual({ ok: false, code: 'UNKNOWN_ACTION', message: '没有这个操作，请更新小程序后再试' });
    expect(calls).toEqual([]);
  });

  it('refuses unknown keys, wrong types and oversized strings before any handler runs', async () => {
    for (const input of [
      { name: '张三', code: '123456', admin: true },
      { name: '张三', staffNo: 'T001' },
      { name: 42, code: '123456' },
      { name: '张'.repeat(33), code: '123456' },
      { name: '张三', code: { $gt: '' } },
      { name: '张三', code: '12345' },
      'not an object',
    ]) {
      const { envelope, calls } = await run({ action: 'me.bind', input }, null);
      expect(envelope).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
      expect(calls).toEqual([]);
    }
    const { envelope } = await run({ action: 'me.bind', input: { name: '张三', code: '123456', admin: true } }, null);
    expect(envelope.ok === false && envelope.issues).toEqual([{ path: 'admin', message: '不认识的字段：admin' }]);
  });

  it('refuses extra keys on the request itself', async () => {
    const { envelope } = await run({ action: 'me.get', input: {}, openid: 'someone-else' }, null);
    expect(envelope).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('applies each action\'s access rule', async () => {
    expect((await run({ action: 'roster.list' }, null)).envelope).toMatchObject({ code: 'NOT_BOUND' });
    expect((await run({ action: 'roster.list' }, member([]))).envelope).toMatchObject({ code: 'FORBIDDEN', message: '你没有权限进行这个操作' });
    expect((await run({ action: 'roster.list' }, member(['committee']))).envelope).toMatchObject({ ok: true });
    expect((await run({ action: 'member.setRoles', input: { memberId: 'T2', roles: [], isDelegate: false } }, member(['committee']))).envelope).toMatchObject({ code: 'FORBIDDEN' });
    expect((await run({ action: 'me.bind', input: { name: '张三', code: '123456' } }, member())).envelope).toMatchObject({ code: 'ALREADY_BOUND' });
    expect((await run({ action: 'me.get' }, null, '')).envelope).toMatchObject({ code: 'NOT_BOUND' });
  });

  it('passes validated, trimmed input to the handler', async () => {
    const { envelope, calls } = await run({ action: 'me.bind', input: { name: ' 张三 ', code: ' 123 456 ' }, userInfo: { openId: 'ignored' } }, null);
    expect(envelope).toEqual({ ok: true, data: { handled: 'me.bind' } });
    expect(calls).toEqual([{ action: 'me.bind', input: { name: '张三', code: '123456' } }]);
  });

  it('turns a domain refusal into its code and message, and anything else into INTERNAL without details', async () => {
    const handlers = { 'me.get': async () => { throw new DomainError('CONFLICT'); } } as unknown as HandlerTable;
    expect(await dispatch({ action: 'me.get' }, 'o', { handlers, findMemberByOpenid: async () => null })).toEqual({ ok: false, code: 'CONFLICT', message: '有人同时在修改，请刷新后再试' });
    const log = jest.fn();
    const broken = { 'me.get': async () => { throw new Error('secret stack detail'); } } as unknown as HandlerTable;
    const envelope = await dispatch({ action: 'me.get' }, 'o', { handlers: broken, findMemberByOpenid: async () => null, log });
    expect(envelope).toEqual({ ok: false, code: 'INTERNAL', message: '服务开小差了，请稍后再试' });
    expect(log).toHaveBeenCalledWith('[api] me.get failed', expect.any(Error));
  });
});
