/** Unit tests of the small wire helpers: multipart parsing, the openapi protobuf, the PNG encoder. */
import { inflateSync } from 'node:zlib';
import { boundaryOf, parseMultipart } from '../../localcloud/http/multipart';
import { encodeGreyscalePng, PNG_SIGNATURE, qrLikePng } from '../../localcloud/openapi/png';
import { decodeOpenApiRequest } from '../../localcloud/openapi/wire-format';

test('multipart: text fields and a binary part survive byte for byte', () => {
  const boundary = '--------------------------3a4aa2277966fbe847a7034b';
  const binary = Buffer.from([0x08, 0x00, 0x12, 0x0d, 0x0a, 0x2d, 0x2d, 0xff]);
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="action"\r\n\r\nwx.openApi\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="requestData"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    binary,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  expect(boundaryOf(`multipart/form-data; boundary=${boundary}`)).toBe(boundary);
  expect(boundaryOf('application/json')).toBeNull();
  const parts = parseMultipart(body, boundary);
  expect(parts.map((p) => p.name)).toEqual(['action', 'requestData']);
  expect(parts[0]!.value.toString()).toBe('wx.openApi');
  expect(parts[1]!.value).toEqual(binary);
  expect(parts[1]!.contentType).toBe('application/octet-stream');
});

test('CommApiData from the wire capture decodes to the snake_case parameters', () => {
  // The bytes of the capture's "openapi subscribeMessage fail" request.
  const bytes = Buffer.from('\b\x00\x124\n\x10\n\x06touser\x12\x06"fail"\n\n\n\x04data\x12\x02{}\n\x14\n\x0Btemplate_id\x12\x05"TPL"', 'latin1');
  expect(decodeOpenApiRequest(bytes)).toEqual({ apiType: 0, appid: undefined, params: { touser: 'fail', data: {}, template_id: 'TPL' } });
});

test('PNG: signature, IHDR, and pixel data that inflates back', () => {
  const png = encodeGreyscalePng(2, 2, Uint8Array.from([0, 255, 255, 0]));
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  expect(png.readUInt32BE(16)).toBe(2);
  expect(png.readUInt32BE(20)).toBe(2);
  const idatAt = png.indexOf('IDAT');
  const idat = png.subarray(idatAt + 4, idatAt + 4 + png.readUInt32BE(idatAt - 4));
  expect([...inflateSync(idat)]).toEqual([0, 0, 255, 0, 255, 0]);
  expect(png.subarray(-8, -4).toString('ascii')).toBe('IEND');
  const code = qrLikePng('scene=1', 430);
  expect(code.readUInt32BE(16)).toBe(code.readUInt32BE(20));
  expect(code.readUInt32BE(16)).toBeLessThanOrEqual(430);
});
