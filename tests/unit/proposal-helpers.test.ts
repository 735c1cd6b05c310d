import {
  blankProposalForm,
  countText,
  LIMITS_TEXT,
  proposalDraftOf,
  proposalFormOf,
} from '../../src/packages/proposal/lib/draft-form';
import {
  coSignerCountText,
  coSignerRows,
  deadlineOfDate,
  filterDelegates,
  historyLines,
  historyLineText,
  inviteState,
  mergeCandidates,
  ratingProgressText,
  reasonProblem,
  repliesByRound,
  replyProblem,
  statusNote,
  visibleActions,
} from '../../src/packages/proposal/lib/detail';
import { emptyText, handlingText, numberText, parseBox, sortProposals, visibleBoxes, windowStateText, windowText } from '../../src/packages/proposal/lib/list';
import { aDetail, aProposal, aSession, aSummary, DAY, delegates, noAbilities, NOW } from '../components/support/proposals';

const HOUR = 60 * 60 * 1000;

describe('the proposal form', () => {
  const filled = { title: '  关于改善食堂伙食的提案 ', reasons: '食堂菜品单一，价格偏高，教职工意见较多。', measures: '建议每学期召开一次伙食座谈会。', category: 'logistics' as const };

  test('a complete form becomes the trimmed draft', () => {
    expect(proposalDraftOf(filled)).toEqual({ ok: true, draft: { ...filled, title: '关于改善食堂伙食的提案' } });
  });

  test('the first thing to fix is said, in the form’s order', () => {
    expect(proposalDraftOf(blankProposalForm())).toEqual({ ok: false, problem: '请填写案由' });
    expect(proposalDraftOf({ ...filled, title: '食堂' })).toEqual({ ok: false, problem: '案由至少写 4 个字' });
    expect(proposalDraftOf({ ...filled, reasons: '太贵了' })).toEqual({ ok: false, problem: '案据至少写 10 个字' });
    expect(proposalDraftOf({ ...filled, measures: '   ' })).toEqual({ ok: false, problem: '请填写建议措施' });
    expect(proposalDraftOf({ ...filled, title: '长'.repeat(61) })).toEqual({ ok: false, problem: '案由最多 60 个字' });
    expect(proposalDraftOf({ ...filled, category: '' })).toEqual({ ok: false, problem: '请选择提案分类' });
  });

  test('a stored proposal fills the form back; counts and limits read as written', () => {
    const proposal = aProposal();
    expect(proposalDraftOf(proposalFormOf(proposal))).toEqual({
      ok: true,
      draft: { title: proposal.title, reasons: proposal.reasons, measures: proposal.measures, category: proposal.category },
    });
    expect(countText('  午休室 ', 60)).toBe('3/60');
    expect(LIMITS_TEXT).toBe('案由 4–60 字；案据、建议措施各 10–3000 字');
  });
});

describe('the list', () => {
  test('boxes by role, and the box a link names', () => {
    expect(visibleBoxes(null)).toEqual(['mine']);
    expect(visibleBoxes({ isDelegate: false, isCommittee: false, isHandler: false })).toEqual(['mine']);
    expect(visibleBoxes({ isDelegate: true, isCommittee: false, isHandler: false })).toEqual(['mine', 'cosign']);
    expect(visibleBoxes({ isDelegate: false, isCommittee: true, isHandler: true })).toEqual(['mine', 'committee', 'handling']);
    expect(parseBox('committee')).toBe('committee');
    expect(parseBox('handling')).toBe('handling');
    expect(parseBox('everything')).toBe('mine');
    expect(parseBox(undefined)).toBe('mine');
    expect(emptyText('mine', true)).toBe('你还没有提案，征集期间可以起草一份');
    expect(emptyText('mine', false)).toBe('你还没有参与的提案');
  });

  test('the committee works through 待审查 first; handlers through what is due, overdue first', () => {
    const a = aSummary({ _id: 'a', status: 'assigned', number: 2, updatedAt: 5 });
    const b = aSummary({ _id: 'b', status: 'submitted', updatedAt: 1 });
    const c = aSummary({ _id: 'c', status: 'accepted', number: 3, updatedAt: 9 });
    const d = aSummary({ _id: 'd', status: 'assigned', number: 1, updatedAt: 2 });
    expect(sortProposals([a, b, c, d], 'committee').map((p) => p._id)).toEqual(['b', 'c', 'd', 'a']);
    expect(sortProposals([a, b, c, d], 'mine').map((p) => p._id)).toEqual(['c', 'a', 'd', 'b']);

    const late = aSummary({ _id: 'late', status: 'assigned', deadline: NOW - DAY, overdue: true });
    const soon = aSummary({ _id: 'soon', status: 'assigned', deadline: NOW + DAY });
    const later = aSummary({ _id: 'later', status: 'assigned', deadline: NOW + 9 * DAY });
    const done = aSummary({ _id: 'done', status: 'replied', deadline: NOW - 9 * DAY });
    expect(sortProposals([done, later, soon, late], 'handling').map((p) => p._id)).toEqual(['late', 'soon', 'later', 'done']);
  });

  test('window, number and handling read in Beijing time', () => {
    const session = aSession();
    expect(windowText(session)).toBe('征集时间 2026年12月1日 08:00 至 2026年12月20日 18:00');
    expect(windowStateText(session, session.proposalOpensAt - 1)).toBe('尚未开始征集');
    expect(windowStateText(session, session.proposalOpensAt)).toBe('征集中');
    expect(windowStateText(session, session.proposalClosesAt)).toBe('征集已截止');
    expect(numberText(3)).toBe('第 3 号');
    expect(numberText(undefined)).toBe('');
    // 23:59 on 12-31 in Shanghai is 15:59 UTC.
    expect(handlingText({ leadName: '总务处', deadline: Date.UTC(2026, 11, 31, 15, 59) })).toBe('主办 总务处 · 答复期限 2026年12月31日');
    expect(handlingText({})).toBe('');
  });
});

describe('the detail', () => {
  test('history lines, oldest first, as 时间 · 谁 · 事件 with the note apart', () => {
    const lines = historyLines([
      { at: NOW, actorName: '周主任', event: '不予立案', note: '属于日常管理事项' },
      { at: NOW - DAY, actorName: '王芳', event: '提交提案' },
    ]);
    expect(lines.map(historyLineText)).toEqual(['2026年12月4日 14:00 · 王芳 · 提交提案', '2026年12月5日 14:00 · 周主任 · 不予立案']);
    expect(lines.map((l) => l.note)).toEqual(['', '属于日常管理事项']);
  });

  test('co-signers: signed, then waiting, then declined', () => {
    const rows = coSignerRows({
      T004: { name: '陈静', state: 'declined', invitedAt: NOW - 3 * HOUR, answeredAt: NOW - HOUR },
      T003: { name: '张伟', state: 'invited', invitedAt: NOW - 2 * HOUR },
      T002: { name: '李明', state: 'signed', invitedAt: NOW - 3 * HOUR, answeredAt: NOW },
    });
    expect(rows.map((r) => [r.name, r.stateText, r.when])).toEqual([
      ['李明', '已附议', '2026年12月5日 14:00'],
      ['张伟', '待回复', '邀请于 2026年12月5日 12:00'],
      ['陈静', '已婉拒', '2026年12月5日 13:00'],
    ]);
    expect(coSignerCountText({ T002: { name: '李明', state: 'signed', invitedAt: 0 } }, 2)).toBe('已附议 1 人，提交前需要至少 2 人');
    expect(coSignerCountText({}, 0)).toBe('已附议 0 人');
  });

  test('replies by round, each with its ratings; progress of the current round', () => {
    const rounds = repliesByRound({
      replies: [
        { round: 2, text: '第二次', departmentName: '总务处', byName: '赵强', at: NOW },
        { round: 1, text: '第一次', departmentName: '总务处', byName: '赵强', at: NOW - DAY },
      ],
      ratings: { '1': { T001: { rating: 'unsatisfied', name: '王芳', at: NOW - HOUR }, T002: { rating: 'satisfied', name: '李明', at: NOW - 2 * HOUR } } },
    });
    expect(rounds.map((r) => [r.title, r.replies.map((x) => x.text), r.ratings])).toEqual([
      ['第 1 轮答复', ['第一次'], ['李明：满意', '王芳：不满意']],
      ['第 2 轮答复', ['第二次'], []],
    ]);
    expect(ratingProgressText([{ memberId: 'T001', name: '王芳', rated: true }, { memberId: 'T002', name: '李明', rated: false }])).toBe('已评价 1/2 人');
  });

  test('actions follow the abilities; 提交 stays visible (disabled) while something blocks it', () => {
    expect(visibleActions({ can: noAbilities(), submitBlocker: null })).toEqual([]);
    expect(visibleActions({ can: { ...noAbilities(), edit: true, invite: true }, submitBlocker: '请先邀请附议人' })).toEqual(['edit', 'invite', 'submit']);
    expect(visibleActions({ can: { ...noAbilities(), revise: true, submit: true }, submitBlocker: null })).toEqual(['revise', 'submit']);
    expect(visibleActions({ can: { ...noAbilities(), triage: true, assign: true, reply: true, rate: true, respond: true }, submitBlocker: null })).toEqual([
      'respond',
      'triage',
      'assign',
      'reply',
      'rate',
    ]);
  });

  test('the status note explains what waits for whom', () => {
    expect(statusNote(aDetail({ status: 'held' }))).toContain('等待工会主席审核');
    expect(statusNote(aDetail({ status: 'merged' }, { mergedIntoTitle: '关于设立教工休息室的提案' }))).toBe('已并入提案《关于设立教工休息室的提案》，一并办理。');
    expect(statusNote(aDetail({ status: 'assigned' }, { overdue: true }))).toBe('已超过答复期限，承办部门还没有答复。');
    expect(statusNote(aDetail({ status: 'assigned', round: 2 }))).toContain('第 2 轮');
    expect(statusNote(aDetail({ status: 'assigned', heldReply: { round: 1, text: '…', departmentName: '总务处', byName: '赵强', at: NOW } }))).toContain('需要工会主席审核');
  });

  test('merge targets: others of the same session, still open to merging', () => {
    const list = [
      aSummary({ _id: 'p1', status: 'submitted' }),
      aSummary({ _id: 'p2', status: 'accepted' }),
      aSummary({ _id: 'p3', status: 'rejected' }),
      aSummary({ _id: 'p4', status: 'replied', sessionId: 's0' }),
      aSummary({ _id: 'p5', status: 'assigned' }),
    ];
    expect(mergeCandidates(list, { _id: 'p1', sessionId: 's1' }).map((p) => p._id)).toEqual(['p2', 'p5']);
  });

  test('delegates are found by name or group; earlier answers decide who may be asked', () => {
    expect(filterDelegates(delegates, '数学').map((d) => d.name)).toEqual(['李明', '张伟']);
    expect(filterDelegates(delegates, ' 陈 ').map((d) => d.name)).toEqual(['陈静']);
    expect(filterDelegates(delegates, '')).toHaveLength(4);
    const coSigners = { T002: { name: '李明', state: 'signed' as const, invitedAt: 0 } };
    expect(inviteState(coSigners, 'T002')).toBe('signed');
    expect(inviteState(coSigners, 'T003')).toBe('none');
  });

  test('the deadline is the end of the chosen day in Shanghai; reasons and replies are checked as the cloud will', () => {
    expect(deadlineOfDate('2026-12-31')).toBe(Date.UTC(2026, 11, 31, 15, 59));
    expect(deadlineOfDate('')).toBeNaN();
    expect(reasonProblem(' ')).toBe('请写明理由');
    expect(reasonProblem('重复')).toBe('');
    expect(reasonProblem('长'.repeat(501))).toBe('理由最多 500 个字');
    expect(replyProblem('')).toBe('请填写答复');
    expect(replyProblem('已办理')).toBe('答复至少写 10 个字');
    expect(replyProblem('已将两间教室改为午休室，下学期开放。')).toBe('');
  });
});
