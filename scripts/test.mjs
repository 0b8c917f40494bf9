// `npm test`: the type check and the test run side by side (tsc is one core's work, vitest leaves
// room beside it), so the whole check fits the 3-minute budget on 2 cores. Fails if either fails.
import { spawn } from 'node:child_process';

function run(command, args, { buffer }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: buffer ? ['ignore', 'pipe', 'pipe'] : 'inherit', shell: process.platform === 'win32' });
    let output = '';
    if (buffer) {
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
    }
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
// tsc's few lines are printed after vitest's report, so the two never interleave.
const [typecheck, tests] = await Promise.all([
  run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], { buffer: true }),
  run(bin('vitest'), ['run', ...process.argv.slice(2)], { buffer: false }),
]);
process.stdout.write(`\ntype check (tsc --noEmit): ${typecheck.code === 0 ? 'passed' : 'FAILED'}\n${typecheck.output}`);
process.exit(typecheck.code !== 0 || tests.code !== 0 ? 1 : 0);
