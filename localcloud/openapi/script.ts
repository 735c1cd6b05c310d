/**
 * Test-scripted WeChat behaviour: refusals of subscription messages, text that the content check
 * flags, and one-off failures of any API.
 */
export const WECHAT_ERRMSG: Record<number, string> = {
  40003: 'invalid openid',
  40029: 'invalid code',
  40037: 'invalid template_id',
  41030: 'invalid page',
  43101: 'user refuse to accept the msg',
  47003: 'argument invalid!',
  40169: 'invalid length for scene, or the data is not json string',
  87014: 'risky content',
  45009: 'reach max api daily quota limit',
  44002: 'empty post data',
  47001: 'data format error',
};

export function errmsgOf(errcode: number): string {
  return WECHAT_ERRMSG[errcode] ?? 'system error';
}

interface Refusal {
  openid?: string;
  errcode: number;
}

interface ScriptedFailure {
  apiName: string;
  errcode: number;
  errmsg?: string;
}

export class OpenApiScript {
  private refusals: Refusal[] = [];
  private failures: ScriptedFailure[] = [];
  private flagged = new Set<string>();

  /** The next subscribeMessage.send (to `openid`, or to anyone) is refused with `errcode`. */
  refuseNext(openid?: string, errcode = 43101): void {
    this.refusals.push({ openid, errcode });
  }

  /** security.msgSecCheck flags any text containing `word`. */
  flagText(word: string): void {
    if (word) this.flagged.add(word);
  }

  /** The next call of `apiName` answers WeChat errcode `errcode`. */
  failNext(apiName: string, errcode: number, errmsg?: string): void {
    this.failures.push({ apiName, errcode, errmsg });
  }

  reset(): void {
    this.refusals = [];
    this.failures = [];
    this.flagged.clear();
  }

  takeRefusal(touser: string): Refusal | null {
    const index = this.refusals.findIndex((r) => r.openid === undefined || r.openid === touser);
    return index < 0 ? null : this.refusals.splice(index, 1)[0]!;
  }

  takeFailure(apiName: string): ScriptedFailure | null {
    const index = this.failures.findIndex((f) => f.apiName === apiName);
    return index < 0 ? null : this.failures.splice(index, 1)[0]!;
  }

  flaggedWordIn(text: string): string | null {
    for (const word of this.flagged) if (text.includes(word)) return word;
    return null;
  }
}
