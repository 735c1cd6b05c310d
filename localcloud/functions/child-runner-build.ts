import { buildSync } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Function instances are plain `node` processes. Starting them through a TypeScript loader would
 * cost ~0.4 s per instance, so the child runner (TypeScript, type-checked with the rest) is
 * bundled once per source version into a small CommonJS file under `<dataDir>/.runtime/`.
 */
export function buildChildRunner(dataDir: string): string {
  const sourceDir = join(__dirname, 'child');
  const sources = readdirSync(sourceDir).filter((f) => f.endsWith('.ts')).sort();
  const hash = createHash('sha256');
  for (const file of sources) hash.update(file).update(readFileSync(join(sourceDir, file)));
  const outDir = join(dataDir, '.runtime');
  const outFile = join(outDir, `child-runner-${hash.digest('hex').slice(0, 12)}.cjs`);
  if (existsSync(outFile)) return outFile;
  mkdirSync(outDir, { recursive: true });
  const result = buildSync({
    entryPoints: [join(sourceDir, 'child-runner.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output for the function child runner');
  // Write to a temporary name first so a concurrent start never runs a half-written file.
  const tmp = `${outFile}.${process.pid}.tmp`;
  writeFileSync(tmp, output.contents);
  renameSync(tmp, outFile);
  return outFile;
}
