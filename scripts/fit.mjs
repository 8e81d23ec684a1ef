// Entry of `npm run fit`: runs src/cli/fit.ts in a Node process with the flags the page's
// engine needs here. Node 20 has relaxed SIMD (which Chromium ships, and so the kernel
// build the worker runs) behind a flag, which Node 22 and later reject: relaxedSimdFlags()
// passes it only where it is needed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { relaxedSimdFlags } from './relaxed-simd.mjs';

const entry = fileURLToPath(new URL('../src/cli/fit.ts', import.meta.url));
const child = spawnSync(
  process.execPath,
  [...relaxedSimdFlags(), '--import', import.meta.resolve('tsx'), entry, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
if (child.error) throw child.error;
// A child ended by a signal has no status: report it as a failure.
process.exitCode = child.status ?? 1;
