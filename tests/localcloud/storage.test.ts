/** Cloud storage through the real SDK: upload, temp URLs, download, delete (spec §5.2), on local disk. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestCloud, type TestCloud } from './helpers';

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
  expect(fileList[1]).toMatchObject({ status: -503003, tempFileURL: '' });
  t.cloud.clock.advance(2 * 24 * 3600 * 1000);
  try {
    expect((await fetch(fileList[0]!.tempFileURL)).status).toBe(403);
  } finally {
    t.cloud.clock.reset();
  }
});
