/**
 * `npm run bench`: what a user would care about, measured in one run on this machine, printed as
 * one set of markdown tables (progress goes to stderr, the tables to stdout):
 *
 *   1. package sizes of the weapp production build against the budgets (built first if stale);
 *   2. the sign-up race, beside the naive count-then-insert way;
 *   3. the vote race: every member casting several ballots at once in a secret election;
 *   4. one reminders run for a large union;
 *   5. database requests per call of every list screen, at 10 and at 300 items.
 *
 * Each part is its own module under scripts/bench/; this file only runs them and prints. A part
 * that fails is reported in its section and the others still run; the exit code is then 1, as it
 * is when a package is over budget, a race overbooks or double-counts, or a screen's requests grow.
 */
import os from 'node:os';
import { buildFunctions } from './build-functions';
import { benchReminders, reminderTable } from './bench/reminders';
import { benchScreens, screensTable } from './bench/screens';
import { benchSignup, signupHeading, signupTable } from './bench/signup';
import { benchSizes, ensureWeappBuild, sizeTable } from './bench/sizes';
import { benchVoteRace, voteRaceHeading, voteRaceTable } from './bench/vote-race';

const REMINDER_MEMBERS = 2000;
const REMINDER_EVENTS = 40;
const SCREEN_SIZES: [number, number] = [10, 300];

const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);

type Part<T> = { ok: true; value: T; seconds: number } | { ok: false; error: string; seconds: number };

async function part<T>(what: string, run: () => Promise<T> | T): Promise<Part<T>> {
  progress(`${what} …`);
  const started = Date.now();
  try {
    const value = await run();
    const seconds = (Date.now() - started) / 1000;
    progress(`${what}: ${seconds.toFixed(1)} s`);
    return { ok: true, value, seconds };
  } catch (error) {
    const seconds = (Date.now() - started) / 1000;
    progress(`${what} FAILED after ${seconds.toFixed(1)} s: ${(error as Error)?.stack ?? String(error)}`);
    return { ok: false, error: String((error as Error)?.message ?? error), seconds };
  }
}

/** The section's text, or why it could not be measured. */
const show = <T>(p: Part<T>, render: (value: T) => string[]): string[] => (p.ok ? render(p.value) : [`**FAILED** after ${p.seconds.toFixed(0)} s: ${p.error}`]);

async function main() {
  const started = Date.now();
  const load = os.loadavg()[0];
  const build = await part('weapp build (if stale)', () => ensureWeappBuild(progress));
  const functions = await part('cloud functions build', () => buildFunctions());
  const sizes = build.ok ? await part('package sizes', () => benchSizes()) : build;
  const cloudParts = functions.ok;
  const failedBuild = { ok: false as const, error: `the cloud functions did not build: ${functions.ok ? '' : functions.error}`, seconds: 0 };
  const signup = cloudParts ? await part('sign-up race', () => benchSignup()) : failedBuild;
  const votes = cloudParts ? await part('vote race', () => benchVoteRace()) : failedBuild;
  const reminders = cloudParts ? await part('reminders run', () => benchReminders(REMINDER_MEMBERS, REMINDER_EVENTS)) : failedBuild;
  const screens = cloudParts ? await part('list screens', () => benchScreens(SCREEN_SIZES)) : failedBuild;

  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const out = [
    `# npm run bench`,
    '',
    `${new Date().toISOString()} · Node ${process.version} · ${os.cpus().length} × ${cpu} · ${os.platform()} ${os.arch()} · load average ${load.toFixed(1)} at start` +
      ` · local cloud (SQLite) · ${((Date.now() - started) / 1000).toFixed(0)} s in all${build.ok && build.value.built ? ` (weapp build ${build.value.seconds.toFixed(0)} s)` : ''}`,
    '',
    '## Package size (weapp production build)',
    '',
    ...show(sizes, (s) => [sizeTable(s)]),
    '',
    '## Sign-up race',
    '',
    ...show(signup, (s) => [`${signupHeading(s)}.`, '', signupTable(s), '', `Activity counter afterwards: taken ${s.counter.taken}, waiting ${s.counter.waiting}.`]),
    '',
    '## Vote race',
    '',
    ...show(votes, (v) => [`${voteRaceHeading(v)}.`, '', voteRaceTable(v)]),
    '',
    '## Reminders run',
    '',
    `One hourly timer run for ${REMINDER_MEMBERS} members and ${REMINDER_EVENTS} events due tomorrow (activities starting, sign-up deadlines, votes closing); one in ten members has consented to WeChat reminders.`,
    '',
    ...show(reminders, (r) => [reminderTable([r])]),
    '',
    '## Database requests per list screen',
    '',
    `One call per screen, each size on its own fresh local cloud; "shown" is what the answer lists (some lists cap at 100 or 200).`,
    '',
    ...show(screens, (rows) => {
      const grows = rows.filter((r) => r.grows);
      return [
        screensTable(rows, SCREEN_SIZES),
        '',
        grows.length ? `GROWS with the list: ${grows.map((r) => r.screen).join(', ')}.` : `No screen's requests grow with its list (${SCREEN_SIZES[0]} → ${SCREEN_SIZES[1]} items).`,
      ];
    }),
  ];
  console.log(out.join('\n'));

  const bad = [
    ...[build, functions, sizes, signup, votes, reminders, screens].filter((p) => !p.ok).map(() => 'a part failed'),
    ...(sizes.ok && sizes.value.packages.some((p) => p.over) ? ['a package is over budget'] : []),
    ...(signup.ok && (signup.value.rows[0].overbooked || signup.value.rows[0].duplicates) ? ['the sign-up race overbooked'] : []),
    ...(signup.ok && (signup.value.rows[0].outOfOrder || signup.value.rows[0].stranded) ? ['the sign-up race broke arrival order or stranded a sign-up'] : []),
    ...(votes.ok && (votes.value.counted !== votes.value.options.voters || votes.value.uniqueVoters !== votes.value.votersMarked) ? ['the vote race miscounted'] : []),
    ...(screens.ok && screens.value.some((r) => r.grows) ? ['a screen grows'] : []),
  ];
  if (bad.length) {
    progress(`exit code 1: ${[...new Set(bad)].join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
