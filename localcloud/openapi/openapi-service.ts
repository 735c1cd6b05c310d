import type { Clock } from '../clock';
import { hexId } from '../ids';
import type { Outbox } from './outbox';
import type { PhoneCodes } from './phone-codes';
import { qrLikePng } from './png';
import { errmsgOf, type OpenApiScript } from './script';
import type { OpenApiReply } from './wire-format';

export interface OpenApiCall {
  apiName: string;
  /** Parameters with the SDK's snake_case keys. */
  params: Record<string, unknown>;
  /** The calling function, when the request came from a known invocation. */
  callerFunction?: string;
  /** That function's config.json permissions.openapi, checked like the cloud does. */
  callerPermissions?: string[];
}

type Handler = (call: OpenApiCall) => OpenApiReply;

// WeChat's own "you did not declare this API" refusal (ERR_CODE in wx-server-sdk's error config).
const NO_PERMISSION = -604101;

/** Answers openapi calls the way WeChat would, recording what would have reached users. */
export class OpenApiService {
  private readonly handlers: Record<string, Handler> = {
    'subscribeMessage.send': (call) => this.sendSubscribeMessage(call),
    'wxacode.getUnlimited': (call) => this.wxacode(call, 'scene'),
    'wxacode.get': (call) => this.wxacode(call, 'path'),
    'wxacode.createQRCode': (call) => this.wxacode(call, 'path'),
    'security.msgSecCheck': (call) => this.msgSecCheck(call),
    'phonenumber.getPhoneNumber': (call) => this.getPhoneNumber(call),
  };
  private nextMsgid = 2_000_000_001;

  constructor(private readonly o: { outbox: Outbox; script: OpenApiScript; clock: Clock; phoneCodes: PhoneCodes; appid: string }) {}

  handle(call: OpenApiCall): OpenApiReply {
    if (call.callerFunction !== undefined && !(call.callerPermissions ?? []).includes(call.apiName)) {
      return { kind: 'system-error', errorCode: NO_PERMISSION };
    }
    const handler = this.handlers[call.apiName];
    if (!handler) return { kind: 'system-error', errorCode: NO_PERMISSION };
    const failure = this.o.script.takeFailure(call.apiName);
    if (failure) return wechatError(failure.errcode, failure.errmsg);
    return handler(call);
  }

  private sendSubscribeMessage(call: OpenApiCall): OpenApiReply {
    const p = call.params;
    if (typeof p.touser !== 'string' || !p.touser) return wechatError(40003);
    if (typeof p.template_id !== 'string' || !p.template_id) return wechatError(40037);
    if (!isPlainObject(p.data)) return wechatError(47003, 'argument invalid! data is empty');
    if (p.page !== undefined && typeof p.page !== 'string') return wechatError(41030);
    if (p.miniprogram_state !== undefined && !['developer', 'trial', 'formal'].includes(String(p.miniprogram_state))) {
      return wechatError(47003, 'argument invalid! miniprogram_state is invalid');
    }
    const base = {
      touser: p.touser,
      templateId: p.template_id,
      page: typeof p.page === 'string' ? p.page : undefined,
      data: p.data,
      miniprogramState: typeof p.miniprogram_state === 'string' ? p.miniprogram_state : undefined,
      lang: typeof p.lang === 'string' ? p.lang : undefined,
      at: this.o.clock.now(),
      fromFunction: call.callerFunction,
    };
    const refusal = this.o.script.takeRefusal(p.touser);
    if (refusal) {
      const reply = wechatError(refusal.errcode);
      this.o.outbox.append({ ...base, result: 'refused', errcode: refusal.errcode, errmsg: String(reply.body.errmsg) });
      return reply;
    }
    const msgid = this.nextMsgid++;
    this.o.outbox.append({ ...base, msgid, result: 'delivered', errcode: 0, errmsg: 'ok' });
    return { kind: 'json', body: { errcode: 0, errmsg: 'ok', msgid } };
  }

  private wxacode(call: OpenApiCall, keyParam: 'scene' | 'path'): OpenApiReply {
    const key = call.params[keyParam];
    if (keyParam === 'scene' && (typeof key !== 'string' || key.length === 0 || key.length > 32)) return wechatError(40169);
    if (keyParam === 'path' && (typeof key !== 'string' || key.length === 0)) return wechatError(40169, 'invalid path');
    const width = typeof call.params.width === 'number' ? Math.min(1280, Math.max(280, call.params.width)) : 430;
    const seed = `${call.apiName}|${String(call.params.page ?? '')}|${String(key)}`;
    return { kind: 'media', contentType: 'image/png', bytes: qrLikePng(seed, width) };
  }

  /** POST /wxa/business/getuserphonenumber: the number behind the button's code, once. */
  private getPhoneNumber(call: OpenApiCall): OpenApiReply {
    const code = call.params.code;
    if (typeof code !== 'string' || !code) return wechatError(47001);
    const phone = this.o.phoneCodes.redeem(code);
    if (!phone) return wechatError(40029);
    const phoneNumber = phone.countryCode === '86' ? phone.purePhoneNumber : `+${phone.countryCode}${phone.purePhoneNumber}`;
    return {
      kind: 'json',
      body: {
        errcode: 0,
        errmsg: 'ok',
        phone_info: {
          phoneNumber,
          purePhoneNumber: phone.purePhoneNumber,
          countryCode: phone.countryCode,
          watermark: { timestamp: Math.floor(this.o.clock.now() / 1000), appid: this.o.appid },
        },
      },
    };
  }

  private msgSecCheck(call: OpenApiCall): OpenApiReply {
    const content = call.params.content;
    if (typeof content !== 'string') return wechatError(47001);
    const word = this.o.script.flaggedWordIn(content);
    if (call.params.version !== 2) {
      // Version 1 (no version parameter) answers risky content with an error code.
      return word ? wechatError(87014) : { kind: 'json', body: { errcode: 0, errmsg: 'ok' } };
    }
    const suggest = word ? 'risky' : 'pass';
    const label = word ? 20001 : 100;
    return {
      kind: 'json',
      body: {
        errcode: 0,
        errmsg: 'ok',
        result: { suggest, label },
        detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: word ? 90 : 0, ...(word ? { keyword: word } : {}) }],
        trace_id: hexId(12),
      },
    };
  }
}

function wechatError(errcode: number, errmsg = errmsgOf(errcode)): { kind: 'json'; body: Record<string, unknown> } {
  // WeChat appends a request id ("rid") to every error message.
  return { kind: 'json', body: { errcode, errmsg: `${errmsg} rid: ${hexId(4)}-${hexId(4)}-${hexId(4)}` } };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
