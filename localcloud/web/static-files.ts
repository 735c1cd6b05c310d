import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { sendBytes, sendHtml } from '../http/responses';
import { devPage, escapeHtml } from './html';
import { mimeTypeOf } from './mime';

/**
 * Serves the H5 build. Paths that are not files get index.html (the app routes in the browser),
 * except asset-looking paths (with an extension) that are not asking for HTML, which get a 404.
 */
export function serveStatic(req: IncomingMessage, res: ServerResponse, staticDir: string, pathname: string): void {
  const root = normalize(staticDir);
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    sendHtml(res, 400, devPage('请求错误', '<main><p class="empty">路径编码不正确。</p></main>'));
    return;
  }
  const file = normalize(join(root, relative));
  const inside = file === root || file.startsWith(root.endsWith(sep) ? root : root + sep);
  if (inside && isFile(file)) {
    sendFile(req, res, file);
    return;
  }
  const wantsHtml = !/\.[A-Za-z0-9]+$/.test(pathname) || /text\/html/.test(req.headers.accept ?? '');
  const index = join(root, 'index.html');
  if (wantsHtml && isFile(index)) {
    sendFile(req, res, index);
    return;
  }
  if (wantsHtml) {
    sendHtml(res, 404, devPage('还没有 H5 构建', `<header><h1>还没有 H5 构建</h1><p>在 H5 构建目录 ${escapeHtml(displayName(root))} 中找不到 index.html</p></header>
<main><p>先运行 <code>npm run build:h5</code>（或 <code>npm run dev:h5</code>），再刷新此页。</p>
<div class="actions"><a class="btn" href="/__dev/signin">选择身份</a><a class="btn secondary" href="/__dev/outbox">订阅消息发件箱</a></div></main>`));
    return;
  }
  sendBytes(res, 404, Buffer.from('not found'), 'text/plain; charset=utf-8');
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string): void {
  const bytes = readFileSync(file);
  // index.html must be re-read after each build; hashed assets may be cached.
  const cache = file.endsWith('index.html') ? 'no-cache' : 'public, max-age=300';
  if (req.method === 'HEAD') {
    res.writeHead(200, { 'content-type': mimeTypeOf(file), 'content-length': bytes.length, 'cache-control': cache });
    res.end();
    return;
  }
  sendBytes(res, 200, bytes, mimeTypeOf(file), { 'cache-control': cache });
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The folder as the developer typed it (relative to where the server runs), never an absolute path: anyone may load this page. */
function displayName(root: string): string {
  const fromCwd = relative(process.cwd(), root);
  return fromCwd && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : basename(root);
}
