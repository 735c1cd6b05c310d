import type { ServerResponse } from 'node:http';
import { sendHtml, sendJson } from '../http/responses';
import type { OutboxEntry } from '../openapi/outbox';
import { devPage, escapeHtml } from './html';

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
});

/** GET /__dev/outbox.json: every send attempt, newest first, refusals included. */
export function sendOutboxJson(res: ServerResponse, entries: OutboxEntry[]): void {
  sendJson(res, 200, [...entries].reverse());
}

/** GET /__dev/outbox: the subscription messages users would have received. */
export function renderOutboxPage(res: ServerResponse, entries: OutboxEntry[], nameOf: (openid: string) => string | undefined): void {
  const items = [...entries].reverse().map((e) => {
    const who = nameOf(e.touser);
    const status = e.result === 'delivered'
      ? '<span class="tag">已送达</span>'
      : `<span class="tag grey">被拒绝 ${escapeHtml(e.errcode)}</span>`;
    return `<li><div class="row"><span class="grow">
      <span class="name">${escapeHtml(e.templateId)}</span>${status}<br>
      <span class="meta">${escapeHtml(TIME.format(new Date(e.at)))} · 发给 ${escapeHtml(who ? `${who}（${e.touser}）` : e.touser)}${e.page ? ` · 页面 ${escapeHtml(e.page)}` : ''}${e.fromFunction ? ` · 来自 ${escapeHtml(e.fromFunction)}` : ''}</span>
      <pre>${escapeHtml(JSON.stringify(e.data, null, 2))}</pre>
      ${e.result === 'refused' ? `<span class="meta">${escapeHtml(e.errmsg)}</span>` : ''}
    </span></div></li>`;
  });
  const body = `<header><h1>订阅消息发件箱</h1><p>云函数发出的订阅消息（最新的在前），本地云不会真正发送</p></header>
<main>
  <div class="actions"><a class="btn secondary" href="/__dev/outbox.json">JSON</a><a class="btn secondary" href="/__dev/signin">选择身份</a></div>
  ${items.length ? `<ul class="list">${items.join('')}</ul>` : '<p class="empty">还没有发出任何订阅消息。</p>'}
</main>`;
  sendHtml(res, 200, devPage('订阅消息发件箱', body));
}
