import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CloudError } from '../errors';

/** The parts of a function's config.json the local cloud acts on. */
export interface FunctionConfig {
  /** Seconds; the cloud's per-invocation limit. */
  timeout?: number;
  triggers?: Array<{ name: string; type: string; config: string }>;
  permissions?: { openapi?: string[] };
}

export interface CloudFunctionInfo {
  name: string;
  dir: string;
  indexPath: string;
  /** Changes whenever index.js is rebuilt; instances of an older build are retired. */
  codeVersion: number;
  config: FunctionConfig;
}

// The cloud's own naming rule; it also keeps names from escaping the functions folder.
const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;

export function isValidFunctionName(name: unknown): name is string {
  return typeof name === 'string' && FUNCTION_NAME.test(name);
}

/** Reads `<functionsDir>/<name>/{index.js,config.json}` on demand, caching config.json by mtime. */
export class FunctionCatalog {
  private readonly configCache = new Map<string, { mtimeMs: number; config: FunctionConfig }>();

  constructor(readonly functionsDir: string) {}

  /** The function, or a CloudError the way the cloud reports an unknown function. */
  get(name: string): CloudFunctionInfo {
    const info = isValidFunctionName(name) ? this.tryGet(name) : null;
    if (!info) {
      // Callers see this message: it names no folder of this machine and quotes at most 60 characters of the name.
      const shown = String(name).slice(0, 60) + (String(name).length > 60 ? '…' : '');
      throw new CloudError('FUNCTIONS_REQUEST_FAIL', `[ResourceNotFound.Function] 未找到指定的云函数 ${shown}，请先创建（本地云在云函数目录中查找 ${shown}/index.js）`);
    }
    return info;
  }

  list(): CloudFunctionInfo[] {
    if (!existsSync(this.functionsDir)) return [];
    const out: CloudFunctionInfo[] = [];
    for (const entry of readdirSync(this.functionsDir, { withFileTypes: true })) {
      if (!entry.isDirectory() || !FUNCTION_NAME.test(entry.name)) continue;
      try {
        const info = this.tryGet(entry.name);
        if (info) out.push(info);
      } catch {
        // A folder with a broken config.json is reported when it is invoked, not while listing.
      }
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }

  private tryGet(name: string): CloudFunctionInfo | null {
    const dir = join(this.functionsDir, name);
    const indexPath = join(dir, 'index.js');
    let codeVersion: number;
    try {
      codeVersion = statSync(indexPath).mtimeMs;
    } catch {
      return null;
    }
    return { name, dir, indexPath, codeVersion, config: this.readConfig(name, join(dir, 'config.json')) };
  }

  private readConfig(name: string, file: string): FunctionConfig {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return {};
    }
    const cached = this.configCache.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.config;
    let config: FunctionConfig;
    try {
      config = JSON.parse(readFileSync(file, 'utf8')) as FunctionConfig;
    } catch (err) {
      // The cloud would refuse to deploy such a function; refuse to run it.
      throw new CloudError('FUNCTIONS_REQUEST_FAIL', `config.json of function ${name} is not valid JSON: ${(err as Error).message}`);
    }
    this.configCache.set(file, { mtimeMs, config });
    return config;
  }
}
