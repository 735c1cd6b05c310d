/**
 * A static look at the weapp bundle for globals WeChat's logic layer does not have. A free reference
 * to one of them fails unless the same file tests it with `typeof` first (the guarded feature checks
 * that React and webpack's runtime make). The sandbox catches the unguarded ones that run; this
 * catches the ones that only run later, inside code whose errors the app turns into 加载失败.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as acorn from 'acorn';
import * as eslintScope from 'eslint-scope';

/** Globals a browser or Node has and a mini-program's logic layer lacks. */
export const MISSING_IN_WECHAT = [
  'process', 'window', 'document', 'fetch', 'XMLHttpRequest', 'global', 'Buffer', 'setImmediate', 'clearImmediate',
  '__dirname', '__filename', 'localStorage', 'sessionStorage', 'navigator', 'location', 'self', 'crypto',
  'performance', 'MessageChannel', 'requestAnimationFrame', 'TextEncoder', 'TextDecoder', 'URL', 'URLSearchParams',
] as const;

export interface GlobalUse {
  file: string;
  name: string;
  line: number;
}

interface ScopeRef {
  identifier: { name: string; range: [number, number]; loc: { start: { line: number } } };
}

export function unguardedGlobals(distDir: string, files: string[]): GlobalUse[] {
  const found: GlobalUse[] = [];
  for (const file of files) {
    const source = readFileSync(path.join(distDir, file), 'utf8');
    const ast = acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'script', locations: true, ranges: true });
    const scopes = eslintScope.analyze(ast as never, { ecmaVersion: 2022, sourceType: 'script' });
    const typeofChecked = new Set<string>();
    const uses: ScopeRef[] = [];
    for (const ref of scopes.globalScope!.through as unknown as ScopeRef[]) {
      const name = ref.identifier.name;
      if (!(MISSING_IN_WECHAT as readonly string[]).includes(name)) continue;
      const before = source.slice(Math.max(0, ref.identifier.range[0] - 7), ref.identifier.range[0]);
      if (/typeof\s*$/.test(before)) typeofChecked.add(name);
      else uses.push(ref);
    }
    for (const ref of uses) {
      if (!typeofChecked.has(ref.identifier.name)) found.push({ file, name: ref.identifier.name, line: ref.identifier.loc.start.line });
    }
  }
  return found;
}
