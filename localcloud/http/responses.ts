import type { ServerResponse } from 'node:http';

// node-sdk decides between "protobuf bytes" and "JSON error" for wx.openApi by comparing the
// content-type to exactly this string, so every JSON answer uses it.
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': JSON_CONTENT_TYPE, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...headers });
  res.end(text);
}

export function sendBytes(res: ServerResponse, status: number, body: Buffer, contentType: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': body.length, ...headers });
  res.end(body);
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  sendBytes(res, status, Buffer.from(html, 'utf8'), 'text/html; charset=utf-8', { 'cache-control': 'no-store', ...headers });
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  sendBytes(res, status, Buffer.from(text, 'utf8'), 'text/plain; charset=utf-8');
}

/** 303 so that a POSTed form is followed by a GET. */
export function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(303, { location, 'content-length': 0, ...headers });
  res.end();
}
