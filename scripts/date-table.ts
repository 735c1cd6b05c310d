/**
 * The date table: the date- and hour-sensitive suites at each instant that has bitten, or could
 * bite, a union app in Shanghai — 00:30, 08:59, 09:00 (reminders start) and 23:30, on the 1st, the
 * 15th and the last day of a month, 31 December, 1 January, 28 February and a leap 29 February.
 * Each cell is one jest run with TEST_NOW set to that instant (see tests/support/test-instant.ts).
 *
 *   npx tsx scripts/date-table.ts                      every cell, one at a time
 *   npx tsx scripts/date-table.ts --jobs 2             two cells at once (each has its own local cloud)
 *   npx tsx scripts/date-table.ts --only 2027-01-01 --only 2028-02-29 --hours 00:30,09:00
 *   npx tsx scripts/date-table.ts --layers cloud,components   only some layers (e2e, cloud, components, weapp)
 *
 * It needs the builds (it does not make them): dist-h5/ (npm run build:h5), cloudfunctions/<name>/index.js
 * (npm run build:functions) and, for the weapp layer, dist/ (npm run build:weapp). Exits 1 if any cell fails;
 * each cell's jest output is kept in test-results/date-table/<day>T<hour>.log.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const logDir = path.join(root, 'test-results', 'date-table');

const DAYS: Array<{ day: string; label: string }> = [
  { day: '2027-03-01', label: '1st of a month' },
  { day: '2027-03-15', label: '15th' },
  { day: '2027-03-31', label: 'last of a month' },
  { day: '2026-12-31', label: '31 December' },
  { day: '2027-01-01', label: '1 January' },
  { day: '2027-02-28', label: '28 February' },
  { day: '2028-02-29', label: '29 February (leap)' },
];
const HOURS = ['00:30', '08:59', '09:00', '23:30'];

/** Per layer, the files that read the date or the hour (the weapp layer runs whole, when it exists). */
const SUITES: Record<string, string[]> = {
  e2e: ['tests/e2e/journey.test.ts', 'tests/e2e/activities.test.ts', 'tests/e2e/notices-and-plan.test.ts', 'tests/e2e/voting.test.ts'],
  cloud: ['tests/cloud/reminders.test.ts', 'tests/cloud/plan.test.ts', 'tests/cloud/notices.test.ts', 'tests/cloud/vote-rules.test.ts', 'tests/cloud/activity-rules.test.ts'],
  components: [
    // The month and the greeting on 首页; forms whose default dates start from now; lists that say
    // what is open, coming or past.
    'tests/components/home-month.test.tsx',
    'tests/components/activity-edit.test.tsx',
    'tests/components/activity-list.test.tsx',
    'tests/components/vote-edit.test.tsx',
    'tests/components/vote-list.test.tsx',
    'tests/components/vote-ballot.test.tsx',
    'tests/components/notice-edit.test.tsx',
    'tests/components/notice-detail.test.tsx',
    'tests/components/notice-list.test.tsx',
    'tests/components/proposal-edit.test.tsx',
  ],
  weapp: ['tests/weapp/'],
};

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv: string[]) {
  const only: string[] = [];
  let hours: string[] = HOURS;
  let jobs = 1;
  let layers: string[] | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--only') only.push(...value().split(','));
    else if (arg === '--hours') hours = value().split(',');
    else if (arg === '--jobs') jobs = Number(value());
    else if (arg === '--layers') layers = value().split(',');
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npx tsx scripts/date-table.ts [--only <day>[,<day>]]... [--hours 00:30,09:00] [--jobs 2] [--layers e2e,cloud,components,weapp]');
      process.exit(0);
    } else throw new Error(`unknown option ${arg} (see --help)`);
  }
  const days = only.length ? DAYS.filter((d) => only.some((o) => d.day === o || d.day.endsWith(o) || d.label === o)) : DAYS;
  if (only.length && days.length === 0) throw new Error(`--only matched no day; the days are ${DAYS.map((d) => d.day).join(', ')}`);
  for (const h of hours) if (!/^\d\d:\d\d$/.test(h)) throw new Error(`--hours takes HH:MM, got ${h}`);
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error('--jobs takes a whole number of at least 1');
  return { days, hours, jobs, layers };
}

/** The layers to run: those asked for, and weapp only if jest.config.js has that project. */
function layersToRun(asked: string[] | null): string[] {
  const config = require(path.join(root, 'jest.config.js')) as { projects?: Array<string | { displayName?: string | { name: string } }> };
  const names = (config.projects ?? []).map((p) => {
    if (typeof p === 'string') return path.basename(p);
    return typeof p.displayName === 'string' ? p.displayName : p.displayName?.name;
  });
  const present = Object.keys(SUITES).filter((layer) => names.includes(layer));
  const layers = asked ?? present;
  for (const layer of layers) if (!present.includes(layer)) throw new Error(`no jest project ${layer} (projects: ${names.join(', ')})`);
  return layers;
}

/** The builds the layers need; the table does not make them. */
function missingBuilds(layers: string[]): string[] {
  const missing: string[] = [];
  const functions = path.join(root, 'cloudfunctions');
  const bundles = existsSync(functions) ? readdirSync(functions).filter((name) => existsSync(path.join(functions, name, 'config.json'))) : [];
  for (const name of bundles) if (!existsSync(path.join(functions, name, 'index.js'))) missing.push(`cloudfunctions/${name}/index.js (npm run build:functions)`);
  if (layers.includes('e2e') && !existsSync(path.join(root, 'dist-h5', 'index.html'))) missing.push('dist-h5/ (npm run build:h5)');
  if (layers.includes('weapp') && !existsSync(path.join(root, 'dist', 'app.json'))) missing.push('dist/ (npm run build:weapp)');
  return missing;
}

// ---------------------------------------------------------------------------------------------
// Cells

interface Cell {
  day: string;
  hour: string;
  testNow: string;
  outcome?: 'pass' | 'FAIL';
  seconds?: number;
  failures?: string[];
}

const children = new Set<ChildProcess>();

function runCell(cell: Cell, layers: string[]): Promise<void> {
  const patterns = layers.flatMap((layer) => SUITES[layer]!);
  const args = [
    path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
    // Patterns first: --selectProjects takes every word after it.
    ...patterns,
    '--silent',
    '--ci',
    '--selectProjects',
    ...layers,
  ];
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, TEST_NOW: cell.testNow }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => {
      children.delete(child);
      cell.seconds = Math.round((Date.now() - started) / 1000);
      cell.outcome = code === 0 ? 'pass' : 'FAIL';
      // Jest heads each failed test with "●"; keep those lines for the summary.
      cell.failures = [...new Set(output.split('\n').filter((line) => /^\s*● /.test(line) && !/Console$/.test(line)).map((line) => line.trim()))];
      if (code !== 0 && cell.failures.length === 0) cell.failures = [`jest exited with ${code}`];
      writeFileSync(path.join(logDir, `${cell.day}T${cell.hour.replace(':', '-')}.log`), output);
      resolve();
    });
  });
}

const duration = (s: number) => (s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`);

function table(days: typeof DAYS, hours: string[], cells: Cell[]): string {
  const at = (day: string, hour: string) => cells.find((c) => c.day === day && c.hour === hour);
  const text = (c: Cell | undefined) => (!c ? '' : !c.outcome ? '…' : `${c.outcome} ${duration(c.seconds!)}`);
  const head = 'Shanghai day';
  const dayText = (d: (typeof DAYS)[number]) => `${d.day} ${d.label}`;
  const first = Math.max(head.length, ...days.map((d) => dayText(d).length));
  const width = Math.max(9, ...cells.map((c) => text(c).length));
  const row = (cols: string[]) => cols.map((c, i) => (i === 0 ? c.padEnd(first) : c.padEnd(width))).join('  ').trimEnd();
  return [row([head, ...hours]), row(['-'.repeat(first), ...hours.map(() => '-'.repeat(width))]), ...days.map((d) => row([dayText(d), ...hours.map((h) => text(at(d.day, h)))]))].join('\n');
}

async function main() {
  const { days, hours, jobs, layers: asked } = parseArgs(process.argv.slice(2));
  const layers = layersToRun(asked);
  const missing = missingBuilds(layers);
  if (missing.length) {
    console.error(`The date table runs on the builds; missing:\n  ${missing.join('\n  ')}`);
    process.exit(2);
  }
  mkdirSync(logDir, { recursive: true });
  const cells: Cell[] = days.flatMap(({ day }) => hours.map((hour) => ({ day, hour, testNow: `${day}T${hour}:00+08:00` })));
  console.log(`${cells.length} cells (${days.length} days × ${hours.length} hours), ${jobs} at a time; layers: ${layers.join(', ')}`);
  console.log(`files: ${layers.flatMap((l) => SUITES[l]!).join(' ')}\n`);

  const stop = () => {
    for (const child of children) child.kill('SIGTERM');
    process.exit(130);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const started = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < cells.length) {
      const cell = cells[next++]!;
      await runCell(cell, layers);
      const fails = cell.failures?.length ? `\n    ${cell.failures.join('\n    ')}` : '';
      console.log(`${cell.testNow}  ${cell.outcome}  ${duration(cell.seconds!)}${fails}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, cells.length) }, worker));

  const failed = cells.filter((c) => c.outcome !== 'pass');
  console.log(`\n${table(days, hours, cells)}\n`);
  console.log(`${cells.length - failed.length} of ${cells.length} cells pass, in ${duration(Math.round((Date.now() - started) / 1000))}. Logs: ${path.relative(root, logDir)}/`);
  if (failed.length) {
    console.log(`FAIL: ${failed.map((c) => c.testNow).join(', ')}`);
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  console.error((err as Error).message ?? err);
  process.exit(2);
});
