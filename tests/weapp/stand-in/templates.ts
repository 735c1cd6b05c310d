/**
 * WeChat's own template compilers, from the `miniprogram-compiler` package (wcc for .wxml, wcsc for
 * .wxss, Linux builds): every file of dist/ must compile, and the pages are rendered with wcc's
 * generated render function, so what the stand-in "shows" is what WeChat's templates make of the data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

// The package's CommonJS entry (no types): wxmlToJs / wxssToJs.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const compiler = require('miniprogram-compiler') as {
  wxmlToJs(root: string, options?: { maxBuffer?: number }): string;
  wxssToJs(root: string, options?: { maxBuffer?: number }): string | Error;
};

/** A node of wcc's rendered tree; text is a plain string. */
export interface RawNode {
  tag: string;
  attr: Record<string, unknown>;
  children: Array<RawNode | string>;
}

type Render = (data: unknown, env: object, global: object) => RawNode;

export class Templates {
  /** What wcc's runtime said while rendering (e.g. "Template `tmpl_0_i` not found."). */
  readonly warnings: string[] = [];
  private readonly gwx: (path: string) => Render | undefined;
  private readonly realmJson: JSON;
  private readonly baseTemplates: Set<string>;

  constructor(distDir: string) {
    const source = compiler.wxmlToJs(distDir, { maxBuffer: 64 * 1024 * 1024 });
    const keep = (...args: unknown[]) => this.warnings.push(args.map(String).join(' '));
    const context = vm.createContext({ console: { log: keep, warn: keep, error: keep, info: keep } });
    vm.runInContext('window = globalThis', context);
    this.gwx = vm.runInContext(`(function (global) {${source}\n})({})`, context, { filename: 'wcc-generated.js' });
    this.realmJson = vm.runInContext('JSON', context) as JSON;
    const base = readFileSync(path.join(distDir, 'base.wxml'), 'utf8');
    this.baseTemplates = new Set([...base.matchAll(/<template name="([^"]+)"/g)].map((m) => m[1]!));
  }

  /** Compiles every .wxss with wcsc; throws with wcsc's message when one does not compile. */
  static checkStyles(distDir: string): number {
    const result = compiler.wxssToJs(distDir, { maxBuffer: 64 * 1024 * 1024 });
    if (result instanceof Error) throw result;
    return (readdirSync(distDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.wxss')).length;
  }

  hasTemplate(name: string): boolean {
    return this.baseTemplates.has(name);
  }

  /** Renders `wxml` (a path in dist/, with .wxml) with `data`; the data is copied into wcc's realm first. */
  render(wxml: string, data: unknown): RawNode {
    const render = this.gwx(wxml);
    if (!render) throw new Error(`wcc has no render function for ${wxml}`);
    return render(this.realmJson.parse(JSON.stringify(data)), {}, {});
  }
}
