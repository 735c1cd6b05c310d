/**
 * Prints the weapp production build's main-package and per-subpackage sizes in KB, as WeChat counts
 * them: every file under dist/ belongs to the main package unless it sits under a subpackage root.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const dist = path.resolve(__dirname, '..', 'dist');

export interface PackageSize {
  name: string;
  bytes: number;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Sizes of the main package and each subpackage of a weapp build folder. */
export function measurePackages(root = dist): PackageSize[] {
  const app = JSON.parse(readFileSync(path.join(root, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((sub) => sub.root.replace(/\/$/, ''));
  const sizes = new Map<string, number>([['主包', 0], ...roots.map((r): [string, number] => [r, 0])]);
  for (const file of filesUnder(root)) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    if (rel.endsWith('.map') || rel.endsWith('.LICENSE.txt') || rel === 'project.config.json') continue;
    const owner = roots.find((r) => rel.startsWith(`${r}/`)) ?? '主包';
    sizes.set(owner, sizes.get(owner)! + statSync(file).size);
  }
  return [...sizes].map(([name, bytes]) => ({ name, bytes }));
}

if (require.main === module) {
  if (!existsSync(path.join(dist, 'app.json'))) {
    console.error('没有找到 dist/app.json：请先运行 npm run build:weapp');
    process.exit(1);
  }
  for (const { name, bytes } of measurePackages()) console.log(`${name.padEnd(20)} ${(bytes / 1024).toFixed(1).padStart(8)} KB`);
}
