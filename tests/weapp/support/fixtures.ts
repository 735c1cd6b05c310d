/**
 * Records the weapp pages need beyond the demo union (a notice, a proposal, a suggestion, a
 * check-in code), made through the real actions as the people who would make them.
 */
import type { ActionInput, ActionName, ActionOutput } from '../../../types/actions';
import type { Envelope } from '../../../types/envelope';
import { freshTickets } from '../../support/tickets';
import type { WeappWorld } from './weapp-app';
import { demoOpenid } from './weapp-app';

export const CHAIR = 'T1001';
/** A plain member: active, bound, no roles, not a delegate. */
export const MEMBER = 'T1006';

export async function act<A extends ActionName>(world: WeappWorld, staffNo: string, action: A, input: ActionInput<A>): Promise<ActionOutput<A>> {
  const { result } = await world.cloud.call('api', { action, input }, { openid: demoOpenid(staffNo) });
  const envelope = result as Envelope<ActionOutput<A>>;
  if (!envelope.ok) throw new Error(`${action} as ${staffNo}: ${envelope.code} ${envelope.message}`);
  return envelope.data;
}

const DAY = 24 * 3600 * 1000;

export interface PageFixtures {
  activityId: string;
  teamContestId: string;
  voteId: string;
  noticeId: string;
  proposalId: string;
  sessionId: string;
  suggestionId: string;
  checkinScene: string;
  year: number;
}

export async function makeFixtures(world: WeappWorld): Promise<PageFixtures> {
  const now = world.cloud.clock.now();
  const activities = world.cloud.db.admin.find('activities', {}) as Array<{ _id: string; title: string }>;
  const votes = world.cloud.db.admin.find('votes', {}) as Array<{ _id: string; title: string }>;
  const activityId = activities.find((a) => a.title === '教工乒乓球比赛')!._id;
  const voteId = votes.find((v) => v.title === '2026年度工会活动积极分子评选')!._id;
  const HOUR = 3600 * 1000;
  const contest = await act(world, CHAIR, 'activity.create', {
    draft: {
      title: '教工气排球赛', category: 'sports', description: '以年级组为单位组队。', place: '学校排球场',
      signupOpensAt: now - HOUR, signupDeadline: now + 10 * DAY, startAt: now + 14 * DAY, endAt: now + 14 * DAY + 3 * HOUR,
      capacity: 8, cancelRule: 'untilDeadline', audience: { statuses: ['active'] }, companionsMax: 0, choices: [],
      teams: { maxTeams: 8, minPlayers: 2, maxPlayers: 6 },
    },
  });
  await act(world, CHAIR, 'activity.publish', { activityId: contest._id });
  const notice = await act(world, CHAIR, 'notice.create', {
    draft: { title: '关于组织教职工体检的通知', body: '今年的教职工体检在市人民医院进行，请各位老师空腹前往。', attachments: [], audience: {}, everyone: true, pinned: false, publishAt: null },
  });
  await act(world, CHAIR, 'notice.publish', { noticeId: notice._id });
  const session = await act(world, CHAIR, 'congress.saveSession', { session: { name: '第十二届教代会第二次会议', proposalOpensAt: now - DAY, proposalClosesAt: now + 14 * DAY, minCoSigners: 2 } });
  const proposal = await act(world, CHAIR, 'proposal.create', {
    sessionId: session._id,
    draft: { title: '关于增设教职工子女课后托管的建议', reasons: '双职工教师下班晚，孩子放学后无人照看。', measures: '利用学校现有场地，由工会牵头组织课后托管。', category: 'welfare' },
  });
  // Sent as the app sends: with one of the day's tickets.
  const tickets = freshTickets();
  await act(world, MEMBER, 'suggestion.tickets', { tickets });
  const suggestion = await act(world, MEMBER, 'suggestion.send', { title: '关于食堂', body: '希望食堂增加素菜窗口', anonymous: false, ticket: tickets[0] });
  await act(world, CHAIR, 'activity.checkinCode', { activityId });
  const { checkinToken } = world.cloud.db.admin.find('activities', { _id: activityId })[0] as { checkinToken: string };
  return {
    activityId, teamContestId: contest._id, voteId, noticeId: notice._id, proposalId: proposal.proposal._id, sessionId: session._id,
    suggestionId: suggestion._id, checkinScene: checkinToken, year: new Date(now + 8 * 3600 * 1000).getUTCFullYear(),
  };
}
