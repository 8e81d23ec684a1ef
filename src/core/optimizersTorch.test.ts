/**
 * PyTorch parity: scripts/torch-optim.py applies torch.optim's SGD, SGD with momentum,
 * RMSprop and Adam (defaults; L2 as weight_decay on the weights' group, L1 added to the
 * loss's gradient) to the same seeded gradient sequences as the float64 reference test,
 * every optimizer, both reductions, with and without L1/L2, once in float64 and once in
 * float32. Skipped without torch, except on CI, where it fails (scripts/numpy-python.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { torchForTests } from '../../scripts/numpy-python';
import {
  optimizerCases,
  runPlayground,
  runReference,
  worstDifference,
  type LayerValues,
} from './optimizers.harness';

/**
 * |ours - torch| / max(1, |torch|). Our parameters are float32, our gradients and state
 * float64: against torch in float64 the difference is our float32 storage of the
 * parameters, drifting over STEPS steps (the reference test's tolerance); torch in float32
 * rounds its parameters as we do, and its gradients and state too, so it stays closer.
 */
const TORCH_TOL = { float64: 1e-5, float32: 5e-6 };
/** torch in float64 against the float64 reference: the same rules, only rounding apart. */
const RULES_TOL = 1e-13;
const STEPS = 300;

const TORCH = torchForTests();
const SCRIPT = fileURLToPath(new URL('../../scripts/torch-optim.py', import.meta.url));
const CASES = optimizerCases(STEPS);

const dir = mkdtempSync(join(tmpdir(), 'torch-optim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runTorch(dtype: 'float32' | 'float64'): LayerValues[][] {
  const input = join(dir, 'cases.json');
  writeFileSync(input, JSON.stringify(CASES));
  const run = spawnSync(TORCH.python(), [SCRIPT, input, dtype], {
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0)
    throw new Error(`torch-optim.py failed: ${run.error?.message ?? run.stderr}`);
  return JSON.parse(run.stdout) as LayerValues[][];
}

describe.skipIf(TORCH.skip)(`PyTorch ${TORCH.version ?? '(missing)'} parity`, () => {
  const torch: Partial<Record<'float32' | 'float64', LayerValues[][]>> = {};
  beforeAll(() => {
    torch.float64 = runTorch('float64');
    torch.float32 = runTorch('float32');
  }, 600_000);

  CASES.forEach((c, k) => {
    it(c.name, () => {
      const ours = runPlayground(c);
      for (const dtype of ['float64', 'float32'] as const)
        expect(worstDifference(ours, torch[dtype]![k]!), dtype).toBeLessThan(TORCH_TOL[dtype]);
      expect(worstDifference(runReference(c), torch.float64![k]!)).toBeLessThan(RULES_TOL);
    });
  });
});
