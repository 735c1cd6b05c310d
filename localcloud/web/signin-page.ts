import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DatabaseEngine } from '../db';
import { readBody } from '../http/request-body';
import { redirect, sendHtml } from '../http/responses';
import { isPlausibleOpenid, randomOpenid } from '../ids';
import { signedInOpenid, signInCookie, signOutCookie } from './dev-session';
import { phoneCookie, plausiblePhone } from './phone-code';
import { devPage, escapeHtml } from './html';
import { groupRoster, ROLE_LABELS, toRosterMember, type RosterMember } from './roster';

export const SIGNIN_PATH = '/__dev/signin';
export const SIGNOUT_PATH = '/__dev/signout';

/** Members from the roster, or an explanation of why there are none to show. */
export function readRoster(db: DatabaseEngine): { members: RosterMember[]; problem?: string } {
  try {
    if (!db.admin.collections().includes('members')) return { members: [], problem: '数据库中还没有 members 集合（名册）。' };
    return { members: db.admin.find('members').map((doc) => toRosterMember(doc as Record<string, unknown>)) };
  } catch (err) {
    return { members: [], problem: `读取名册失败：${(err as Error).message}` };
  }
}

/** GET /__dev/signin: pick a member of the roster (or a new WeChat user) to act as. */
export function renderSigninPage(req: IncomingMessage, res: ServerResponse, db: DatabaseEngine, query: URLSearchParams): void {
  const { members, problem } = readRoster(db);
  const q = (query.get('q') ?? '').trim();
  const current = signedInOpenid(req);
  const currentMember = current ? members.find((m) => m.openid === current) : undefined;
  const visible = q ? members.filter((m) => searchText(m).includes(q.toLowerCase())) : members;
  const groups = groupRoster(visible);

  const currentBlock = current
    ? `<div class="banner">当前身份：${currentMember ? `<b>${escapeHtml(currentMember.name)}</b>（${escapeHtml(currentMember.groupName)}）` : '未绑定的微信用户'}
        <span class="meta">openid ${escapeHtml(current)}</span>
        <form method="post" action="${SIGNOUT_PATH}" style="display:inline"><button class="btn secondary" style="padding:2px 10px;margin-left:6px">退出</button></form>
        <a class="btn secondary" style="padding:2px 10px" href="/">回到应用</a></div>`
    : '';

  const groupBlocks = groups
    .map(
      (g) => `<section data-group>
  <h2>${escapeHtml(g.groupName)}（${g.members.length} 人）</h2>
  <ul class="list">${g.members.map(memberRow).join('')}</ul>
</section>`,
    )
    .join('\n');

  const emptyText = problem ?? (q ? `没有与“${escapeHtml(q)}”匹配的成员。` : '名册中还没有成员。');
  const body = `<header><h1>选择身份登录</h1><p>本地开发环境：以名册中的某位成员的微信身份进入教工之家</p></header>
<main>
  <div class="banner">此页面只存在于本地云，正式小程序里没有它。</div>
  ${currentBlock}
  <form method="get" action="${SIGNIN_PATH}" role="search">
    <input type="search" id="q" name="q" value="${escapeHtml(q)}" placeholder="搜索姓名、工号或小组" autocomplete="off" aria-label="搜索成员">
  </form>
  <form method="post" action="${SIGNIN_PATH}">
    <div class="actions"><button class="btn" name="fresh" value="1">以未绑定的新微信用户进入</button>
      <label class="meta">微信会返回的手机号（「微信手机号绑定」时用，可不填）<input name="phone" inputmode="numeric" maxlength="20" placeholder="例如 13900000000" autocomplete="off"></label></div>
    ${groups.length ? groupBlocks : `<p class="empty">${emptyText}</p>`}
    <p class="empty" id="no-match" hidden>没有匹配的成员。</p>
  </form>
</main>`;
  sendHtml(res, 200, devPage('选择身份登录', body, FILTER_SCRIPT));
}

/**
 * POST /__dev/signin: `openid=<member's openid>`, or `fresh=1` (a new WeChat user) with the
 * number WeChat would return: typed in `phone`, or `phoneOf=<工号>`, that unbound member's roster
 * number (the quick way to become them: the app's 微信手机号绑定 then finds them). Sets the cookies.
 */
export async function handleSignin(req: IncomingMessage, res: ServerResponse, db: DatabaseEngine): Promise<void> {
  const form = new URLSearchParams((await readBody(req, 64 * 1024)).toString('utf8'));
  const phoneOf = form.get('phoneOf');
  const fresh = Boolean(form.get('fresh') || phoneOf);
  const openid = fresh ? randomOpenid() : form.get('openid');
  if (!isPlausibleOpenid(openid)) {
    redirect(res, SIGNIN_PATH);
    return;
  }
  const phone = phoneOf ? plausiblePhone(readRoster(db).members.find((m) => m.staffNo === phoneOf)?.phone) : plausiblePhone(form.get('phone'));
  // A bound member needs no number; a new WeChat user gets the chosen one (or none: as if they say no).
  redirect(res, '/', { 'set-cookie': fresh ? [signInCookie(openid), phoneCookie(phone)] : signInCookie(openid) });
}

/** POST /__dev/signout. */
export function handleSignout(res: ServerResponse): void {
  redirect(res, SIGNIN_PATH, { 'set-cookie': [signOutCookie(), phoneCookie(null)] });
}

function memberRow(m: RosterMember): string {
  const tags = [
    ...m.roles.map((r) => `<span class="tag">${escapeHtml(ROLE_LABELS[r] ?? r)}</span>`),
    m.isDelegate ? '<span class="tag">教代会代表</span>' : '',
    m.status === 'retired' ? '<span class="tag grey">退休</span>' : '',
  ].join('');
  const details = `<span class="grow"><span class="name">${escapeHtml(m.name)}</span>${tags}<br><span class="meta">工号 ${escapeHtml(m.staffNo || '—')}</span></span>`;
  const search = escapeHtml(searchText(m));
  if (!m.openid) {
    const asNewcomer = m.phone
      ? `<button class="row" name="phoneOf" value="${escapeHtml(m.staffNo)}" title="以新微信用户进入，微信返回 ${escapeHtml(m.name)} 的手机号">${details}<span class="meta">未绑定 · 用其手机号绑定 ›</span></button>`
      : `<div class="row">${details}<span class="tag grey">未绑定</span></div>`;
    return `<li class="unbound" data-search="${search}">${asNewcomer}</li>`;
  }
  return `<li data-search="${search}"><button class="row" name="openid" value="${escapeHtml(m.openid)}" title="以 ${escapeHtml(m.name)} 的身份进入">${details}<span class="meta">进入 ›</span></button></li>`;
}

function searchText(m: RosterMember): string {
  return `${m.name} ${m.staffNo} ${m.groupName}`.toLowerCase();
}

// Filters as you type; without script the search form still works through ?q=.
const FILTER_SCRIPT = `
(function () {
  var input = document.getElementById('q');
  var noMatch = document.getElementById('no-match');
  if (!input) return;
  input.addEventListener('input', function () {
    var q = input.value.trim().toLowerCase();
    var shown = 0;
    document.querySelectorAll('section[data-group]').forEach(function (section) {
      var any = false;
      section.querySelectorAll('li[data-search]').forEach(function (li) {
        var hit = !q || li.getAttribute('data-search').indexOf(q) >= 0;
        li.hidden = !hit;
        if (hit) any = true;
      });
      section.hidden = !any;
      if (any) shown++;
    });
    if (noMatch) noMatch.hidden = shown > 0 || !document.querySelector('section[data-group]');
  });
})();`;
