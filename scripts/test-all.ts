/**
 * `npm test`: type-checks, builds what the tests run against (the cloud functions, the weapp
 * package, the H5 app), then runs every test layer: unit, local cloud, cloud, components, end to end.
 */
import { spawnSync } from 'node:child_process';

const steps: Array<[string, string[]]> = [
  ['npx', ['tsc', '--noEmit', '-p', '.']],
  ['npm', ['run', '--silent', 'build:functions']],
  ['npm', ['run', '--silent', 'build:weapp']],
  ['npm', ['run', '--silent', 'build:h5']],
  ['npx', ['jest', ...process.argv.slice(2)]],
];

for (const [command, args] of steps) {
  console.log(`\n==> ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, CI: process.env.CI ?? 'true' } });
  if (status !== 0) process.exit(status ?? 1);
}
