/**
 * Ids spelled like what every JavaScript object already has (`constructor`, `toString`,
 * `__proto__`…). The hostile test found two holes: a roster 工号 `constructor` was "in" every
 * proposal's co-signers, so that member read other delegates' drafts; and a 民主评议 subject id
 * `toString` let a voter skip that subject and stored `"function toString() { [native code] }": 1`.
 * Such ids are now refused wherever they come in, and records keyed by ids are read by own keys
 * only, so data stored before the fix cannot open anything either.
 */
import type { Member } from '../../types/member';
import type { Proposal } from '../../types/proposal';
import type { Vote } from '../../types/vote';
import { demo, expectOk, startTestCloud, type TestCloud } from './support/harness';
import { appraisal, voteDraft } from './support/votes';

jest.setTimeout(120_000);

let t: TestCloud;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 26, 2, 0);
const chair = demo.openid(demo.chair.staffNo);
const delegates = demo.members.filter((m) => m.openid && m.isDelegate && m.roles.length === 0);
const [proposer, signer] = delegates;
const as = (m: { staffNo: string }) => demo.openid(m.staffNo);
const voter = demo.members.find((m) => m.openid && m.roles.length === 0 && m.status === 'active')!;
const RESERVED = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

let sessionId = '';

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(T0);
  sessionId = expectOk(
    await t.act(chair, 'congress.saveSession', { session: { name: '第十二届教代会第二次会议', proposalOpensAt: T0 - DAY, proposalClosesAt: T0 + 7 * DAY, minCoSigners: 1 } }),
  )._id;
});
afterAll(() => t.stop());
beforeEach(() => t.cloud.clock.set(T0));

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n');

/** A member record written before the fix (or by hand): a bound delegate whose 工号 is `staffNo`. */
function legacyMember(staffNo: string): string {
  const template = t.cloud.db.admin.find('members', { _id: proposer.staffNo })[0] as Member;
  const openid = `legacy-openid-${staffNo.replace(/_/g, 'x')}`;
  t.cloud.db.admin.insert('members', [{ ...template, _id: staffNo, staffNo, name: '原型老师', openid }]);
  return openid;
}

describe('a roster 工号 named like an Object.prototype member', () => {
  it('is refused by the roster import, row by row, with a clear message; the other rows still import', async () => {
    const fileID = await t.uploadFor(chair, 'roster', 'reserved.csv', csv([
      ['姓名', '工号', '性别', '工会小组', '状态', '教代会代表'],
      ...RESERVED.map((staffNo, i) => [`保留${i}`, staffNo, '女', '语文组', '在职', '是']),
      ['正常老师', 'R001', '男', '语文组', '在职', '否'],
    ]));
    const preview = expectOk(await t.act(chair, 'roster.preview', { fileID }));
    expect(preview.counts).toEqual({ new: 1, update: 0, invalid: RESERVED.length });
    expect(preview.rows.filter((r) => r.status === 'invalid').map((r) => r.problems)).toEqual(RESERVED.map((staffNo) => [`工号「${staffNo}」是程序的保留名称，不能用作工号，请换一个`]));
    expect(expectOk(await t.act(chair, 'roster.commit', { fileID }))).toEqual({ created: 1, updated: 0 });
    for (const staffNo of RESERVED) expect(t.cloud.db.admin.find('members', { _id: staffNo })).toEqual([]);
  });

  it('cannot read another delegate\'s draft even if such a record is in the database', async () => {
    const draftId = expectOk(
      await t.act(as(proposer), 'proposal.create', {
        sessionId,
        draft: { title: '关于改善教师午餐的建议', reasons: '食堂菜品单一，教师反映较多，希望改进。', measures: '增加菜品种类，每周公布菜单并征求意见。', category: 'welfare' },
      }),
    ).proposal._id;
    const intruder = legacyMember('constructor');
    const before = t.snapshot();
    expect(await t.act(intruder, 'proposal.get', { proposalId: draftId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await t.act(intruder, 'proposal.respond', { proposalId: draftId, accept: true })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await t.act(intruder, 'proposal.rate', { proposalId: draftId, rating: 'satisfied' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const list = expectOk(await t.act(intruder, 'proposal.list', { box: 'mine' }));
    expect(list.proposals.map((p) => p._id)).not.toContain(draftId);
    expect(t.snapshot()).toEqual(before);
    // The proposer still sees it, and a real co-signer still can be invited and sign.
    expectOk(await t.act(as(proposer), 'proposal.invite', { proposalId: draftId, memberIds: [t.publicId(signer.staffNo)] }));
    expect(expectOk(await t.act(as(signer), 'proposal.respond', { proposalId: draftId, accept: true })).proposal.coSigners[signer.staffNo].state).toBe('signed');
    expect(Object.keys((t.cloud.db.admin.find('proposals', { _id: draftId })[0] as Proposal).coSigners)).toEqual([signer.staffNo]);
  });

  it('is refused in every input that carries a 工号 or an id, with ID_RESERVED', async () => {
    const before = t.snapshot();
    for (const name of RESERVED) {
      const answers = [
        await t.act(as(proposer), 'proposal.get', { proposalId: name }),
        await t.act(as(proposer), 'proposal.invite', { proposalId: 'p1', memberIds: [name] }),
        await t.act(chair, 'member.get', { memberId: name }),
        await t.act(chair, 'vote.get', { voteId: name }),
      ];
      for (const answer of answers) expect(answer).toMatchObject({ ok: false, code: 'ID_RESERVED', message: '编号或工号不能是 constructor、toString、__proto__ 这类程序保留名称，请换一个' });
      const issues = answers[1].ok ? [] : answers[1].issues ?? [];
      expect(issues).toContainEqual({ path: 'memberIds.0', message: `工号不能是「${name}」：这是程序的保留名称` });
    }
    expect(t.snapshot()).toEqual(before);
  });
});

describe('a 民主评议 subject id named like an Object.prototype member', () => {
  it('is refused when the vote is created', async () => {
    const content = { ...appraisal, subjects: [appraisal.kind === 'appraisal' ? appraisal.subjects[0] : never(), { id: 'toString', name: '张主任', title: '教务主任' }] };
    const answer = await t.act(chair, 'vote.create', { draft: voteDraft(T0, content as typeof appraisal) });
    expect(answer).toMatchObject({ ok: false, code: 'ID_RESERVED' });
    expect(answer.ok ? [] : answer.issues).toContainEqual({ path: 'draft.content.subjects.1.id', message: '编号不能是「toString」：这是程序的保留名称' });
  });

  it('in a vote already stored with one, a voter cannot skip that subject, and nothing odd reaches the tally', async () => {
    const created = expectOk(await t.act(chair, 'vote.create', { draft: voteDraft(T0, appraisal, { secret: false }) }));
    expectOk(await t.act(chair, 'vote.publish', { voteId: created._id }));
    // The same vote as it would be stored had it been created before the fix.
    const stored = t.cloud.db.admin.find('votes', { _id: created._id })[0] as Vote;
    const legacyId = `${created._id}x`;
    const subjects = [{ id: 's1', name: '王校长', title: '校长' }, { id: 'toString', name: '李书记', title: '党支部书记' }];
    const grades0 = { excellent: 0, competent: 0, basic: 0, incompetent: 0 };
    t.cloud.db.admin.insert('votes', [{ ...stored, _id: legacyId, content: { kind: 'appraisal', subjects }, tally: { s1: { ...grades0 }, toString: { ...grades0 } } }]);

    const before = t.snapshot();
    const skipped = await t.act(as(voter), 'vote.cast', { voteId: legacyId, ballot: { kind: 'appraisal', grades: { s1: 'excellent' } } });
    expect(skipped).toMatchObject({ ok: false, code: 'BALLOT_INVALID' });
    expect(skipped.ok ? [] : skipped.issues?.map((i) => i.message)).toContain('请为每位评议对象选择等次，还没评：李书记');
    expect(t.snapshot()).toEqual(before);

    const tally = (t.cloud.db.admin.find('votes', { _id: legacyId })[0] as Vote).tally;
    expect(Object.keys(tally).sort()).toEqual(['s1', 'toString']);
    expect(JSON.stringify(tally)).not.toContain('function');
  });
});

function never(): never {
  throw new Error('unreachable');
}
