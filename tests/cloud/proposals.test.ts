/**
 * 教代会提案 from draft to 办结, through the real request function: every transition and every
 * refusal, content safety, and the session's report.
 */
import ExcelJS from 'exceljs';
import type { Proposal, ProposalDraft } from '../../types/proposal';
import type { Envelope } from '../../types/envelope';
import { demo, expectOk, startTestCloud, type TestCloud } from './support/harness';

jest.setTimeout(60_000);

let t: TestCloud;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 26, 2, 0);
const chair = demo.openid(demo.chair.staffNo);
const committeeMember = demo.members.find((m) => m.roles.includes('proposalCommittee') && !m.roles.includes('chair'))!;
const committee = demo.openid(committeeMember.staffNo);
const delegates = demo.members.filter((m) => m.openid && m.isDelegate && m.roles.length === 0);
const [proposer, signerA, signerB, signerC] = delegates;
const as = (m: { staffNo: string }) => demo.openid(m.staffNo);
const plain = demo.members.find((m) => m.openid && !m.isDelegate && m.roles.length === 0)!;
const [leadHandler, helperHandler] = demo.members.filter((m) => m.openid && !m.isDelegate && m.roles.length === 0).slice(1, 3);

let sessionId = '';
let leadId = '';
let helperId = '';

const draft = (overrides: Partial<ProposalDraft> = {}): ProposalDraft => ({
  title: '关于增设教职工子女课后托管的建议',
  reasons: '双职工教师下班晚，孩子放学后无人照看，影响教师安心工作。',
  measures: '利用学校现有场地，由工会牵头组织课后托管，费用由工会经费适当补贴。',
  category: 'welfare',
  ...overrides,
});

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(T0);
  const session = expectOk(
    await t.act(chair, 'congress.saveSession', { session: { name: '第十二届教代会第二次会议', proposalOpensAt: T0 - DAY, proposalClosesAt: T0 + 7 * DAY, minCoSigners: 2 } }),
  );
  sessionId = session._id;
  leadId = expectOk(await t.act(chair, 'department.save', { department: { name: '总务处', handlerIds: [leadHandler.staffNo] } }))._id;
  helperId = expectOk(await t.act(chair, 'department.save', { department: { name: '工会', handlerIds: [helperHandler.staffNo] } }))._id;
});
afterAll(() => t.stop());
beforeEach(() => {
  t.cloud.clock.set(T0);
  t.cloud.script.reset();
});

const stored = (id: string) => t.cloud.db.admin.find('proposals', { _id: id })[0] as Proposal;
const refused = (answer: Envelope<unknown>, code: string) => expect(answer).toMatchObject({ ok: false, code });

/** A proposal co-signed by A and B, submitted. */
async function submitted(overrides: Partial<ProposalDraft> = {}): Promise<string> {
  const id = expectOk(await t.act(as(proposer), 'proposal.create', { sessionId, draft: draft(overrides) })).proposal._id;
  expectOk(await t.act(as(proposer), 'proposal.invite', { proposalId: id, memberIds: [t.publicId(signerA.staffNo), t.publicId(signerB.staffNo)] }));
  expectOk(await t.act(as(signerA), 'proposal.respond', { proposalId: id, accept: true }));
  expectOk(await t.act(as(signerB), 'proposal.respond', { proposalId: id, accept: true }));
  expectOk(await t.act(as(proposer), 'proposal.submit', { proposalId: id }));
  return id;
}

async function assigned(): Promise<string> {
  const id = await submitted();
  expectOk(await t.act(committee, 'proposal.triage', { proposalId: id, decision: { kind: 'accept' } }));
  expectOk(await t.act(committee, 'proposal.assign', { proposalId: id, leadId, helperIds: [helperId], deadline: T0 + 14 * DAY }));
  return id;
}

const reply = (id: string, text = '总务处已协调场地，下学期起在二号楼开设课后托管，每日至18:30。') => t.act(as(leadHandler), 'proposal.reply', { proposalId: id, text });
const rate = (who: { staffNo: string }, id: string, rating: 'satisfied' | 'basically' | 'unsatisfied') => t.act(as(who), 'proposal.rate', { proposalId: id, rating });

describe('drafting and co-signing', () => {
  it('takes a proposal from draft through co-signing to the committee, with its history', async () => {
    const created = expectOk(await t.act(as(proposer), 'proposal.create', { sessionId, draft: draft() }));
    expect(created).toMatchObject({ proposal: { status: 'draft', proposerId: proposer.staffNo }, can: { edit: true, invite: true, submit: false }, submitBlocker: '请先邀请附议人' });
    const id = created.proposal._id;
    expectOk(await t.act(as(proposer), 'proposal.update', { proposalId: id, draft: draft({ title: '关于开设教职工子女课后托管的建议' }) }));

    const invited = expectOk(await t.act(as(proposer), 'proposal.invite', { proposalId: id, memberIds: [t.publicId(signerA.staffNo), t.publicId(signerB.staffNo), t.publicId(signerC.staffNo)] }));
    expect(invited).toMatchObject({ proposal: { status: 'seeking' }, submitBlocker: '还需 2 位代表附议' });
    refused(await t.act(as(proposer), 'proposal.submit', { proposalId: id }), 'NOT_ENOUGH_COSIGNERS');

    expectOk(await t.act(as(signerA), 'proposal.respond', { proposalId: id, accept: true }));
    expect(expectOk(await t.act(as(signerC), 'proposal.respond', { proposalId: id, accept: false })).proposal.coSigners[signerC.staffNo].state).toBe('declined');
    expect(expectOk(await t.act(as(proposer), 'proposal.get', { proposalId: id })).submitBlocker).toBe('还需 1 位代表附议');
    expectOk(await t.act(as(signerB), 'proposal.respond', { proposalId: id, accept: true }));
    const done = expectOk(await t.act(as(proposer), 'proposal.submit', { proposalId: id }));
    expect(done.proposal.status).toBe('submitted');
    expect(done.proposal.submittedAt! - T0).toBeLessThan(1000);
    expect(done.proposal.history.map((h) => h.event)).toEqual(['起草提案', `邀请附议：${[signerA, signerB, signerC].map((m) => m.name).join('、')}`, '附议', '婉拒附议', '附议', '提交提案']);
    expect(done.proposal.history.map((h) => h.actorName)).toEqual([proposer.name, proposer.name, signerA.name, signerC.name, signerB.name, proposer.name]);

    // The committee sees it now; a plain member does not.
    expect(expectOk(await t.act(committee, 'proposal.list', { box: 'committee', sessionId })).proposals.map((p) => p._id)).toContain(id);
    refused(await t.act(as(plain), 'proposal.get', { proposalId: id }), 'NOT_FOUND');
    refused(await t.act(as(plain), 'proposal.list', { box: 'committee' }), 'FORBIDDEN');
  });

  it('refuses non-delegates, a closed window, co-signing one’s own proposal, answering twice, and strangers', async () => {
    const before = t.snapshot();
    refused(await t.act(as(plain), 'proposal.create', { sessionId, draft: draft() }), 'NOT_DELEGATE');
    t.cloud.clock.set(T0 + 8 * DAY);
    refused(await t.act(as(proposer), 'proposal.create', { sessionId, draft: draft() }), 'PROPOSAL_WINDOW_CLOSED');
    t.cloud.clock.set(T0 - 2 * DAY);
    refused(await t.act(as(proposer), 'proposal.create', { sessionId, draft: draft() }), 'PROPOSAL_WINDOW_CLOSED');
    expect(t.snapshot()).toEqual(before);

    t.cloud.clock.set(T0);
    const id = expectOk(await t.act(as(proposer), 'proposal.create', { sessionId, draft: draft() })).proposal._id;
    const drafted = t.snapshot();
    refused(await t.act(as(proposer), 'proposal.invite', { proposalId: id, memberIds: [t.publicId(proposer.staffNo), t.publicId(signerA.staffNo)] }), 'COSIGNER_INVALID');
    refused(await t.act(as(proposer), 'proposal.invite', { proposalId: id, memberIds: [t.publicId(plain.staffNo)] }), 'COSIGNER_INVALID');
    refused(await t.act(as(signerA), 'proposal.invite', { proposalId: id, memberIds: [t.publicId(signerB.staffNo)] }), 'NOT_FOUND');
    refused(await t.act(as(signerA), 'proposal.respond', { proposalId: id, accept: true }), 'NOT_FOUND');
    expect(t.snapshot()).toEqual(drafted);

    expectOk(await t.act(as(proposer), 'proposal.invite', { proposalId: id, memberIds: [t.publicId(signerA.staffNo)] }));
    expectOk(await t.act(as(signerA), 'proposal.respond', { proposalId: id, accept: true }));
    const signed = t.snapshot();
    refused(await t.act(as(signerA), 'proposal.respond', { proposalId: id, accept: false }), 'NOT_INVITED_COSIGNER');
    refused(await t.act(as(proposer), 'proposal.update', { proposalId: id, draft: draft({ title: '改一下案由' }) }), 'PROPOSAL_WRONG_STATE');
    refused(await t.act(as(plain), 'proposal.respond', { proposalId: id, accept: true }), 'NOT_DELEGATE');
    refused(await t.act('a-stranger', 'proposal.get', { proposalId: id }), 'NOT_BOUND');
    t.cloud.clock.set(T0 + 8 * DAY);
    refused(await t.act(as(proposer), 'proposal.submit', { proposalId: id }), 'PROPOSAL_WINDOW_CLOSED');
    expect(t.snapshot()).toEqual(signed);
  });

  it('clears signatures when the proposer takes it back to change the text', async () => {
    const id = expectOk(await t.act(as(proposer), 'proposal.create', { sessionId, draft: draft() })).proposal._id;
    expectOk(await t.act(as(proposer), 'proposal.invite', { proposalId: id, memberIds: [t.publicId(signerA.staffNo)] }));
    expectOk(await t.act(as(signerA), 'proposal.respond', { proposalId: id, accept: true }));
    const revised = expectOk(await t.act(as(proposer), 'proposal.revise', { proposalId: id }));
    expect(revised.proposal).toMatchObject({ status: 'draft', coSigners: {} });
  });

  it.each([
    ['an empty 案由', { title: '' }],
    ['a 案据 of 3001 characters', { reasons: '长'.repeat(3001) }],
    ['an unknown category', { category: 'sports' }],
    ['a query object for a title', { title: { $gt: '' } }],
    ['an unknown key', { author: 'T1001' }],
  ])('refuses %s with nothing written', async (_name, bad) => {
    const before = t.snapshot();
    const answer = await t.raw(as(proposer), { action: 'proposal.create', input: { sessionId, draft: { ...draft(), ...bad } } });
    refused(answer, 'INVALID_INPUT');
    expect(t.snapshot()).toEqual(before);
  });
});

describe('content safety', () => {
  it('refuses risky text before any delegate sees it, and writes nothing', async () => {
    const id = expectOk(await t.act(as(proposer), 'proposal.create', { sessionId, draft: draft({ measures: '建议措施里有违禁词甲乙丙，需要拦截。' }) })).proposal._id;
    t.cloud.script.flagText('违禁词甲乙丙');
    const before = t.snapshot();
    refused(await t.act(as(proposer), 'proposal.invite', { proposalId: id, memberIds: [t.publicId(signerA.staffNo)] }), 'CONTENT_RISKY');
    expect(t.snapshot()).toEqual(before);
  });

  it('holds the text for the chair when the check fails, and the chair releases it', async () => {
    const id = expectOk(await t.act(as(proposer), 'proposal.create', { sessionId, draft: draft() })).proposal._id;
    t.cloud.script.failNext('security.msgSecCheck', 45009);
    expect(expectOk(await t.act(as(proposer), 'proposal.invite', { proposalId: id, memberIds: [t.publicId(signerA.staffNo), t.publicId(signerB.staffNo)] })).proposal.status).toBe('held');
    refused(await t.act(as(signerA), 'proposal.respond', { proposalId: id, accept: true }), 'NOT_INVITED_COSIGNER');
    const held = expectOk(await t.act(chair, 'moderation.list', {}));
    expect(held.find((h) => h.id === id)).toMatchObject({ kind: 'proposal', authorName: proposer.name });
    refused(await t.act(committee, 'moderation.release', { kind: 'proposal', id }), 'FORBIDDEN');
    expectOk(await t.act(chair, 'moderation.release', { kind: 'proposal', id }));
    refused(await t.act(chair, 'moderation.release', { kind: 'proposal', id }), 'NOT_HELD');
    expect(expectOk(await t.act(as(signerA), 'proposal.respond', { proposalId: id, accept: true })).proposal.status).toBe('seeking');
  });

  it('holds a reply the check could not judge until the chair releases it', async () => {
    const id = await assigned();
    t.cloud.script.failNext('security.msgSecCheck', 45009);
    const answer = expectOk(await reply(id));
    expect(answer.proposal).toMatchObject({ status: 'assigned', replies: [] });
    expect(answer.proposal.heldReply).toBeDefined();
    expectOk(await t.act(chair, 'moderation.release', { kind: 'proposalReply', id }));
    expect(stored(id)).toMatchObject({ status: 'replied', replies: [{ round: 1, departmentName: '总务处' }] });
    expect(stored(id).heldReply).toBeUndefined();
  });
});

describe('triage, handling and rating', () => {
  it('answers a reply from someone who does not handle the proposal exactly as one to a proposal that does not exist', async () => {
    const assignedId = await assigned();
    const acceptedId = await submitted({ title: '关于改善教师食堂午餐的建议' });
    expectOk(await t.act(committee, 'proposal.triage', { proposalId: acceptedId, decision: { kind: 'accept' } }));
    const text = '协办部门不能代替主办答复，这里只是试探。';
    const before = t.snapshot();
    const answers = [
      await t.act(as(helperHandler), 'proposal.reply', { proposalId: assignedId, text }),
      await t.act(as(helperHandler), 'proposal.reply', { proposalId: acceptedId, text }),
      await t.act(as(helperHandler), 'proposal.reply', { proposalId: 'no-such-proposal', text }),
      await t.act(as(plain), 'proposal.reply', { proposalId: assignedId, text }),
      await t.act(as(leadHandler), 'proposal.reply', { proposalId: 'no-such-proposal', text }),
    ];
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify({ ok: false, code: 'NOT_FOUND', message: '要找的内容不存在或已被删除' })]));
    expect(t.snapshot()).toEqual(before);
  });

  it('goes round twice when a rater is unsatisfied, then closes when all are satisfied', async () => {
    const id = await submitted();
    const accepted = expectOk(await t.act(committee, 'proposal.triage', { proposalId: id, decision: { kind: 'accept' } }));
    expect(accepted.proposal).toMatchObject({ status: 'accepted' });
    expect(accepted.proposal.number).toBeGreaterThanOrEqual(1);
    refused(await reply(id), 'NOT_FOUND');
    expectOk(await t.act(committee, 'proposal.assign', { proposalId: id, leadId, helperIds: [helperId], deadline: T0 + 14 * DAY }));
    expect(expectOk(await t.act(as(leadHandler), 'proposal.list', { box: 'handling' })).proposals.map((p) => p._id)).toContain(id);
    expect(expectOk(await t.act(as(helperHandler), 'proposal.get', { proposalId: id })).can.reply).toBe(false);
    refused(await t.act(as(helperHandler), 'proposal.reply', { proposalId: id, text: '协办部门不能代替主办答复。' }), 'NOT_FOUND');

    expectOk(await reply(id, '第一轮答复：经研究，下学期试点课后托管。'));
    refused(await rate(plain, id, 'satisfied'), 'NOT_FOUND');
    expectOk(await rate(signerA, id, 'satisfied'));
    refused(await rate(signerA, id, 'unsatisfied'), 'ALREADY_RATED');
    const back = expectOk(await rate(proposer, id, 'unsatisfied'));
    expect(back.proposal).toMatchObject({ status: 'assigned', round: 2 });
    refused(await rate(signerB, id, 'satisfied'), 'PROPOSAL_WRONG_STATE');

    expectOk(await reply(id, '第二轮答复：已确定场地和老师，下周一开始。'));
    expectOk(await rate(proposer, id, 'satisfied'));
    expectOk(await rate(signerA, id, 'basically'));
    const closed = expectOk(await rate(signerB, id, 'satisfied'));
    expect(closed.proposal.status).toBe('closed');
    expect(closed.proposal.replies.map((r) => r.round)).toEqual([1, 2]);
    expect(closed.proposal.history.slice(-2).map((h) => h.event)).toEqual([`评价第 2 轮答复：满意`, '全部评价完成，提案办结']);
  });

  it('lets the last two raters rate at the same moment and closes exactly once', async () => {
    const id = await assigned();
    expectOk(await reply(id));
    expectOk(await rate(proposer, id, 'satisfied'));
    const answers = await Promise.all([rate(signerA, id, 'satisfied'), rate(signerB, id, 'basically')]);
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(stored(id).status).toBe('closed');
    expect(stored(id).history.filter((h) => h.event === '全部评价完成，提案办结')).toHaveLength(1);
  });

  it('shows overdue replies to the committee', async () => {
    const id = await assigned();
    t.cloud.clock.set(T0 + 15 * DAY);
    const box = expectOk(await t.act(committee, 'proposal.list', { box: 'committee', sessionId }));
    expect(box.proposals.find((p) => p._id === id)).toMatchObject({ overdue: true, leadName: '总务处' });
  });

  it('rejects with a reason, turns one into a suggestion, and merges a duplicate', async () => {
    const rejected = await submitted({ title: '关于提高教职工体检标准的建议' });
    refused(await t.act(committee, 'proposal.triage', { proposalId: rejected, decision: { kind: 'reject', reason: '' } }), 'INVALID_INPUT');
    expectOk(await t.act(committee, 'proposal.triage', { proposalId: rejected, decision: { kind: 'reject', reason: '不属于教代会职权范围' } }));
    expect(stored(rejected)).toMatchObject({ status: 'rejected', decision: { kind: 'reject', reason: '不属于教代会职权范围', byName: committeeMember.name } });

    const converted = await submitted({ title: '关于食堂增加晚餐窗口的建议' });
    expectOk(await t.act(committee, 'proposal.triage', { proposalId: converted, decision: { kind: 'convert', reason: '属于日常管理事项' } }));
    expect(t.cloud.db.admin.find('suggestions', { fromProposalId: converted })[0]).toMatchObject({ title: '关于食堂增加晚餐窗口的建议', senderId: proposer.staffNo, status: 'received' });

    const target = await submitted({ title: '关于改善教师停车的建议' });
    const duplicate = await submitted({ title: '关于增加教师停车位的建议' });
    refused(await t.act(committee, 'proposal.triage', { proposalId: duplicate, decision: { kind: 'merge', into: duplicate, reason: '同一事项' } }), 'MERGE_TARGET_INVALID');
    refused(await t.act(committee, 'proposal.triage', { proposalId: duplicate, decision: { kind: 'merge', into: rejected, reason: '同一事项' } }), 'MERGE_TARGET_INVALID');
    expectOk(await t.act(committee, 'proposal.triage', { proposalId: duplicate, decision: { kind: 'merge', into: target, reason: '同一事项' } }));
    expect(stored(duplicate).status).toBe('merged');
    expect(stored(target).history.at(-1)?.event).toBe(`并入提案《关于增加教师停车位的建议》（提案人 ${proposer.name}）`);

    const before = t.snapshot();
    refused(await t.act(committee, 'proposal.triage', { proposalId: rejected, decision: { kind: 'accept' } }), 'PROPOSAL_WRONG_STATE');
    refused(await t.act(as(proposer), 'proposal.triage', { proposalId: target, decision: { kind: 'accept' } }), 'FORBIDDEN');
    expect(t.snapshot()).toEqual(before);
  });

  it('numbers accepted proposals once each, even when accepted at the same moment', async () => {
    const ids = [await submitted(), await submitted(), await submitted()];
    const answers = await Promise.all(ids.map((proposalId) => t.act(committee, 'proposal.triage', { proposalId, decision: { kind: 'accept' } })));
    expect(answers.every((a) => a.ok)).toBe(true);
    const numbers = ids.map((id) => stored(id).number!);
    expect(new Set(numbers).size).toBe(3);
  });
});

describe('the report (提案办理情况报告)', () => {
  it('counts by outcome and category and lists each accepted proposal with its reply and satisfaction', async () => {
    const id = await assigned();
    expectOk(await reply(id));
    for (const who of [proposer, signerA, signerB]) expectOk(await rate(who, id, who === signerB ? 'basically' : 'satisfied'));

    const report = expectOk(await t.act(committee, 'proposal.report', { sessionId }));
    expect(report.total).toBeGreaterThan(0);
    expect(report.byStatus.find((r) => r.status === 'closed')?.count).toBeGreaterThanOrEqual(1);
    expect(report.byCategory.find((r) => r.category === 'welfare')?.count).toBe(report.total);
    const row = report.accepted.find((r) => r._id === id);
    expect(row).toMatchObject({ status: 'closed', leadName: '总务处', helperNames: ['工会'], satisfaction: { satisfied: 2, basically: 1, unsatisfied: 0 } });
    refused(await t.act(as(proposer), 'proposal.report', { sessionId }), 'FORBIDDEN');

    const file = expectOk(await t.act(committee, 'proposal.exportReport', { sessionId }));
    expect(file.fileName).toBe('第十二届教代会第二次会议-提案办理情况报告.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await fetch(file.tempFileURL)).arrayBuffer()) as never);
    const rows = (book.getWorksheet('立案提案办理情况')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows.find((r) => r[0] === stored(id).number)).toEqual([
      stored(id).number, '关于增设教职工子女课后托管的建议', proposer.name, '教职工福利', '总务处', '工会', '已办结', '总务处已协调场地，下学期起在二号楼开设课后托管，每日至18:30。', 2, 1, 0,
    ]);
  });
});

describe('sessions and departments', () => {
  it('are the chair’s to set; a busy department is kept', async () => {
    refused(await t.act(committee, 'congress.saveSession', { session: { name: '第十二届教代会第三次会议', proposalOpensAt: T0, proposalClosesAt: T0 + DAY, minCoSigners: 2 } }), 'FORBIDDEN');
    refused(await t.act(chair, 'congress.saveSession', { session: { name: '第十二届教代会第三次会议', proposalOpensAt: T0, proposalClosesAt: T0 - DAY, minCoSigners: 2 } }), 'INVALID_INPUT');
    refused(await t.act(chair, 'department.save', { department: { name: '教务处', handlerIds: ['NOBODY'] } }), 'PLAYER_NOT_FOUND');
    await assigned();
    refused(await t.act(chair, 'department.remove', { departmentId: leadId }), 'DEPARTMENT_IN_USE');
    const list = expectOk(await t.act(as(plain), 'department.list', {}));
    expect(list.find((d) => d._id === leadId)?.handlers).toEqual([{ memberId: t.publicId(leadHandler.staffNo), name: leadHandler.name }]);
    const sessions = expectOk(await t.act(as(plain), 'congress.sessions', {}));
    expect(sessions.current).toBe(sessionId);
  });
});

