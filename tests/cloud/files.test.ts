/**
 * Files (issue 12 §1), through the real request function and the local cloud's client storage
 * endpoints (what the H5 app and wx.cloud use, under the storage rules):
 * - an attachment only through `notice.get`, for the notice's audience and its organisers; a
 *   stranger or a member outside the audience gets no temp URL for it, even knowing its id;
 * - nobody overwrites a file someone else uploaded, and an action adopts only the caller's upload;
 * - exports live at unguessable paths; getTempFileURL takes at most 50 files; temp URLs expire.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { NoticeDraft } from '../../types/notice';
import { demo, expectOk, startTestCloud, type TestCloud } from './support/harness';
import { election, voteDraft } from './support/votes';

jest.setTimeout(120_000);

let t: TestCloud;
const T0 = Date.UTC(2026, 11, 2, 2, 0);
const MINUTE = 60 * 1000;
const chair = demo.openid(demo.chair.staffNo);
const committee = demo.openid(demo.committee.staffNo);
const stranger = 'a-wechat-user-not-on-the-roster';
const bound = demo.members.filter((m) => m.openid && m.roles.length === 0);
/** In a notice for retired members: a retired member is in its audience, an active one is not. */
const audienceMember = demo.openid(bound.find((m) => m.status === 'retired')!.staffNo);
const outsider = demo.openid(bound.find((m) => m.status === 'active')!.staffNo);
const PDF = Buffer.from('%PDF-1.4 重阳节活动安排');

beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.stop());
beforeEach(() => t.cloud.clock.set(T0));

/** wx.cloud.getTempFileURL as this WeChat user: the local cloud's client endpoint. */
async function clientTempUrls(openid: string, fileList: string[]): Promise<{ status: number; body: any }> {
  const res = await fetch(`${t.cloud.url}/api/storage/temp-urls`, {
    method: 'POST',
    headers: { cookie: `lc_openid=${encodeURIComponent(openid)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ fileList }),
  });
  return { status: res.status, body: await res.json() };
}

/** wx.cloud.uploadFile as this WeChat user, to a path of their choosing: the HTTP status. */
async function clientUploadStatus(openid: string, cloudPath: string, bytes: Buffer): Promise<number> {
  const res = await fetch(`${t.cloud.url}/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { cookie: `lc_openid=${encodeURIComponent(openid)}` },
    body: new Uint8Array(bytes),
  });
  return res.status;
}

const pathOf = (fileID: string) => fileID.replace(/^cloud:\/\/[^/]+\//, '');
const bytesAt = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());

const draft = (overrides: Partial<NoticeDraft> = {}): NoticeDraft => ({
  title: '离退休教职工重阳节活动通知',
  body: '重阳节登高活动安排见附件，请各位老师按时参加。',
  attachments: [],
  audience: { statuses: ['retired'] },
  everyone: false,
  pinned: false,
  publishAt: null,
  ...overrides,
});

/** The chair uploads a PDF and publishes a notice for retired members carrying it. */
async function retiredNoticeWithAttachment() {
  const upload = await t.uploadFor(chair, 'notice', '活动安排.pdf', PDF);
  const notice = expectOk(await t.act(chair, 'notice.create', { draft: draft({ attachments: [{ fileID: upload, name: '活动安排.pdf' }] }) }));
  expectOk(await t.act(chair, 'notice.publish', { noticeId: notice._id }));
  // A function's clock runs on from the frozen instant: move past the moment it was published.
  t.cloud.clock.advance(1000);
  return { notice, upload, attachment: notice.attachments[0]! };
}

describe('an attachment is handed out only to those who may read the notice', () => {
  it('the audience and the organisers get a temp URL from notice.get; an outsider and a stranger get none, even with the file id', async () => {
    const { notice, attachment } = await retiredNoticeWithAttachment();

    const reader = expectOk(await t.act(audienceMember, 'notice.get', { noticeId: notice._id }));
    expect(await bytesAt(reader.attachmentUrls[attachment.fileID]!)).toEqual(PDF);
    const organiser = expectOk(await t.act(committee, 'notice.get', { noticeId: notice._id }));
    expect(organiser.attachmentUrls[attachment.fileID]).toBeTruthy();

    expect(await t.act(outsider, 'notice.get', { noticeId: notice._id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await t.act(stranger, 'notice.get', { noticeId: notice._id })).toMatchObject({ ok: false, code: 'NOT_BOUND' });
    for (const who of [outsider, stranger, audienceMember, committee]) {
      const { body } = await clientTempUrls(who, [attachment.fileID]);
      expect(body.fileList).toEqual([{ fileID: attachment.fileID, tempFileURL: '', status: -503002, errMsg: 'permission denied' }]);
    }
  });

  it('a candidate photo is shown to the vote\'s electorate through vote.get, never by file id', async () => {
    const photo = await t.uploadFor(chair, 'votePhoto', '王老师.jpg', Buffer.from('jpeg bytes'));
    const content = election(2, 1);
    if (content.kind !== 'election') throw new Error('an election');
    content.candidates[0]!.photo = photo;
    const vote = expectOk(await t.act(chair, 'vote.create', { draft: voteDraft(T0, content, { electorate: { statuses: ['retired'] } }) }));
    expectOk(await t.act(chair, 'vote.publish', { voteId: vote._id }));
    const stored = vote.content.kind === 'election' ? vote.content.candidates[0]!.photo! : '';
    expect(pathOf(stored)).toMatch(/^files\/votePhoto\/[0-9a-f]{32}\.jpg$/);

    const detail = expectOk(await t.act(audienceMember, 'vote.get', { voteId: vote._id }));
    expect(await bytesAt(detail.photoUrls[stored]!)).toEqual(Buffer.from('jpeg bytes'));
    expect(await t.act(outsider, 'vote.get', { voteId: vote._id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await clientTempUrls(outsider, [stored])).body.fileList[0]).toMatchObject({ status: -503002, tempFileURL: '' });
    // The upload itself is gone once adopted.
    expect((await clientTempUrls(chair, [photo])).body.fileList[0]).toMatchObject({ tempFileURL: '' });
  });
});

describe('the storage rules as each kind of person meets them', () => {
  const people = {
    stranger,
    member: outsider,
    audienceMember,
    author: chair,
    organiser: committee,
  };
  /** A notice's attachment: read by file id (wx.cloud.getTempFileURL / downloadFile), write over its path, and a temp URL from notice.get. */
  const ATTACHMENT: Record<keyof typeof people, [read: string, write: string, tempUrl: string]> = {
    stranger: ['no', 'no', 'no'],
    member: ['no', 'no', 'no'],
    audienceMember: ['no', 'no', 'yes'],
    author: ['no', 'no', 'yes'],
    organiser: ['no', 'no', 'yes'],
  };
  /** The author's upload, before a notice adopts it: read and write by path. Only its uploader. */
  const UPLOAD: Record<keyof typeof people, [read: string, write: string]> = {
    stranger: ['no', 'no'],
    member: ['no', 'no'],
    audienceMember: ['no', 'no'],
    author: ['yes', 'yes'],
    organiser: ['no', 'no'],
  };
  let notice: { _id: string };
  let attachment: { fileID: string };
  let upload: string;
  beforeAll(async () => {
    // Published a minute before the instant each test starts at.
    t.cloud.clock.set(T0 - MINUTE);
    ({ notice, attachment } = await retiredNoticeWithAttachment());
    upload = await t.uploadFor(chair, 'notice', '草稿附件.pdf', PDF);
  });

  const readable = async (openid: string, fileID: string) => {
    const [entry] = (await clientTempUrls(openid, [fileID])).body.fileList;
    return entry.tempFileURL && (await bytesAt(entry.tempFileURL)).equals(PDF) ? 'yes' : 'no';
  };
  const writable = async (openid: string, fileID: string) => ((await clientUploadStatus(openid, pathOf(fileID), PDF)) === 200 ? 'yes' : 'no');

  it.each(Object.keys(people) as Array<keyof typeof people>)('%s', async (who) => {
    const openid = people[who];
    const detail = await t.act(openid, 'notice.get', { noticeId: notice._id });
    const viaAction = detail.ok && detail.data.attachmentUrls[attachment.fileID] && (await bytesAt(detail.data.attachmentUrls[attachment.fileID]!)).equals(PDF) ? 'yes' : 'no';
    expect({ who, attachment: [await readable(openid, attachment.fileID), await writable(openid, attachment.fileID), viaAction] }).toEqual({ who, attachment: ATTACHMENT[who] });
    expect({ who, upload: [await readable(openid, upload), await writable(openid, upload)] }).toEqual({ who, upload: UPLOAD[who] });
  });
});

describe('nobody overwrites another person\'s file, and actions adopt only the caller\'s own upload', () => {
  it('a stranger cannot upload over the chair\'s attachment or upload: members still get the chair\'s bytes, of the recorded size', async () => {
    const { notice, upload, attachment } = await retiredNoticeWithAttachment();
    const forged = Buffer.from('%PDF-1.4 伪造的通知：请把工资卡号发到这个邮箱');
    expect(await clientUploadStatus(stranger, pathOf(attachment.fileID), forged)).toBe(403);
    expect(await clientUploadStatus(outsider, pathOf(attachment.fileID), forged)).toBe(403);
    // The chair's own upload folder: the path was handed to the chair, and only the chair may write there.
    const next = expectOk(await t.act(chair, 'file.uploadPath', { purpose: 'notice', extension: 'pdf' }));
    expect(await clientUploadStatus(chair, next.cloudPath, PDF)).toBe(200);
    expect(await clientUploadStatus(stranger, next.cloudPath, forged)).toBe(403);

    const reader = expectOk(await t.act(audienceMember, 'notice.get', { noticeId: notice._id }));
    const got = await bytesAt(reader.attachmentUrls[attachment.fileID]!);
    expect(got).toEqual(PDF);
    expect(reader.notice.attachments[0]!.size).toBe(got.length);
    expect(upload).not.toBe(attachment.fileID);
  });

  it('refuses, changing nothing, an upload that is not the caller\'s own or not for this purpose', async () => {
    const chairsUpload = await t.uploadFor(chair, 'notice', '体检须知.pdf', PDF);
    const chairsRoster = await t.uploadFor(chair, 'roster', '名册.csv', '姓名,工号\n');
    const elsewhere = await t.upload(committee, 'notice-files/自选路径.pdf', PDF);
    const before = t.snapshot();
    const attach = (fileID: string) => ({ draft: draft({ attachments: [{ fileID, name: '须知.pdf' }] }) });
    expect(await t.act(committee, 'notice.create', attach(chairsUpload))).toMatchObject({ ok: false, code: 'NOT_YOUR_UPLOAD', message: '这个文件不是你刚上传的，请重新上传' });
    expect(await t.act(committee, 'notice.create', attach(elsewhere))).toMatchObject({ ok: false, code: 'NOT_YOUR_UPLOAD' });
    expect(await t.act(chair, 'roster.preview', { fileID: chairsUpload })).toMatchObject({ ok: false, code: 'NOT_YOUR_UPLOAD' });
    expect(await t.act(chair, 'plan.preview', { fileID: chairsRoster })).toMatchObject({ ok: false, code: 'NOT_YOUR_UPLOAD' });
    const content = election(2, 1);
    if (content.kind === 'election') content.candidates[0]!.photo = chairsUpload;
    expect(await t.act(committee, 'vote.create', { draft: voteDraft(T0, content) })).toMatchObject({ ok: false, code: 'NOT_YOUR_UPLOAD' });
    expect(t.snapshot()).toEqual(before);
    // Another notice's attachment is not an upload either.
    const { attachment } = await retiredNoticeWithAttachment();
    const after = t.snapshot();
    expect(await t.act(chair, 'notice.create', attach(attachment.fileID))).toMatchObject({ ok: false, code: 'NOT_YOUR_UPLOAD' });
    expect(t.snapshot()).toEqual(after);
  });

  it('a photo path handed out but never uploaded is refused as missing', async () => {
    const { cloudPath } = expectOk(await t.act(chair, 'file.uploadPath', { purpose: 'votePhoto', extension: 'png' }));
    const somePhoto = await t.uploadFor(chair, 'votePhoto', 'a.png', Buffer.from('png'));
    const content = election(2, 1);
    if (content.kind === 'election') content.candidates[0]!.photo = somePhoto.replace(/uploads\/.*$/, cloudPath);
    expect(await t.act(chair, 'vote.create', { draft: voteDraft(T0, content) })).toMatchObject({ ok: false, code: 'UPLOAD_MISSING', message: '文件没有上传成功，请重新上传' });
  });

  it('hands out upload paths only for what the caller may do, each with a new 128-bit name under their own folder', async () => {
    const a = expectOk(await t.act(committee, 'file.uploadPath', { purpose: 'notice', extension: 'PDF' }));
    const b = expectOk(await t.act(committee, 'file.uploadPath', { purpose: 'notice', extension: 'pdf' }));
    const c = expectOk(await t.act(chair, 'file.uploadPath', { purpose: 'notice', extension: 'pdf' }));
    expect(a.cloudPath).toMatch(/^uploads\/[0-9a-f]{32}\/notice\/[0-9a-f]{32}\.pdf$/);
    expect(a.cloudPath.split('/')[1]).toBe(b.cloudPath.split('/')[1]);
    expect(a.cloudPath.split('/')[1]).not.toBe(c.cloudPath.split('/')[1]);
    expect(a.cloudPath).not.toBe(b.cloudPath);
    expect(a.cloudPath).not.toContain(committee);
    // The roster and the plan are the chair's to upload.
    expect(await t.act(committee, 'file.uploadPath', { purpose: 'roster', extension: 'csv' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await t.act(outsider, 'file.uploadPath', { purpose: 'notice', extension: 'pdf' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await t.act(chair, 'file.uploadPath', { purpose: 'votePhoto', extension: 'exe' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await t.raw(chair, { action: 'file.uploadPath', input: { purpose: 'notice', extension: 'pdf', cloudPath: 'exports/x.pdf' } })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});

describe('exports, batches and expiry', () => {
  it('an export lives at exports/<kind>/<128 random bits>.xlsx: no vote id, no time, a new name each time, and no member can fetch it by id', async () => {
    const vote = expectOk(await t.act(chair, 'vote.create', { draft: voteDraft(T0, election(2, 1), { secret: false, resultVisibility: 'afterClose' }) }));
    const first = expectOk(await t.act(chair, 'vote.export', { voteId: vote._id }));
    const second = expectOk(await t.act(committee, 'vote.export', { voteId: vote._id }));
    for (const file of [first, second]) {
      expect(pathOf(file.fileID)).toMatch(/^exports\/vote\/[0-9a-f]{32}\.xlsx$/);
      expect(file.fileID).not.toContain(vote._id);
      expect(file.fileID).not.toContain(String(T0).slice(0, 8));
    }
    expect(first.fileID).not.toBe(second.fileID);
    expect((await fetch(first.tempFileURL)).status).toBe(200);
    for (const who of [outsider, committee, chair]) expect((await clientTempUrls(who, [first.fileID])).body.fileList[0]).toMatchObject({ status: -503002, tempFileURL: '' });
  });

  it('getTempFileURL takes at most 50 files from a client; the server fetches 60 candidate photos in batches', async () => {
    const ids = Array.from({ length: 51 }, (_, i) => `cloud://local-dev.local-dev-1250000000/exports/vote/${String(i).padStart(32, '0')}.xlsx`);
    const refused = await clientTempUrls(outsider, ids);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'INVALID_PARAM' });
    const fifty = await clientTempUrls(outsider, ids.slice(0, 50));
    expect(fifty.status).toBe(200);
    expect(fifty.body.fileList).toHaveLength(50);

    const photos = await Promise.all(Array.from({ length: 60 }, (_, i) => t.uploadFor(chair, 'votePhoto', `p${i}.png`, Buffer.from(`photo ${i}`))));
    const content = election(60, 1);
    if (content.kind === 'election') content.candidates.forEach((c, i) => (c.photo = photos[i]));
    const vote = expectOk(await t.act(chair, 'vote.create', { draft: voteDraft(T0, content) }));
    const detail = expectOk(await t.act(chair, 'vote.get', { voteId: vote._id }));
    expect(Object.keys(detail.photoUrls)).toHaveLength(60);
  });

  it('a temp URL works for ten minutes, then is refused', async () => {
    const { notice, attachment } = await retiredNoticeWithAttachment();
    const url = expectOk(await t.act(audienceMember, 'notice.get', { noticeId: notice._id })).attachmentUrls[attachment.fileID]!;
    t.cloud.clock.advance(10 * MINUTE - 1000);
    expect((await fetch(url)).status).toBe(200);
    t.cloud.clock.advance(2000);
    const late = await fetch(url);
    expect(late.status).toBe(403);
    expect(await late.text()).toContain('request has expired');
    // Opening the notice again gives a fresh one.
    const fresh = expectOk(await t.act(audienceMember, 'notice.get', { noticeId: notice._id })).attachmentUrls[attachment.fileID]!;
    expect(await bytesAt(fresh)).toEqual(PDF);
  });
});

it('every file stored by these flows has a name with at least 128 random bits', () => {
  const bucketRoot = path.join(t.dataDir, 'storage');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!name.startsWith('.')) files.push(path.relative(bucketRoot, full));
    }
  };
  walk(bucketRoot);
  const named = files.filter((f) => !f.includes(`${path.sep}notice-files${path.sep}`)); // the test's own forged path
  expect(named.length).toBeGreaterThan(10);
  for (const file of named) expect(path.basename(file)).toMatch(/^[0-9a-f]{32}\.[a-z0-9]+$/);
});
