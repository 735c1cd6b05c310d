/**
 * Benchmark (not a test): one reminders run for a union of 2000 members and 40 events, beside the
 * same run for 1000 members and for 20 events, to show what the database requests grow with.
 *
 *   npx tsx scripts/bench-reminders.ts [members=2000] [events=40]
 */
import { buildFunctions } from './build-functions';
import { benchReminders, reminderTable, type ReminderBench } from './bench/reminders';

const [MEMBERS, EVENTS] = [2000, 40].map((fallback, i) => Number(process.argv[2 + i] ?? fallback));

export { reminderTable };

async function main() {
  await buildFunctions();
  const rows: ReminderBench[] = [];
  for (const [members, events] of [
    [MEMBERS, EVENTS],
    [MEMBERS / 2, EVENTS],
    [MEMBERS, EVENTS / 2],
  ]) {
    rows.push(await benchReminders(members, events));
  }
  console.log(reminderTable(rows));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
