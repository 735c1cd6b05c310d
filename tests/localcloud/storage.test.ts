/**
 * Cloud storage through the real SDK: upload, temp URLs, download, delete (spec §5.2), on local
 * disk; and the storage security rules the local cloud applies to client requests.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCloud } from '../../localcloud';
import { compileRule, STORAGE_RULES } from '../../localcloud/storage/storage-rules';
import { FIXTURE_FUNCTIONS, startTestCloud, type TestCloud } from './helpers';

jest.setTimeout(60_000);

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.stop());

test('uploadFile / getTempFileURL / downloadFile / deleteFile resolve the shapes the SDK gives on the cloud', async () => {
  const { result } = await t.cloud.call('storage', { cloudPath: 'dir/a.txt', text: 'hello' }, { openid: 'o-up' });
  const fileID = 'cloud://local-dev.local-dev-1250000000/dir/a.txt';
  const missingID = 'cloud://local-dev.local-dev-1250000000/dir/missing.png';
  // node-sdk 3.x never reports the PUT status, so statusCode is always -1.
  expect(result.upload).toEqual({ fileID, statusCode: -1, errMsg: 'uploadFile:ok' });
  expect(result.temp.errMsg).toBe('getTempFileURL:ok');
  expect(result.temp.fileList).toEqual([
    { fileID, status: 0, errMsg: 'ok', tempFileURL: expect.stringMatching(new RegExp(`^${t.cloud.url}/__storage/local-dev\\.local-dev-1250000000/dir/a\\.txt\\?sign=[0-9a-f]{32}&t=\\d+$`)) },
    // maxAge is echoed for files that exist only; JSON drops the undefined key of the missing one.
    { fileID: missingID, status: -503003, errMsg: 'storage file not exists', tempFileURL: '' },
  ]);
  expect(result.download).toEqual({ fileContent: 'hello', statusCode: 200, errMsg: 'downloadFile:ok', isBuffer: true });
  expect(result.del).toEqual({
    fileList: [
      { fileID, status: 0, errMsg: 'ok' },
      { fileID: missingID, status: -503003, errMsg: 'storage file not exists' },
    ],
    errMsg: 'deleteFile:ok',
  });
  expect(result.afterDelete).toEqual({ error: true, errCode: -1, errMsg: 'downloadFile:fail storage file not exists' });
  expect(result.badPath).toMatchObject({ error: true, errCode: -1, errMsg: expect.stringMatching(/^uploadFile:fail cloudPath/) });
});

test('files live under <dataDir>/storage and temp URLs are served with their type; a tampered URL is refused', async () => {
  const { result } = await t.cloud.call('storage', { cloudPath: '活动/海报.txt', text: '春游' }, { openid: 'o-up' });
  // The function deleted its file again; upload one through the H5 path to inspect it.
  expect(result.upload.fileID).toBe('cloud://local-dev.local-dev-1250000000/活动/海报.txt');
  const cookie = 'lc_openid=o-up';
  const put = await fetch(`${t.cloud.url}/api/storage/upload?cloudPath=${encodeURIComponent('活动/海报.png')}`, { method: 'POST', headers: { cookie }, body: Buffer.from('png-bytes') });
  const { fileID } = (await put.json()) as { fileID: string };
  expect(fileID).toBe('cloud://local-dev.local-dev-1250000000/活动/海报.png');
  expect(readFileSync(join(t.dataDir, 'storage', 'local-dev.local-dev-1250000000', '活动', '海报.png'), 'utf8')).toBe('png-bytes');

  const urls = await fetch(`${t.cloud.url}/api/storage/temp-urls`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ fileList: [fileID] }) });
  const [{ tempFileURL }] = ((await urls.json()) as { fileList: Array<{ tempFileURL: string }> }).fileList;
  const got = await fetch(tempFileURL!);
  expect(got.status).toBe(200);
  expect(got.headers.get('content-type')).toBe('image/png');
  expect(got.headers.get('content-security-policy')).toBe('sandbox');
  expect(await got.text()).toBe('png-bytes');

  const tampered = await fetch(tempFileURL!.replace(/sign=[0-9a-f]/, 'sign=x'));
  expect(tampered.status).toBe(403);
  expect(await tampered.text()).toContain('<Code>AccessDenied</Code>');
});

test('the upload PUT needs the token from getUploadMetadata', async () => {
  const res = await fetch(`${t.cloud.url}/__storage-upload/local-dev.local-dev-1250000000/x.txt`, { method: 'PUT', body: 'x' });
  expect(res.status).toBe(403);
  expect(existsSync(join(t.dataDir, 'storage', 'local-dev.local-dev-1250000000', 'x.txt'))).toBe(false);
});

test('temp URLs expire by the local clock', async () => {
  const cookie = 'lc_openid=o-up';
  const put = await fetch(`${t.cloud.url}/api/storage/upload?cloudPath=exp.txt`, { method: 'POST', headers: { cookie }, body: 'e' });
  const { fileID } = (await put.json()) as { fileID: string };
  const urls = await fetch(`${t.cloud.url}/api/storage/temp-urls`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ fileList: [fileID, 'cloud://local-dev.x/none.txt'] }) });
  const { fileList } = (await urls.json()) as { fileList: Array<{ tempFileURL: string; status: number }> };
  // No file there: nobody created it, so the read rule refuses it (the answer does not say whether it exists).
  expect(fileList[1]).toMatchObject({ status: -503002, tempFileURL: '' });
  t.cloud.clock.advance(2 * 24 * 3600 * 1000);
  try {
    expect((await fetch(fileList[0]!.tempFileURL)).status).toBe(403);
  } finally {
    t.cloud.clock.reset();
  }
});

// ---- Storage security rules for client requests ------------------------------------------------

const ROOT = 'cloud://local-dev.local-dev-1250000000/';

/** wx.cloud.uploadFile as this WeChat user: the HTTP status. */
async function clientUpload(openid: string, cloudPath: string, text: string): Promise<number> {
  const res = await fetch(`${t.cloud.url}/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, { method: 'POST', headers: { cookie: `lc_openid=${openid}` }, body: text });
  return res.status;
}

/** wx.cloud.getTempFileURL as this WeChat user. */
async function clientTempUrls(openid: string, fileList: string[]) {
  const res = await fetch(`${t.cloud.url}/api/storage/temp-urls`, { method: 'POST', headers: { cookie: `lc_openid=${openid}`, 'content-type': 'application/json' }, body: JSON.stringify({ fileList }) });
  return { status: res.status, body: (await res.json()) as { fileList: Array<{ tempFileURL: string; status: number; errMsg: string }>; code?: string } };
}

/** What a client reads of a file: its bytes through a temp URL, or the refusal. */
async function clientRead(openid: string, path: string): Promise<string> {
  const { body } = await clientTempUrls(openid, [`${ROOT}${path}`]);
  const [entry] = body.fileList;
  if (!entry!.tempFileURL) return `refused ${entry!.status}`;
  return (await fetch(entry!.tempFileURL)).text();
}

const admin = (data: object) => t.cloud.call('storage-admin', data, { openid: 'o-anyone' }).then((r) => r.result as any);

describe('the rules: only a file\'s creator reads or overwrites it; cloud functions may do anything', () => {
  test('the rule the README sets is creator-only read and write, and the one applied here', () => {
    expect(STORAGE_RULES).toEqual({ read: 'resource.openid == auth.openid', write: 'resource.openid == auth.openid' });
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const deployStep = /云存储：[^\n]*\n\n\s*```json\n\s*(.+)\n/.exec(readme);
    expect(JSON.parse(deployStep![1]!)).toEqual(STORAGE_RULES);
    expect(() => compileRule('auth.uid == resource.openid')).toThrow(/unsupported operand "auth.uid"/);
    expect(() => compileRule('resource.openid')).toThrow(/unsupported expression/);
    expect(compileRule(false)({ auth: { openid: 'a' }, resource: { openid: 'a' } })).toBe(false);
  });

  test.each([
    // who, which file, their openid, read, write
    ['its creator', 'the creator\'s file', 'o-author', 'yes', 'yes'],
    ['another WeChat user', 'the creator\'s file', 'o-other', 'refused -503002', 'refused 403'],
    ['the creator', 'a file a cloud function wrote', 'o-author', 'refused -503002', 'refused 403'],
    ['another WeChat user', 'a file a cloud function wrote', 'o-other', 'refused -503002', 'refused 403'],
  ])('%s reading and overwriting %s', async (_who, file, openid, read, write) => {
    const path = `rules/${openid}-${file.length}-${Math.random().toString(36).slice(2)}.txt`;
    if (file === 'the creator\'s file') expect(await clientUpload('o-author', path, 'original')).toBe(200);
    else expect((await admin({ op: 'upload', cloudPath: path, text: 'original' })).fileID).toBe(`${ROOT}${path}`);

    const got = await clientRead(openid, path);
    expect(got === 'original' ? 'yes' : got).toBe(read);
    const status = await clientUpload(openid, path, 'forged');
    expect(status === 200 ? 'yes' : `refused ${status}`).toBe(write);
    // A cloud function still reads whatever is there.
    const { fileList } = await admin({ op: 'tempUrls', fileList: [`${ROOT}${path}`] });
    expect(await (await fetch(fileList[0].tempFileURL)).text()).toBe(write === 'yes' ? 'forged' : 'original');
  });

  test('a new path is anyone\'s to create, and from then on theirs; a missing file reads as refused, not as missing', async () => {
    expect(await clientRead('o-other', 'rules/new.txt')).toBe('refused -503002');
    expect(await clientUpload('o-other', 'rules/new.txt', 'mine')).toBe(200);
    expect(await clientRead('o-other', 'rules/new.txt')).toBe('mine');
    expect(await clientRead('o-author', 'rules/new.txt')).toBe('refused -503002');
    expect(await clientUpload('o-author', 'rules/new.txt', 'forged')).toBe(403);
    expect(await clientRead('o-other', 'rules/new.txt')).toBe('mine');
  });

  test('getTempFileURL takes at most 50 files, from a client and from a function', async () => {
    const ids = Array.from({ length: 51 }, (_, i) => `${ROOT}rules/many-${i}.txt`);
    const client = await clientTempUrls('o-other', ids);
    expect(client.status).toBe(400);
    expect(client.body).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining('最多获取 50 个') });
    expect((await clientTempUrls('o-other', ids.slice(0, 50))).body.fileList).toHaveLength(50);
    expect(await admin({ op: 'tempUrls', fileList: ids })).toMatchObject({ error: true, errMsg: expect.stringContaining('50') });
    expect((await admin({ op: 'tempUrls', fileList: ids.slice(0, 50) })).fileList).toHaveLength(50);
  });
});

test('who created each file survives a restart of the local cloud', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lc-owners-'));
  const start = () => startLocalCloud({ dataDir, port: 0, functionsDir: FIXTURE_FUNCTIONS, staticDir: join(dataDir, 'none'), autoTriggers: false, log: () => undefined });
  try {
    let cloud = await start();
    const put = (openid: string, text: string) => fetch(`${cloud.url}/api/storage/upload?cloudPath=kept.txt`, { method: 'POST', headers: { cookie: `lc_openid=${openid}` }, body: text });
    expect((await put('o-author', 'v1')).status).toBe(200);
    await cloud.stop();
    cloud = await start();
    expect((await put('o-other', 'forged')).status).toBe(403);
    expect((await put('o-author', 'v2')).status).toBe(200);
    await cloud.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
