import type { Role } from '../../../../types/fields';
import { ROLES } from '../../../../types/labels';
import { DomainError } from '../lib/domain-error';

/** Roles in a stable order, without duplicates. */
export const normaliseRoles = (roles: readonly Role[]): Role[] => ROLES.filter((role) => roles.includes(role));

/** The union must always keep a chair: refuse taking the role from the last one. */
export function assertKeepsAChair(currentRoles: readonly Role[], nextRoles: readonly Role[], chairCount: number): void {
  const losesChair = currentRoles.includes('chair') && !nextRoles.includes('chair');
  if (losesChair && chairCount <= 1) throw new DomainError('LAST_CHAIR');
}
