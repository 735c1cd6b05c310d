/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The shared frame of the dev pages: plain HTML, readable on a phone, no framework. */
export function devPage(title: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · 本地云</title>
<style>
  :root { color-scheme: light; --accent: #07c160; --muted: #8a8f99; --line: #e6e8eb; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.5 -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; background: #f5f6f7; color: #1f2329; }
  header { background: #fff; border-bottom: 1px solid var(--line); padding: 12px 16px; position: sticky; top: 0; z-index: 1; }
  header h1 { margin: 0; font-size: 17px; }
  header p { margin: 4px 0 0; color: var(--muted); font-size: 13px; }
  main { max-width: 720px; margin: 0 auto; padding: 12px 16px 40px; }
  .banner { background: #fff7e6; border: 1px solid #ffd591; color: #874d00; border-radius: 8px; padding: 8px 12px; font-size: 13px; margin-bottom: 12px; }
  input[type=search] { width: 100%; padding: 10px 12px; border: 1px solid var(--line); border-radius: 8px; font-size: 15px; background: #fff; }
  h2 { font-size: 14px; color: var(--muted); margin: 20px 4px 8px; font-weight: 500; }
  ul.list { list-style: none; margin: 0; padding: 0; background: #fff; border-radius: 10px; overflow: hidden; border: 1px solid var(--line); }
  ul.list > li { border-top: 1px solid var(--line); }
  ul.list > li:first-child { border-top: 0; }
  .row { display: flex; align-items: center; gap: 10px; width: 100%; padding: 12px 14px; background: none; border: 0; text-align: left; font: inherit; color: inherit; }
  button.row { cursor: pointer; }
  button.row:hover, button.row:focus { background: #f0faf4; outline: none; }
  .name { font-weight: 600; }
  .meta { color: var(--muted); font-size: 13px; }
  .grow { flex: 1; min-width: 0; }
  .tag { display: inline-block; font-size: 12px; padding: 0 6px; border-radius: 4px; background: #e8f7ee; color: #0b7a3e; margin-left: 4px; }
  .tag.grey { background: #f0f1f2; color: var(--muted); }
  .unbound { opacity: .55; }
  .actions { display: flex; gap: 8px; flex-wrap: wrap; margin: 16px 0; }
  .btn { display: inline-block; padding: 10px 14px; border-radius: 8px; border: 1px solid var(--accent); background: var(--accent); color: #fff; font: inherit; cursor: pointer; text-decoration: none; }
  .btn.secondary { background: #fff; color: var(--accent); }
  .empty { color: var(--muted); text-align: center; padding: 24px; }
  pre { white-space: pre-wrap; word-break: break-all; background: #f7f8fa; border-radius: 6px; padding: 8px; font-size: 12px; margin: 6px 0 0; }
  [hidden] { display: none !important; }
</style>
</head>
<body>
${body}
${script ? `<script>${script}</script>` : ''}
</body>
</html>`;
}
