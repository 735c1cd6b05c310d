/**
 * The annual plan through the real request function: preview from pasted text, a .txt (GBK too)
 * or a .docx; saving; dates; one-tap drafts; and the home page's month.
 */
import JSZip from 'jszip';
import type { Activity } from '../../types/activity';
import type { PlanPreview } from '../../types/plan';
import { demo, expectOk, startTestCloud, type TestCloud } from './support/harness';
import { seedPlan as plan } from '../fixtures/seed-plans';

jest.setTimeout(60_000);

let t: TestCloud;
const SHANGHAI = 8 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 8, 1, 2, 0); // 1 September 2026, 10:00 in Shanghai
const chair = demo.openid(demo.chair.staffNo);
const committee = demo.openid(demo.committee.staffNo);
const member = demo.openid(demo.members.find((m) => m.openid && m.roles.length === 0 && m.status === 'active')!.staffNo);

const shape = (preview: PlanPreview) => preview.months.map((m) => [m.month, m.items.length]);

beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.stop());
beforeEach(() => t.cloud.clock.set(T0));

describe('preview', () => {
  it('reads plan 1 pasted as text, and writes nothing', async () => {
    const before = t.snapshot();
    const preview = expectOk(await t.act(chair, 'plan.preview', { text: plan(1) }));
    expect(shape(preview)).toEqual([[1, 4], [2, 7], [3, 8], [4, 5], [5, 4], [6, 4], [7, 3], [9, 6], [10, 8], [11, 5], [12, 5]]);
    expect(t.snapshot()).toEqual(before);
  });

  it('reads plan 4 from a .docx, warning about 十月 twice', async () => {
    const zip = new JSZip();
    const paragraphs = plan(4).split('\n').filter((line) => line.trim()).map((line) => `<w:p><w:r><w:t xml:space="preserve">${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`);
    zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.join('')}</w:body></w:document>`);
    const fileID = await t.uploadFor(chair, 'plan', 'plan4.docx', await zip.generateAsync({ type: 'nodebuffer' }));
    const preview = expectOk(await t.act(chair, 'plan.preview', { fileID }));
    expect(shape(preview)).toEqual([[9, 3], [10, 2], [10, 1], [12, 3]]);
    expect(preview.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^10月出现了两次/)]);
  });

  it('reads plan 2 from a .txt saved as GBK', async () => {
    const encoded = encodeGbk(plan(2));
    expect(new TextDecoder('gb18030').decode(encoded)).toBe(plan(2));
    const fileID = await t.uploadFor(chair, 'plan', 'plan2.txt', encoded);
    expect(shape(expectOk(await t.act(chair, 'plan.preview', { fileID })))).toEqual([[1, 2], [2, 3], [3, 5], [4, 5], [5, 4], [6, 3]]);
  });

  it('refuses an empty plan, a plan without months, another file type, and members', async () => {
    const before = t.snapshot();
    expect(await t.act(chair, 'plan.preview', { text: '   ' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await t.act(chair, 'plan.preview', { text: plan(3) })).toMatchObject({ ok: false, code: 'PLAN_UNPARSEABLE' });
    // A .pdf is refused before it is uploaded: there is no place for it.
    expect(await t.act(chair, 'file.uploadPath', { purpose: 'plan', extension: 'pdf' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const broken = await t.uploadFor(chair, 'plan', 'broken.docx', Buffer.from('not a zip'));
    expect(await t.act(chair, 'plan.preview', { fileID: broken })).toMatchObject({ ok: false, code: 'PLAN_UNREADABLE' });
    expect(await t.act(member, 'plan.preview', { text: plan(1) })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(t.snapshot()).toEqual(before);
  });
});

/** GBK bytes for CJK text and ASCII, via the WHATWG gb18030 decoder's table (inverted once). */
function encodeGbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (table.has(ch)) bytes.push(...table.get(ch)!);
    else throw new Error(`no GBK code for ${ch}`);
  }
  return Buffer.from(bytes);
}

describe('the saved plan', () => {
  const months = [
    { year: 2026, month: 9, items: [{ id: 'a1', text: '庆祝教师节，组织全体教工聚餐和抽奖活动。' }, { id: 'a2', text: '组织新调入教师一日游活动。' }] },
    { year: 2026, month: 10, items: [{ id: 'b1', text: '评选2026年工会活动积极分子。' }, { id: 'b2', text: '组织好全体教职工体检、女教职工妇检。' }] },
  ];

  it('is saved by the chair, read by everyone, and items get dates within their month', async () => {
    expect(await t.act(committee, 'plan.save', { year: 2026, title: '2026-2027学年工会工作计划', months })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const saved = expectOk(await t.act(chair, 'plan.save', { year: 2026, title: '2026-2027学年工会工作计划', months }));
    expect(saved).toMatchObject({ _id: 'plan-2026', rev: 1, savedBy: demo.chair.name });
    expect(expectOk(await t.act(member, 'plan.get', { year: 2026 })).plan?.months.map((m) => m.items.length)).toEqual([2, 2]);
    expect(expectOk(await t.act(member, 'plan.get', { year: 2030 })).plan).toBeNull();

    expect(expectOk(await t.act(committee, 'plan.setItemDate', { year: 2026, itemId: 'a1', date: '2026-09-10' })).date).toBe('2026-09-10');
    const before = t.snapshot();
    expect(await t.act(committee, 'plan.setItemDate', { year: 2026, itemId: 'a1', date: '2026-10-10' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await t.act(committee, 'plan.setItemDate', { year: 2026, itemId: 'zz', date: '2026-09-10' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await t.act(member, 'plan.setItemDate', { year: 2026, itemId: 'a1', date: null })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(t.snapshot()).toEqual(before);
  });

  it('turns items into drafts with one tap, each once', async () => {
    const activity = expectOk(await t.act(committee, 'plan.makeDraft', { year: 2026, itemId: 'a1', kind: 'activity' }));
    const stored = t.cloud.db.admin.find('activities', { _id: activity.id })[0] as Activity;
    expect(stored).toMatchObject({ status: 'draft', category: 'festival', title: '庆祝教师节，组织全体教工聚餐和抽奖活动', startAt: Date.UTC(2026, 8, 10, 15) - SHANGHAI });
    const vote = expectOk(await t.act(committee, 'plan.makeDraft', { year: 2026, itemId: 'b1', kind: 'vote' }));
    expect(t.cloud.db.admin.find('votes', { _id: vote.id })[0]).toMatchObject({ status: 'draft', content: { kind: 'election', candidates: [] } });
    expect(await t.act(chair, 'vote.publish', { voteId: vote.id })).toMatchObject({ ok: false, code: 'VOTE_INCOMPLETE' });
    const notice = expectOk(await t.act(chair, 'plan.makeDraft', { year: 2026, itemId: 'b2', kind: 'notice' }));
    expect(t.cloud.db.admin.find('notices', { _id: notice.id })[0]).toMatchObject({ status: 'draft', everyone: true, title: '组织好全体教职工体检、女教职工妇检' });

    const before = t.snapshot();
    expect(await t.act(chair, 'plan.makeDraft', { year: 2026, itemId: 'a1', kind: 'notice' })).toMatchObject({ ok: false, code: 'PLAN_ITEM_LINKED' });
    expect(t.snapshot()).toEqual(before);
    const items = expectOk(await t.act(committee, 'plan.get', { year: 2026 })).plan!.months.flatMap((m) => m.items);
    expect(items.find((i) => i.id === 'a1')?.linked).toEqual({ kind: 'activity', id: activity.id });

    // Saving the plan again keeps the links and dates of items it still has.
    expectOk(await t.act(chair, 'plan.save', { year: 2026, title: '2026-2027学年工会工作计划', months }));
    const again = expectOk(await t.act(committee, 'plan.get', { year: 2026 })).plan!.months.flatMap((m) => m.items);
    expect(again.find((i) => i.id === 'a1')).toMatchObject({ date: '2026-09-10', linked: { kind: 'activity', id: activity.id } });
  });

  it('links drafts only for organisers: members and group leaders get a link once they may open what it points to', async () => {
    const leader = demo.openid(demo.members.find((m) => m.openid && m.roles.length === 1 && m.roles[0] === 'groupLeader')!.staffNo);
    const linksAs = async (openid: string) =>
      Object.fromEntries(expectOk(await t.act(openid, 'plan.get', { year: 2026 })).plan!.months.flatMap((m) => m.items).map((i) => [i.id, i.linked?.kind ?? null]));
    const homeLinksAs = async (openid: string) =>
      Object.fromEntries(expectOk(await t.act(openid, 'home.month', { month: '2026-10' })).planItems.map((i) => [i.id, i.linked?.kind ?? null]));
    // The three drafts made above: an activity (a1), a vote (b1), a notice (b2).
    expect(await linksAs(chair)).toEqual({ a1: 'activity', a2: null, b1: 'vote', b2: 'notice' });
    expect(await linksAs(member)).toEqual({ a1: null, a2: null, b1: null, b2: null });
    expect(await linksAs(leader)).toEqual({ a1: null, a2: null, b1: null, b2: null });
    expect(await homeLinksAs(member)).toEqual({ b1: null, b2: null });
    expect(await homeLinksAs(committee)).toEqual({ b1: 'vote', b2: 'notice' });
    // No draft id anywhere in what a member receives.
    const drafts = [...t.cloud.db.admin.find('activities', { status: 'draft' }), ...t.cloud.db.admin.find('votes', { status: 'draft' }), ...t.cloud.db.admin.find('notices', { status: 'draft' })].map((d) => String(d._id));
    const seen = JSON.stringify([await t.act(member, 'plan.get', { year: 2026 }), await t.act(member, 'home.month', { month: '2026-09' }), await t.act(member, 'home.month', { month: '2026-10' })]);
    expect(drafts.filter((id) => seen.includes(id))).toEqual([]);

    // Published, the activity's link reaches everyone it is meant for.
    const a1 = expectOk(await t.act(chair, 'plan.get', { year: 2026 })).plan!.months[0].items[0].linked!.id;
    expectOk(await t.act(chair, 'activity.publish', { activityId: a1 }));
    expect(await linksAs(member)).toEqual({ a1: 'activity', a2: null, b1: null, b2: null });
  });

  it('gives the home page the month: plan items, activities, open votes and notices in one call', async () => {
    const notice = expectOk(await t.act(chair, 'notice.create', { draft: { title: '九月工会工作安排', body: '本月重点是教师节系列活动。', attachments: [], audience: {}, everyone: true, pinned: true, publishAt: null } }));
    expectOk(await t.act(chair, 'notice.publish', { noticeId: notice._id }));
    t.cloud.clock.advance(1000);
    const { result, dbRequests } = await t.cloud.call('api', { action: 'home.month', input: { month: '2026-09' } }, { openid: member });
    expect(result.ok).toBe(true);
    const month = result.data;
    expect(month.planItems.map((i: { id: string }) => i.id)).toEqual(['a1', 'a2']);
    expect(month.notices.map((n: { _id: string }) => n._id)).toContain(notice._id);
    expect(month.unreadMessages).toBeGreaterThan(0);
    expect(dbRequests).toBeLessThanOrEqual(12);
    expect((await t.act(member, 'home.month', { month: '2026-13' }))).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});
