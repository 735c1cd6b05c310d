/**
 * Demo votes for `npm start`, of the kinds the union plans hold: the 积极分子 election (choose up to
 * 10), the 民主评议 of school leaders, a staff-congress motion, a closed poll with its results, and a
 * draft. Ballots already cast are built the way the ballot box stores them (counters and sorted
 * voter ids; a named vote's ballots), using the same domain rules, so the demo is consistent.
 */
import type { Member } from '../../types/member';
import type { Ballot, NamedBallot, Vote, VoteDraft } from '../../types/vote';
import { ballotKeys, emptyTally } from '../../cloudfunctions/api/src/domain/vote-rules';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;

/** `days` from today at hh:00 Shanghai time. */
const at = (now: number, days: number, hour: number) => Math.floor((now + SHANGHAI) / DAY) * DAY - SHANGHAI + days * DAY + hour * HOUR;

interface DemoVote {
  draft: VoteDraft;
  status: Vote['status'];
  /** Who has voted already, and how (by their index among the eligible). */
  ballots: Array<{ member: Member; ballot: Ballot }>;
}

function demoVotes(now: number, members: Member[]): DemoVote[] {
  const active = members.filter((m) => m.status === 'active');
  const delegates = members.filter((m) => m.isDelegate);
  const candidates = active.slice(2, 27).map((m, i) => ({ id: `c${i + 1}`, name: m.name, memberId: m.staffNo, intro: `${m.groupName}，热心工会工作` }));
  const voted = (people: Member[], ballot: (i: number) => Ballot) => people.filter((m) => m.openid).map((member, i) => ({ member, ballot: ballot(i) }));
  return [
    {
      status: 'published',
      ballots: voted(active.slice(20, 41), (i) => ({ kind: 'election', picks: [0, 3, 5, 8, 13, 21].map((k) => `c${((k + i) % 25) + 1}`) })),
      draft: {
        title: '2026年度工会活动积极分子评选',
        description: '请从 25 位候选人中选出不超过 10 位工会活动积极分子。无记名投票，投票结束后公布结果。',
        content: { kind: 'election', candidates, minPicks: 1, maxPicks: 10 },
        opensAt: at(now, -2, 8),
        closesAt: at(now, 5, 18),
        electorate: { statuses: ['active'] },
        secret: true,
        resultVisibility: 'afterClose',
        allowChange: false,
      },
    },
    {
      status: 'published',
      ballots: [],
      draft: {
        title: '2026年校级领导干部民主评议',
        description: '请对每位校级领导干部的年度履职情况评定等次：优秀、称职、基本称职或不称职。',
        content: {
          kind: 'appraisal',
          subjects: [
            { id: 's1', name: '陈建国', title: '校长' },
            { id: 's2', name: '林慧敏', title: '党支部书记' },
            { id: 's3', name: '黄志强', title: '副校长' },
            { id: 's4', name: '吴晓红', title: '副校长' },
          ],
        },
        opensAt: at(now, -1, 8),
        closesAt: at(now, 3, 18),
        electorate: {},
        secret: true,
        resultVisibility: 'afterClose',
        allowChange: false,
      },
    },
    {
      status: 'published',
      ballots: voted(delegates.slice(0, 4), (i) => ({ kind: 'motion', stance: i === 3 ? 'abstain' : 'yes' })),
      draft: {
        title: '关于《教职工绩效工资分配方案（修订稿）》的表决',
        description: '第十二届教代会第二次会议表决事项。全体代表三分之二以上参加表决方为有效，赞成票超过全体代表半数为通过。',
        content: { kind: 'motion' },
        opensAt: at(now, -1, 8),
        closesAt: at(now, 2, 17),
        electorate: { delegatesOnly: true },
        secret: true,
        resultVisibility: 'afterClose',
        allowChange: false,
      },
    },
    {
      status: 'closed',
      ballots: voted(members.slice(0, 40), (i) => (i % 7 === 6 ? { kind: 'poll', picks: ['other'], otherText: i % 2 ? '珠海外伶仃岛' : '江门开平碉楼' } : { kind: 'poll', picks: [`o${(i % 3) + 1}`] })),
      draft: {
        title: '秋季工会活动去哪里？',
        description: '工会计划组织一次秋季一日游，请选出你最想去的地方。',
        content: {
          kind: 'poll',
          options: [
            { id: 'o1', label: '登五桂山' },
            { id: 'o2', label: '岐江夜游' },
            { id: 'o3', label: '詹园与孙中山故居' },
          ],
          maxPicks: 1,
          allowOther: true,
        },
        opensAt: at(now, -14, 8),
        closesAt: at(now, -7, 18),
        electorate: {},
        secret: false,
        resultVisibility: 'live',
        allowChange: true,
      },
    },
    {
      status: 'draft',
      ballots: [],
      draft: {
        title: '2026年度先进工作者评选',
        description: '由各工会小组推荐候选人，请在投票开始后选出不超过 3 位。',
        content: { kind: 'election', candidates: candidates.slice(0, 8), minPicks: 1, maxPicks: 3 },
        opensAt: at(now, 7, 8),
        closesAt: at(now, 10, 18),
        electorate: { statuses: ['active'] },
        secret: true,
        resultVisibility: 'afterClose',
        allowChange: false,
      },
    },
  ];
}

/** Adds 1 at a dot path such as `s1.excellent` or `c3`. */
function bump(tally: Vote['tally'], key: string): void {
  const [head, tail] = key.split('.');
  if (tail === undefined) tally[head] = ((tally[head] as number) ?? 0) + 1;
  else (tally[head] as Record<string, number>)[tail] += 1;
}

export function buildDemoVotes(now: number, members: Member[], createdBy: string): Vote[] {
  return demoVotes(now, members).map(({ draft, status, ballots }, i) => {
    const tally = emptyTally(draft.content);
    const otherTexts: string[] = [];
    const namedBallots: Record<string, NamedBallot> = {};
    for (const [k, { member, ballot }] of ballots.entries()) {
      for (const key of ballotKeys(draft.content, ballot)) bump(tally, key);
      if (draft.secret && ballot.kind === 'poll' && ballot.otherText) otherTexts.push(ballot.otherText);
      if (!draft.secret) namedBallots[member.staffNo] = { ballot, castAt: draft.opensAt + (k + 1) * HOUR, rev: 1 };
    }
    return {
      _id: `demo-v${i + 1}`,
      ...draft,
      status,
      rev: 1,
      turnout: ballots.length,
      tally,
      voterIds: ballots.map((b) => b.member.staffNo).sort(),
      otherTexts: otherTexts.sort(),
      ...(draft.secret ? {} : { namedBallots }),
      ...(status === 'closed' ? { closedAt: draft.closesAt } : {}),
      createdBy,
      createdAt: draft.opensAt - DAY,
      updatedAt: draft.opensAt - DAY,
    };
  });
}
