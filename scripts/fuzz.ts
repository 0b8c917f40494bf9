/**
 * `npm run fuzz [-- --runs 100000 --seed 42 --min 20 --max 80 --out fuzz-counterexample.json]`
 * Random sequences into the real toolbar machine (test/fuzz/fuzz-core.ts); prints the count, the
 * seed and the time; on failure writes the shrunk counterexample as a flight-recorder log (keep it
 * under test/fixtures/flight/ and it replays in test/recorder/regressions.test.ts) and exits 1.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { checkSequence, sequence, toFlightLog } from '../test/fuzz/fuzz-core';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100000' },
    seed: { type: 'string' },
    min: { type: 'string', default: '20' },
    max: { type: 'string', default: '80' },
    out: { type: 'string', default: 'fuzz-counterexample.json' },
  },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const started = performance.now();
let ran = 0;
let events = 0;
const result = fc.check(
  fc.property(sequence(Number(values.min), Number(values.max)), (steps) => {
    ran += 1;
    events += steps.length;
    checkSequence(steps);
  }),
  { numRuns: runs, seed },
);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (result.failed && result.counterexample) {
  const [steps] = result.counterexample;
  writeFileSync(values.out, `${JSON.stringify(toFlightLog(steps), null, 1)}\n`);
  console.error(`fuzz: FAILED after ${result.numRuns} of ${runs} sequences (seed ${seed}, path ${result.counterexamplePath}, ${result.numShrinks} shrinks) in ${seconds} s`);
  console.error(String(result.errorInstance instanceof Error ? result.errorInstance.message : result.errorInstance));
  console.error(`fuzz: shrunk counterexample (${steps.length} steps) written to ${values.out} as a flight log`);
  process.exit(1);
}
console.log(`fuzz: ${result.numRuns} sequences (${ran} generated, ${events} steps incl. shrinking) passed in ${seconds} s, seed ${seed}`);
