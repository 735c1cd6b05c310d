import * as protobuf from 'protobufjs';

/**
 * The protobuf messages of wx.openApi, declared from the field numbers measured on the real SDK
 * (spec §5.1). Fields the local cloud never reads (innerData, svrkitData, tokenData) are declared
 * as bytes: that decodes any length-delimited content without knowing its inner type.
 */
const SCHEMA = `
syntax = "proto3";
message KeyValuePair { string key = 1; bytes value = 2; string contenttype = 3; string filename = 4; }
message OpenApiData { repeated KeyValuePair pairs = 1; }
message CommApiData {
  int32 apiType = 1;
  OpenApiData openapiData = 2;
  bytes innerData = 3;
  bytes svrkitData = 4;
  bytes tokenData = 5;
  string appid = 6;
}
message HttpHeader { string key = 1; string value = 2; }
message CommOpenApiResp {
  bytes respData = 1;
  string contentType = 2;
  int32 errorCode = 3;
  uint32 httpCode = 4;
  repeated HttpHeader headers = 5;
  int32 svrkitErrorCode = 6;
}
`;

const root = protobuf.parse(SCHEMA).root;
const CommApiData = root.lookupType('CommApiData');
const CommOpenApiResp = root.lookupType('CommOpenApiResp');

/** A media parameter (e.g. an image for img.*): kept as bytes with its content type. */
export interface MediaParam {
  contentType: string;
  filename?: string;
  value: Buffer;
}

export interface DecodedOpenApiRequest {
  apiType: number;
  appid?: string;
  /** Top-level parameters, JSON-decoded, with the SDK's snake_case keys (template_id, ...). */
  params: Record<string, unknown>;
}

interface DecodedPair {
  key: string;
  value: Uint8Array;
  contenttype?: string;
  filename?: string;
}

export function decodeOpenApiRequest(bytes: Buffer): DecodedOpenApiRequest {
  const message = CommApiData.toObject(CommApiData.decode(bytes), { defaults: false }) as {
    apiType?: number;
    appid?: string;
    openapiData?: { pairs?: DecodedPair[] };
  };
  const params: Record<string, unknown> = {};
  for (const pair of message.openapiData?.pairs ?? []) {
    const value = Buffer.from(pair.value ?? []);
    if (pair.contenttype) {
      params[pair.key] = { contentType: pair.contenttype, filename: pair.filename, value } satisfies MediaParam;
      continue;
    }
    // The SDK sends each value as JSON (json-bigint); 64-bit ids beyond 2^53 lose precision here,
    // which the local cloud's replies never depend on.
    const text = value.toString('utf8');
    try {
      params[pair.key] = JSON.parse(text);
    } catch {
      params[pair.key] = text;
    }
  }
  return { apiType: message.apiType ?? 0, appid: message.appid || undefined, params };
}

export type OpenApiReply =
  /** WeChat's JSON answer, errcode included. */
  | { kind: 'json'; body: Record<string, unknown> }
  /** A binary answer such as the PNG of wxacode.getUnlimited. */
  | { kind: 'media'; contentType: string; bytes: Buffer }
  /** A refusal by the cloud itself, before WeChat (e.g. -604101: no permission for this API). */
  | { kind: 'system-error'; errorCode: number };

export function encodeOpenApiReply(reply: OpenApiReply): Buffer {
  const fields =
    reply.kind === 'json'
      ? { respData: Buffer.from(JSON.stringify(reply.body)), contentType: 'application/json', httpCode: 200 }
      : reply.kind === 'media'
        ? { respData: reply.bytes, contentType: reply.contentType, httpCode: 200 }
        : { errorCode: reply.errorCode, httpCode: 200 };
  return Buffer.from(CommOpenApiResp.encode(CommOpenApiResp.fromObject(fields)).finish());
}
