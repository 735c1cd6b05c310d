/**
 * wx.cloud's wire for the stand-in: the local cloud's client endpoints (the same ones the H5 build
 * uses), as the WeChat user whose openid the test chose. Files on the "phone" are kept in memory
 * under wxfile:// paths, as WeChat's temp files are.
 */
import { randomBytes } from 'node:crypto';

export class CloudLink {
  private readonly files = new Map<string, Buffer>();
  /** Requests sent and not yet answered (the phone is still busy). */
  inFlight = 0;

  constructor(private readonly baseUrl: string, private openid: string) {}

  /** Another WeChat user on the same phone (a new session). */
  actAs(openid: string): void {
    this.openid = openid;
  }

  async callFunction(name: string, data: object): Promise<unknown> {
    const res = await this.post(`/api/functions/${encodeURIComponent(name)}`, JSON.stringify({ data }), 'application/json');
    return ((await res.json()) as { result: unknown }).result;
  }

  async uploadFile(cloudPath: string, filePath: string): Promise<string> {
    const res = await this.post(`/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, this.readTempFile(filePath), 'application/octet-stream');
    return ((await res.json()) as { fileID: string }).fileID;
  }

  async tempUrls(fileList: string[]): Promise<unknown[]> {
    const res = await this.post('/api/storage/temp-urls', JSON.stringify({ fileList }), 'application/json');
    return ((await res.json()) as { fileList: unknown[] }).fileList;
  }

  /** wx.cloud.downloadFile: a temp URL as this user (the storage rules apply), then the download. */
  async downloadFile(fileID: string): Promise<string> {
    const [entry] = (await this.tempUrls([fileID])) as Array<{ tempFileURL?: string; errMsg?: string }>;
    if (!entry?.tempFileURL) throw new Error(entry?.errMsg ?? 'storage file not exists');
    const { tempFilePath, statusCode } = await this.downloadUrl(entry.tempFileURL);
    if (statusCode !== 200) throw new Error(`download ${statusCode}`);
    return tempFilePath;
  }

  /** wx.downloadFile: any HTTP answer is kept as a file, with its status (as WeChat does). */
  async downloadUrl(url: string): Promise<{ tempFilePath: string; statusCode: number }> {
    this.inFlight += 1;
    try {
      const res = await fetch(url);
      const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? 'file');
      return { tempFilePath: this.keepTempFile(name, Buffer.from(await res.arrayBuffer())), statusCode: res.status };
    } finally {
      this.inFlight -= 1;
    }
  }

  keepTempFile(name: string, bytes: Buffer): string {
    const ext = /\.[A-Za-z0-9]+$/.exec(name)?.[0] ?? '';
    const filePath = `wxfile://tmp_${randomBytes(12).toString('hex')}${ext}`;
    this.files.set(filePath, bytes);
    return filePath;
  }

  readTempFile(filePath: string): Buffer {
    const bytes = this.files.get(filePath);
    if (!bytes) throw new Error(`no such file: ${filePath}`);
    return bytes;
  }

  private async post(pathname: string, body: string | Uint8Array, contentType: string): Promise<Response> {
    this.inFlight += 1;
    try {
      return await this.send(pathname, body, contentType);
    } finally {
      this.inFlight -= 1;
    }
  }

  private async send(pathname: string, body: string | Uint8Array, contentType: string): Promise<Response> {
    const res = await fetch(`${this.baseUrl}${pathname}`, {
      method: 'POST',
      headers: { 'content-type': contentType, cookie: `lc_openid=${encodeURIComponent(this.openid)}` },
      body: typeof body === 'string' ? body : new Uint8Array(body) as unknown as BodyInit,
    });
    if (!res.ok) throw new Error(`${pathname}: HTTP ${res.status} ${await res.text()}`);
    return res;
  }
}
