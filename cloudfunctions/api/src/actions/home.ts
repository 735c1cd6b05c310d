import type { HomeMonth } from '../../../../types/actions';
import type { Plan } from '../../../../types/plan';
import { monthBounds } from '../domain/activity-rules';
import { _ } from '../lib/cloud';
import type { BoundCaller } from '../lib/caller';
import { collection } from '../lib/collections';
import { linksFor } from '../lib/plan-links';
import type { Handler } from '../lib/dispatch';
import { listActivities } from './activity-join';
import { unreadCount } from './message';
import { visibleNotices } from './notice';
import { listVotes } from './vote';

/**
 * 首页: the month at a glance. The plan's items for the month (dated ones by day), its activities,
 * the votes open now, notices of the month and any still unread, and the unread messages: one call,
 * a fixed number of database requests whatever the month holds (up to three more to check what the
 * plan's items link to, see lib/plan-links.ts).
 */
export const homeMonth: Handler<'home.month'> = async ({ month }, caller) => {
  const viewer = (caller as BoundCaller).member;
  const [year, mon] = month.split('-').map(Number);
  const [start, end] = monthBounds(month);
  const now = Date.now();
  const [plans, activities, votes, notices, unreadMessages] = await Promise.all([
    collection('plans').where({ months: _.elemMatch({ year, month: mon }) }).limit(10).get(),
    listActivities({ month }, caller),
    listVotes({ scope: 'open' }, caller),
    visibleNotices(viewer, now),
    unreadCount(viewer._id),
  ]);
  const items = (plans.data as Plan[])
    .flatMap((plan) => plan.months.filter((m) => m.year === year && m.month === mon))
    .flatMap((m) => m.items.map((item) => ({ ...item, month: m.month })));
  const link = await linksFor(items, viewer, now);
  const planItems = items.map(link).sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
  const result: HomeMonth = {
    month,
    planItems,
    activities: activities.activities,
    votes: votes.votes,
    notices: notices.filter((n) => !n.read || (n.visibleAt >= start && n.visibleAt < end)),
    unreadMessages,
  };
  return result;
};
