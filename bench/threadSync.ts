/**
 * What a split step's synchronisation costs: a step on N = 4 points and H = 4 units (almost
 * no work) split across two threads, against the same step on one thread, timed in
 * alternation; the difference per step is the helper's wake-up, the wait for its answer and
 * the reduction.
 */
import { createNodePool } from '../src/cli/nodeThreads';
import { FusedKernel } from '../src/core/kernel/fusedKernel';
import { SplitKernel } from '../src/core/kernel/splitKernel';
import { kernelModule } from '../src/core/kernel/wasmRuntime';
import { median, timeAlternating } from './timing';

/** Microseconds per step the split adds, median over the rounds. */
export async function measureSyncMicroseconds(budgetSeconds: number): Promise<number> {
  const x = Float32Array.of(-1, -0.5, 0.5, 1);
  const y = x.map((v) => v * v);
  const grid = new Float32Array(4);
  const pool = createNodePool(2)!;
  try {
    const one = new FusedKernel(x, y, 4, 'relu', grid, kernelModule('relaxed'));
    const split = new SplitKernel(x, y, 4, 'relu', grid, pool, 'relaxed');
    const [a, b] = timeAlternating([() => one.step(0), () => split.step(0)], budgetSeconds, 5);
    const perStep = (rates: number[]) => 1e6 / median(rates);
    return perStep(b!) - perStep(a!);
  } finally {
    await pool.close();
  }
}
