/**
 * Bundles each cloud function's TypeScript (cloudfunctions/<name>/src/index.ts) into the
 * deployable cloudfunctions/<name>/index.js, shared code inlined, wx-server-sdk left to the cloud.
 */
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', 'cloudfunctions');

export async function buildFunctions(options: { minify?: boolean } = {}): Promise<string[]> {
  const names = readdirSync(root).filter((name) => existsSync(path.join(root, name, 'src', 'index.ts')));
  await Promise.all(
    names.map((name) =>
      build({
        entryPoints: [path.join(root, name, 'src', 'index.ts')],
        outfile: path.join(root, name, 'index.js'),
        bundle: true,
        platform: 'node',
        // WeChat Cloud runs functions on Node 16 or newer.
        target: 'node16',
        format: 'cjs',
        external: ['wx-server-sdk'],
        minify: options.minify ?? false,
        sourcemap: false,
        legalComments: 'none',
        logLevel: 'warning',
        banner: { js: '// Built by scripts/build-functions.ts from src/: edit the TypeScript, not this file.' },
      }),
    ),
  );
  return names;
}

if (require.main === module) {
  buildFunctions()
    .then((names) => {
      for (const name of names) {
        const size = statSync(path.join(root, name, 'index.js')).size;
        console.log(`cloudfunctions/${name}/index.js  ${(size / 1024).toFixed(0)} KB`);
      }
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
