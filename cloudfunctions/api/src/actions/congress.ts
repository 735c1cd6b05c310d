import type { Department, DepartmentView } from '../../../../types/proposal';
import { currentSession } from '../domain/proposal-rules';
import { ACCEPTED } from '../domain/proposal-rules';
import { _ } from '../lib/cloud';
import { collection } from '../lib/collections';
import { DomainError } from '../lib/domain-error';
import type { Handler } from '../lib/dispatch';
import { listDepartments, listSessions, mustGetSession } from '../lib/proposals-repo';

export const listCongressSessions: Handler<'congress.sessions'> = async () => {
  const sessions = await listSessions();
  return { sessions, current: currentSession(sessions, Date.now())?._id ?? null };
};

/** The chair creates a session or edits one (its name, window and co-signer minimum). */
export const saveCongressSession: Handler<'congress.saveSession'> = async ({ sessionId, session }) => {
  const now = Date.now();
  if (!sessionId) {
    const { _id } = await collection('congressSessions').add({ data: { ...session, createdAt: now, updatedAt: now } });
    return { ...session, _id, createdAt: now, updatedAt: now };
  }
  const { stats } = await collection('congressSessions').where({ _id: sessionId }).update({ data: { ...session, updatedAt: now } });
  if (stats.updated === 0) throw new DomainError('NOT_FOUND', '找不到这次教代会会议');
  return mustGetSession(sessionId);
};

/** Departments with their handlers' names: two requests whatever the count. */
async function withHandlers(departments: Department[]): Promise<DepartmentView[]> {
  const ids = [...new Set(departments.flatMap((d) => d.handlerIds))];
  const names = new Map<string, string>();
  if (ids.length) {
    const { data } = await collection('members').where({ _id: _.in(ids) }).field({ _id: true, name: true }).limit(1000).get();
    for (const m of data as Array<{ _id: string; name: string }>) names.set(m._id, m.name);
  }
  return departments.map((d) => ({ ...d, handlers: d.handlerIds.map((memberId) => ({ memberId, name: names.get(memberId) ?? memberId })) }));
}

export const listDepartmentViews: Handler<'department.list'> = async () => withHandlers(await listDepartments());

export const saveDepartment: Handler<'department.save'> = async ({ departmentId, department }) => {
  const now = Date.now();
  const handlerIds = [...new Set(department.handlerIds)];
  if (handlerIds.length) {
    const { total } = await collection('members').where({ _id: _.in(handlerIds) }).count();
    if (total !== handlerIds.length) throw new DomainError('PLAYER_NOT_FOUND', undefined, [{ path: 'department.handlerIds', message: '有答复人的工号不在名册里' }]);
  }
  const fields = { name: department.name, handlerIds, updatedAt: now };
  if (!departmentId) {
    const { _id } = await collection('departments').add({ data: { ...fields, createdAt: now } });
    return (await withHandlers([{ ...fields, _id, createdAt: now }]))[0];
  }
  const { stats } = await collection('departments').where({ _id: departmentId }).update({ data: { ...fields, handlerIds: _.set(handlerIds) } });
  if (stats.updated === 0) throw new DomainError('DEPARTMENT_NOT_FOUND');
  const { data } = await collection('departments').doc(departmentId).get();
  return (await withHandlers([data as Department]))[0];
};

/** A department still handling a proposal (主办 or 协办, not yet closed) is kept. */
export const removeDepartment: Handler<'department.remove'> = async ({ departmentId }) => {
  const busy = ACCEPTED.filter((s) => s !== 'closed');
  const { total } = await collection('proposals')
    .where(_.or([{ 'assignment.leadId': departmentId, status: _.in(busy) }, { 'assignment.helperIds': departmentId, status: _.in(busy) }]))
    .count();
  if (total > 0) throw new DomainError('DEPARTMENT_IN_USE');
  const { stats } = await collection('departments').where({ _id: departmentId }).remove();
  if (stats.removed === 0) throw new DomainError('DEPARTMENT_NOT_FOUND');
  return { removed: true };
};
