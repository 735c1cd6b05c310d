/**
 * How one proposal reads and what its viewer may do: the history as lines, the co-signers with
 * their answers, the replies by round, the ratings' progress, the actions to show. Pure functions.
 */
import type { CoSigner, HistoryEntry, Proposal, ProposalAbilities, ProposalDetail, ProposalSummary, RatingEntry, Reply } from '../../../../types/proposal';
import { RATING_LABELS } from '../../../../types/labels';
import { ownValue } from '../../../../types/own-keys';
import { formatDate, formatDateTime, shanghaiWallTime } from '../../../lib/time';

export interface HistoryLine {
  key: string;
  time: string;
  who: string;
  event: string;
  note: string;
}

/** 办理过程, oldest first: 时间 · 谁 · 事件, and the note (a reason, a deadline) when there is one. */
export const historyLines = (history: readonly HistoryEntry[]): HistoryLine[] =>
  history
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => a.entry.at - b.entry.at || a.i - b.i)
    .map(({ entry, i }) => ({ key: `${entry.at}-${i}`, time: formatDateTime(entry.at), who: entry.actorName, event: entry.event, note: entry.note ?? '' }));

/** One history line as a sentence: 2026年12月5日 14:00 · 张三 · 立案 */
export const historyLineText = (line: Pick<HistoryLine, 'time' | 'who' | 'event'>): string => `${line.time} · ${line.who} · ${line.event}`;

export const CO_SIGNER_STATE_LABELS: Record<CoSigner['state'], string> = { signed: '已附议', declined: '已婉拒', invited: '待回复' };

export interface CoSignerRow {
  memberId: string;
  name: string;
  state: CoSigner['state'];
  stateText: string;
  /** 12月5日 14:00 附议, or 邀请于 … while waiting. */
  when: string;
}

const STATE_ORDER: CoSigner['state'][] = ['signed', 'invited', 'declined'];

/** The co-signers: those who signed first, then those waiting, then those who declined; each by invitation time. */
export function coSignerRows(coSigners: Proposal['coSigners']): CoSignerRow[] {
  return Object.entries(coSigners)
    .sort(([, a], [, b]) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) || a.invitedAt - b.invitedAt)
    .map(([memberId, c]) => ({
      memberId,
      name: c.name,
      state: c.state,
      stateText: CO_SIGNER_STATE_LABELS[c.state],
      when: c.answeredAt ? formatDateTime(c.answeredAt) : `邀请于 ${formatDateTime(c.invitedAt)}`,
    }));
}

/** 已附议 2 人，需要至少 3 人 / 已附议 2 人 */
export function coSignerCountText(coSigners: Proposal['coSigners'], minCoSigners: number): string {
  const signed = Object.values(coSigners).filter((c) => c.state === 'signed').length;
  return minCoSigners > 0 ? `已附议 ${signed} 人，提交前需要至少 ${minCoSigners} 人` : `已附议 ${signed} 人`;
}

export interface RoundView {
  round: number;
  title: string;
  replies: Reply[];
  /** 张三：满意 */
  ratings: string[];
}

/** Replies by round, with the ratings each round received: 第 1 轮答复, 第 2 轮答复 … */
export function repliesByRound(proposal: Pick<Proposal, 'replies' | 'ratings'>): RoundView[] {
  const rounds = [...new Set(proposal.replies.map((r) => r.round))].sort((a, b) => a - b);
  return rounds.map((round) => ({
    round,
    title: `第 ${round} 轮答复`,
    replies: proposal.replies.filter((r) => r.round === round).sort((a, b) => a.at - b.at),
    ratings: Object.values(proposal.ratings[String(round)] ?? {})
      .sort((a: RatingEntry, b: RatingEntry) => a.at - b.at)
      .map((entry) => `${entry.name}：${RATING_LABELS[entry.rating]}`),
  }));
}

/** 已评价 1/3 人 */
export const ratingProgressText = (raters: ProposalDetail['raters']): string => `已评价 ${raters.filter((r) => r.rated).length}/${raters.length} 人`;

export type ActionKey = 'edit' | 'invite' | 'revise' | 'submit' | 'respond' | 'triage' | 'assign' | 'reply' | 'rate';

/**
 * The actions to show, in the order a person meets them. 提交 is shown, disabled, while something
 * blocks it (the blocker says what), so the proposer knows what is missing.
 */
export function visibleActions(detail: Pick<ProposalDetail, 'can' | 'submitBlocker'>): ActionKey[] {
  const { can } = detail;
  const shown: Record<ActionKey, boolean> = {
    edit: can.edit,
    invite: can.invite,
    revise: can.revise,
    submit: can.submit || detail.submitBlocker !== null,
    respond: can.respond,
    triage: can.triage,
    assign: can.assign,
    reply: can.reply,
    rate: can.rate,
  };
  return (Object.keys(shown) as ActionKey[]).filter((key) => shown[key]);
}

/** The proposer's own tools (编辑, 邀请附议, 撤回修改, 提交), apart from the others'. */
export const PROPOSER_ACTIONS: ActionKey[] = ['edit', 'invite', 'revise', 'submit'];

export const anyAbility = (can: ProposalAbilities): boolean => Object.values(can).some(Boolean);

/** What the viewer should know about where the proposal stands, beyond its status label. */
export function statusNote(detail: Pick<ProposalDetail, 'proposal' | 'mergedIntoTitle' | 'overdue'>): string {
  const { proposal } = detail;
  switch (proposal.status) {
    case 'draft':
      return '草稿只有你能看到。邀请其他代表附议后，附议人数够了就可以提交。';
    case 'held':
      return '内容安全检查暂时无法进行，提案正在等待工会主席审核，审核通过后会送达附议人。';
    case 'seeking':
      return '正在征集附议。附议人数够了，提案人就可以提交给提案工作委员会。';
    case 'submitted':
      return '已提交，等待提案工作委员会审查。';
    case 'accepted':
      return '已立案，等待交办承办部门。';
    case 'assigned':
      if (proposal.heldReply) return `第 ${proposal.heldReply.round} 轮答复已提交；内容安全检查暂时无法进行，需要工会主席审核后才会送达提案人和附议人。`;
      if (detail.overdue) return '已超过答复期限，承办部门还没有答复。';
      return proposal.round > 1 ? `有代表对上一轮答复不满意，承办部门正在重新办理（第 ${proposal.round} 轮）。` : '承办部门正在办理，答复后提案人和附议人可以评价。';
    case 'replied':
      return '承办部门已答复，请提案人和附议人评价。有人不满意时，提案会退回重新办理。';
    case 'closed':
      return '提案已办结。';
    case 'rejected':
      return '提案工作委员会决定不予立案。';
    case 'converted':
      return '提案工作委员会决定将这份提案转为意见建议，会按意见建议答复。';
    case 'merged':
      return detail.mergedIntoTitle ? `已并入提案《${detail.mergedIntoTitle}》，一并办理。` : '已与其他提案合并办理。';
    default:
      return '';
  }
}

/** 答复期限 2026年12月31日, with 已逾期 said apart. */
export const deadlineText = (deadline: number): string => `答复期限 ${formatDate(deadline)}`;

/** The reply deadline of a date picked as 'YYYY-MM-DD': the end of that day in Shanghai; NaN if no date. */
export const deadlineOfDate = (date: string): number => shanghaiWallTime(date, '23:59');

/** Proposals this one may be merged into: another of the same session, submitted or accepted and still open. */
const MERGEABLE = ['submitted', 'accepted', 'assigned', 'replied'];
export const mergeCandidates = (list: readonly ProposalSummary[], proposal: Pick<Proposal, '_id' | 'sessionId'>): ProposalSummary[] =>
  list.filter((p) => p._id !== proposal._id && p.sessionId === proposal.sessionId && MERGEABLE.includes(p.status));

export interface Delegate {
  memberId: string;
  name: string;
  groupName: string;
}

/** Delegates whose name or group contains the text (ignoring spaces and case). */
export function filterDelegates(delegates: readonly Delegate[], text: string): Delegate[] {
  const wanted = text.replace(/\s+/g, '').toLowerCase();
  if (!wanted) return [...delegates];
  return delegates.filter((d) => d.name.toLowerCase().includes(wanted) || d.groupName.toLowerCase().includes(wanted) || d.memberId.toLowerCase() === wanted);
}

/** What an invitation would mean for someone already asked: signed and waiting cannot be asked again. */
export function inviteState(coSigners: Proposal['coSigners'], memberId: string): 'signed' | 'invited' | 'declined' | 'none' {
  return ownValue(coSigners, memberId)?.state ?? 'none';
}

/** 至少写 2 个字: the reason a committee gives, checked as the cloud will. */
export function reasonProblem(reason: string): string {
  const text = reason.trim();
  if (text.length < 2) return '请写明理由';
  if (text.length > 500) return '理由最多 500 个字';
  return '';
}

/** The reply text, checked as the cloud will. */
export function replyProblem(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) return '请填写答复';
  if (trimmed.length < 10) return '答复至少写 10 个字';
  if (trimmed.length > 3000) return '答复最多 3000 个字';
  return '';
}
