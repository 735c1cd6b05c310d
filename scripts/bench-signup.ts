/**
 * Benchmark (not a test): 1000 people race for 100 places, through the real request function on a
 * local cloud, beside a naive count-then-insert function against the same local cloud
 * (the measurement is scripts/bench/signup.ts; `npm run bench` prints it too).
 *
 *   npx tsx scripts/bench-signup.ts [people=1000] [capacity=100] [inFlight=50] [instancesPerFunction=8]
 */
import { buildFunctions } from './build-functions';
import { benchSignup, SIGNUP_DEFAULTS, signupHeading, signupTable } from './bench/signup';

const [people, capacity, inFlight, instancesPerFunction] = [SIGNUP_DEFAULTS.people, SIGNUP_DEFAULTS.capacity, SIGNUP_DEFAULTS.inFlight, SIGNUP_DEFAULTS.instancesPerFunction].map(
  (fallback, i) => Number(process.argv[2 + i] ?? fallback),
);

async function main() {
  await buildFunctions();
  const bench = await benchSignup({ people, capacity, inFlight, instancesPerFunction });
  console.log(`\n${signupHeading(bench)}\n`);
  console.log(signupTable(bench));
  console.log(`\nactivity counter: taken ${bench.counter.taken}, waiting ${bench.counter.waiting}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
