/**
 * Prints the weapp production build's main-package and per-subpackage sizes in KB, as WeChat counts
 * them: every file under dist/ belongs to the main package unless it sits under a subpackage root.
 * The size budgets live here, and only here: `npm run size`, `npm run bench` and the size-budget
 * test (tests/unit/size-budget.test.ts) all read them from this module.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const dist = path.resolve(__dirname, '..', 'dist');

/** The main package's name in every table. */
export const MAIN_PACKAGE = '主包';

/** The budgets, in KB (1024 bytes): the main package, and each subpackage. */
export const SIZE_BUDGET_KB = { main: 512, subpackage: 300 } as const;

export interface PackageSize {
  name: string;
  bytes: number;
}

export interface PackageBudget extends PackageSize {
  budgetBytes: number;
  over: boolean;
}

export interface PackageFile {
  /** Path under dist/, with forward slashes. */
  file: string;
  bytes: number;
  /** The package it counts towards. */
  owner: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

function subpackageRoots(root: string): string[] {
  const app = JSON.parse(readFileSync(path.join(root, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> };
  return (app.subPackages ?? app.subpackages ?? []).map((sub) => sub.root.replace(/\/$/, ''));
}

/** Whether a weapp build is there to measure. */
export const hasWeappBuild = (root = dist): boolean => existsSync(path.join(root, 'app.json'));

/** Every file of the build that WeChat uploads, with the package it counts towards. */
export function packageFiles(root = dist): PackageFile[] {
  const roots = subpackageRoots(root);
  return filesUnder(root).flatMap((full) => {
    const file = path.relative(root, full).split(path.sep).join('/');
    if (file.endsWith('.map') || file.endsWith('.LICENSE.txt') || file === 'project.config.json') return [];
    return [{ file, bytes: statSync(full).size, owner: roots.find((r) => file.startsWith(`${r}/`)) ?? MAIN_PACKAGE }];
  });
}

/** Sizes of the main package and each subpackage of a weapp build folder. */
export function measurePackages(root = dist): PackageSize[] {
  const sizes = new Map<string, number>([[MAIN_PACKAGE, 0], ...subpackageRoots(root).map((r): [string, number] => [r, 0])]);
  for (const { bytes, owner } of packageFiles(root)) sizes.set(owner, sizes.get(owner)! + bytes);
  return [...sizes].map(([name, bytes]) => ({ name, bytes }));
}

/** The budget of a package, in bytes. */
export const budgetOf = (name: string): number => (name === MAIN_PACKAGE ? SIZE_BUDGET_KB.main : SIZE_BUDGET_KB.subpackage) * 1024;

/** Each package against its budget. */
export function checkBudgets(root = dist): PackageBudget[] {
  return measurePackages(root).map((p) => ({ ...p, budgetBytes: budgetOf(p.name), over: p.bytes > budgetOf(p.name) }));
}

/** The largest files of one package, largest first. */
export function largestFiles(name: string, root = dist, count = 8): PackageFile[] {
  return packageFiles(root)
    .filter((f) => f.owner === name)
    .sort((a, b) => b.bytes - a.bytes || a.file.localeCompare(b.file))
    .slice(0, count);
}

export const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

/** What grew past its budget: each package over, its size and budget, and its largest files; null when all fit. */
export function overBudgetReport(root = dist): string | null {
  const over = checkBudgets(root).filter((p) => p.over);
  if (over.length === 0) return null;
  const parts = over.map((p) => {
    const files = largestFiles(p.name, root, 8).map((f) => `    ${kb(f.bytes).padStart(8)} KB  ${f.file}`);
    return `${p.name}: ${kb(p.bytes)} KB, over its budget of ${p.budgetBytes / 1024} KB by ${kb(p.bytes - p.budgetBytes)} KB; largest files:\n${files.join('\n')}`;
  });
  return `The weapp build grew past its size budget (scripts/size.ts):\n${parts.join('\n')}`;
}

if (require.main === module) {
  if (!hasWeappBuild()) {
    console.error('没有找到 dist/app.json：请先运行 npm run build:weapp');
    process.exit(1);
  }
  for (const { name, bytes, budgetBytes, over } of checkBudgets()) {
    console.log(`${name.padEnd(24)} ${kb(bytes).padStart(8)} KB / ${String(budgetBytes / 1024).padStart(3)} KB  ${over ? 'OVER' : 'OK'}`);
  }
  const report = overBudgetReport();
  if (report) console.log(`\n${report}`);
}
