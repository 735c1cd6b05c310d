import type { Member } from '../../../../types/member';
import type { Access } from '../../../../types/actions';
import { DomainError } from './domain-error';

/** Who is calling: the WeChat identity, and the roster record bound to it if any. */
export interface Caller {
  openid: string;
  member: Member | null;
}

export interface BoundCaller extends Caller {
  member: Member;
}

/** Refuses a caller the action's access rule does not admit. */
export function checkAccess(caller: Caller, access: Access): void {
  if (access === 'anyone') return;
  if (access === 'unbound') {
    if (caller.member) throw new DomainError('ALREADY_BOUND');
    return;
  }
  if (!caller.member) throw new DomainError('NOT_BOUND');
  if (access === 'member') return;
  if (!access.some((role) => caller.member!.roles.includes(role))) throw new DomainError('FORBIDDEN');
}
