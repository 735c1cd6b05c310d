/**
 * Conformance with the wire capture of the real SDK (wx-server-sdk-4.0.2-wire-capture.txt): for its
 * non-database calls, the SDK hands user code the same shapes through the local cloud. Values that
 * depend on the probe's environment (env id, bucket, URLs, ids) are matched by form.
 */
import { startTestCloud, type TestCloud } from './helpers';

const U = '__undefined__'; // the fixture function marks undefined values this way

let t: TestCloud;
let out: any;
beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.script.refuseNext('fail');
  out = (await t.cloud.call('conformance', { refusedOpenid: 'fail' }, { openid: 'o-open', unionid: 'u-union' })).result;
});
afterAll(() => t.stop());

test('getWXContext and DYNAMIC_CURRENT_ENV', () => {
  // Capture: { OPENID, APPID, UNIONID, CLIENTIP, NUM, ENV, SOURCE } (CLIENTIP and NUM were probe extras).
  expect(out.getWXContext).toEqual({ OPENID: 'o-open', APPID: 'wx-local-appid', UNIONID: 'u-union', ENV: 'local-dev', SOURCE: 'wx_client' });
  expect(out.DYNAMIC_CURRENT_ENV).toBe('Symbol(SYMBOL_CURRENT_ENV)');
});

test('callFunction => OK', () => {
  // Capture: { result: { echo: { x: 1 } }, errMsg: 'callFunction:ok', requestID: 'req-41' }
  expect(out.callFunction).toEqual({ result: { echo: { x: 1 } }, errMsg: 'callFunction:ok', requestID: expect.any(String) });
});

test('callFunction bad => THROW', () => {
  expect(out.callFunctionBad).toEqual({
    isError: true,
    ctor: 'CloudSDKError',
    errCode: -1,
    errMsg: 'parameter.name should be string instead of number;',
    message: 'errCode: -1 unknown error | errMsg: parameter.name should be string instead of number;',
    keys: ['errCode', 'errMsg'],
    requestID: U,
  });
});

test('uploadFile => OK', () => {
  // Capture: { fileID: 'cloud://env-1.xxx/dir/a.txt', statusCode: -1, errMsg: 'uploadFile:ok' }
  expect(out.uploadFile).toEqual({ fileID: expect.stringMatching(/^cloud:\/\/local-dev\.[^/]+\/dir\/a\.txt$/), statusCode: -1, errMsg: 'uploadFile:ok' });
});

test('getTempFileURL => OK', () => {
  expect(out.getTempFileURL).toEqual({
    fileList: [
      { fileID: out.uploadFile.fileID, status: 0, errMsg: 'ok', maxAge: U, tempFileURL: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//) },
      { fileID: expect.stringMatching(/missing\.png$/), status: -503003, errMsg: 'storage file not exists', maxAge: U, tempFileURL: '' },
    ],
    errMsg: 'getTempFileURL:ok',
  });
});

test('deleteFile => OK', () => {
  expect(out.deleteFile).toEqual({ fileList: [{ fileID: out.uploadFile.fileID, status: 0, errMsg: 'ok' }], errMsg: 'deleteFile:ok' });
});

test('openapi subscribeMessage ok => OK', () => {
  // Capture: { msgId: 123, errMsg, errCode: 0 }: the probe's stub answered msg_id; WeChat answers msgid.
  expect(out.subscribeOk).toEqual({ msgid: expect.any(Number), errMsg: 'openapi.subscribeMessage.send:ok', errCode: 0 });
});

test('openapi subscribeMessage fail => THROW', () => {
  expect(out.subscribeFail).toEqual({
    isError: true,
    ctor: 'CloudSDKError',
    errCode: 43101,
    errMsg: expect.stringMatching(/^openapi\.subscribeMessage\.send:fail user refuse to accept the msg rid: /),
    message: expect.stringMatching(/^errCode: 43101 {2}\| errMsg: openapi\.subscribeMessage\.send:fail user refuse to accept the msg rid: /),
    keys: ['errCode', 'errMsg'],
    requestID: U,
  });
});
