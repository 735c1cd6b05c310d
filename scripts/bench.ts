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
 * Each part is its own module under scripts/bench/; this file only runs them and prints.
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

async function timed<T>(what: string, run: () => Promise<T> | T): Promise<T> {
  progress(`${what} …`);
  const started = Date.now();
  const result = await run();
  progress(`${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function main() {
  const started = Date.now();
  const load = os.loadavg()[0];
  const build = await timed('weapp build (if stale)', () => ensureWeappBuild(progress));
  await timed('cloud functions build', () => buildFunctions());
  const sizes = benchSizes();
  const signup = await timed('sign-up race', () => benchSignup());
  const votes = await timed('vote race', () => benchVoteRace());
  const reminders = await timed('reminders run', () => benchReminders(REMINDER_MEMBERS, REMINDER_EVENTS));
  const screens = await timed('list screens', () => benchScreens(SCREEN_SIZES));

  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const grows = screens.filter((r) => r.grows);
  const out = [
    `# npm run bench`,
    '',
    `${new Date().toISOString()} · Node ${process.version} · ${os.cpus().length} × ${cpu} · ${os.platform()} ${os.arch()}` +
      ` · load average ${load.toFixed(1)} at start · local cloud (SQLite) · ${((Date.now() - started) / 1000).toFixed(0)} s in all${build.built ? ` (weapp build ${build.seconds.toFixed(0)} s)` : ''}`,
    '',
    '## Package size (weapp production build)',
    '',
    sizeTable(sizes),
    '',
    '## Sign-up race',
    '',
    `${signupHeading(signup)}.`,
    '',
    signupTable(signup),
    '',
    `Activity counter afterwards: taken ${signup.counter.taken}, waiting ${signup.counter.waiting}.`,
    '',
    '## Vote race',
    '',
    `${voteRaceHeading(votes)}.`,
    '',
    voteRaceTable(votes),
    '',
    '## Reminders run',
    '',
    `One hourly timer run for ${REMINDER_MEMBERS} members and ${REMINDER_EVENTS} events due tomorrow (activities starting, sign-up deadlines, votes closing); one in ten members has consented to WeChat reminders.`,
    '',
    reminderTable([reminders]),
    '',
    '## Database requests per list screen',
    '',
    `One call per screen, each size on its own fresh local cloud; "shown" is what the answer lists (some lists cap at 100 or 200).`,
    '',
    screensTable(screens, SCREEN_SIZES),
    '',
    grows.length ? `GROWS with the list: ${grows.map((r) => r.screen).join(', ')}.` : `No screen's requests grow with its list (${SCREEN_SIZES[0]} → ${SCREEN_SIZES[1]} items).`,
  ];
  console.log(out.join('\n'));
  const over = sizes.packages.filter((p) => p.over);
  const broken = signup.rows[0].overbooked || signup.rows[0].duplicates || votes.counted !== votes.options.voters || votes.uniqueVoters !== votes.votersMarked;
  if (over.length || grows.length || broken) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
