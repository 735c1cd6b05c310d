/**
 * The weapp production build's main package and subpackages against the budgets in scripts/size.ts,
 * building it first when dist/ is missing or older than the sources.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkBudgets, dist, hasWeappBuild, kb, largestFiles, SIZE_BUDGET_KB, type PackageBudget } from '../size';
import { markdownTable } from './table';

const root = path.resolve(__dirname, '../..');
/** What the weapp build is made from. */
const SOURCES = ['src', 'types', 'config', 'babel.config.js', 'project.config.json'].map((p) => path.join(root, p));

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))), stat.mtimeMs);
}

/** Why the build must be (re)made, or null when dist/ is newer than every source. */
export function weappBuildStale(): string | null {
  if (!hasWeappBuild()) return 'dist/ has no weapp build';
  const built = newestMtime(dist);
  const changed = Math.max(...SOURCES.map(newestMtime));
  return changed > built ? `the sources changed since dist/ was built (${new Date(changed).toISOString()} > ${new Date(built).toISOString()})` : null;
}

/** Runs `npm run build:weapp` (a production build) when needed; its output is shown only if it fails. */
export function ensureWeappBuild(log: (line: string) => void): { built: boolean; seconds: number } {
  const reason = weappBuildStale();
  if (!reason) return { built: false, seconds: 0 };
  log(`building the weapp package (${reason}): npm run build:weapp …`);
  const started = Date.now();
  const run = spawnSync('npm', ['run', '--silent', 'build:weapp'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) {
    process.stderr.write(`${run.stdout ?? ''}${run.stderr ?? ''}`);
    throw new Error(`npm run build:weapp failed (exit ${run.status})`);
  }
  return { built: true, seconds: (Date.now() - started) / 1000 };
}

export interface SizeBench {
  packages: PackageBudget[];
  /** The largest files of any package over budget. */
  largestOver: Record<string, Array<{ file: string; bytes: number }>>;
}

export function benchSizes(): SizeBench {
  const packages = checkBudgets();
  const largestOver = Object.fromEntries(packages.filter((p) => p.over).map((p) => [p.name, largestFiles(p.name, dist, 5)]));
  return { packages, largestOver };
}

export function sizeTable(b: SizeBench): string {
  const total = b.packages.reduce((n, p) => n + p.bytes, 0);
  const table = markdownTable(
    ['package', 'size (KB)', 'budget (KB)', 'used', 'status'],
    [
      ...b.packages.map((p) => [p.name, kb(p.bytes), p.budgetBytes / 1024, `${Math.round((p.bytes / p.budgetBytes) * 100)}%`, p.over ? 'OVER' : 'OK']),
      ['(all packages)', kb(total), '', '', ''],
    ],
  );
  const over = Object.entries(b.largestOver).map(([name, files]) => `\n${name} is over its budget; largest files: ${files.map((f) => `${f.file} ${kb(f.bytes)} KB`).join(', ')}`);
  return `${table}${over.join('')}\n\nBudgets: main package ≤ ${SIZE_BUDGET_KB.main} KB, each subpackage ≤ ${SIZE_BUDGET_KB.subpackage} KB (scripts/size.ts).`;
}
