import type { Activity } from '../../../../types/activity';
import type { Member } from '../../../../types/member';
import type { Notice } from '../../../../types/notice';
import type { PlanItem } from '../../../../types/plan';
import type { Vote } from '../../../../types/vote';
import { inAudience, isOrganiser, VISIBLE_TO_MEMBERS } from '../domain/activity-rules';
import { _ } from './cloud';
import { collection } from './collections';
import { visibleTo } from './notices-repo';

type Kind = NonNullable<PlanItem['linked']>['kind'];

/** Whether a member may open what a link points to, by the rule of its own `get` action. */
const MAY_OPEN: Record<Kind, { name: 'activities' | 'votes' | 'notices'; opens: (doc: never, viewer: Member, now: number) => boolean }> = {
  activity: { name: 'activities', opens: (a: Activity, viewer) => VISIBLE_TO_MEMBERS.includes(a.status) && inAudience(a.audience, viewer) },
  vote: { name: 'votes', opens: (v: Vote, viewer) => v.status !== 'draft' && inAudience(v.electorate, viewer) },
  notice: { name: 'notices', opens: (n: Notice, viewer, now) => visibleTo(n, viewer, now) },
};

/**
 * Plan items link to the activity, vote or notice drafted from them. Organisers get every link; a
 * member gets a link only to what they may open now, so a draft's id (and through it its title)
 * never reaches someone who may not see the draft. Returns what to do to each of these items: one
 * request per kind linked, whatever the count.
 */
export async function linksFor(items: PlanItem[], viewer: Member, now: number): Promise<<T extends PlanItem>(item: T) => T> {
  if (isOrganiser(viewer)) return (item) => item;
  const linked = items.flatMap((item) => (item.linked ? [item.linked] : []));
  const open = new Set<string>();
  for (const kind of Object.keys(MAY_OPEN) as Kind[]) {
    const ids = [...new Set(linked.filter((l) => l.kind === kind).map((l) => l.id))];
    if (ids.length === 0) continue;
    const { name, opens } = MAY_OPEN[kind];
    const { data } = await collection(name).where({ _id: _.in(ids) }).limit(Math.min(ids.length, 1000)).get();
    for (const doc of data as Array<{ _id: string }>) if (opens(doc as never, viewer, now)) open.add(`${kind}:${doc._id}`);
  }
  return (item) => {
    if (!item.linked || open.has(`${item.linked.kind}:${item.linked.id}`)) return item;
    const { linked: _hidden, ...rest } = item;
    return rest as typeof item;
  };
}
