// `npm test`: lint, typecheck, unit tests, end-to-end tests in Chromium — printing the time of each phase.
// Stops at the first failing phase so CI's log ends at the cause.
import { spawnSync } from 'node:child_process';

const phases = [
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['build renderer', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  ['unit tests', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['end-to-end tests (Chromium)', 'npx', ['vitest', 'run', '--project', 'e2e']],
];

const only = process.argv.slice(2);
const times = [];
let failed = null;
for (const [name, cmd, args] of phases) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  process.stdout.write(`\n=== ${name} ===\n`);
  const start = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  const seconds = (Date.now() - start) / 1000;
  times.push([name, seconds, r.status === 0]);
  process.stdout.write(`=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${seconds.toFixed(1)} s ===\n`);
  if (r.status !== 0) {
    failed = name;
    break;
  }
}
process.stdout.write('\nTime per phase:\n');
for (const [name, s, ok] of times) process.stdout.write(`  ${name.padEnd(30)} ${s.toFixed(1).padStart(7)} s  ${ok ? 'ok' : 'FAILED'}\n`);
process.stdout.write(`  ${'total'.padEnd(30)} ${times.reduce((t, [, s]) => t + s, 0).toFixed(1).padStart(7)} s\n`);
if (failed) {
  process.stderr.write(`npm test: phase '${failed}' failed\n`);
  process.exit(1);
}
