/**
 * The exported numpy script replays a run whose points or learning rate changed while it
 * trained (own points, held-out points, a cleared plot, a new rate, a rescue, loaded
 * weights): run by python3, it prints the losses the playground's core recorded at every
 * printed step, and the test loss the page shows.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from './config';
import { numpyScript, numpyScriptOf, PRINT_EVERY } from './numpyScript';
import type { LabeledData } from './protocol';
import { buildDataset } from './buildModel';
import { TrainingRun } from './run';
import { testMask } from './split';
import { numpyForTests } from '../../scripts/numpy-python';

/**
 * Relative tolerance, float32 (the core) against float64 (numpy). Ten times the presets'
 * (presets.test.ts): a few points fitted closely bring the loss down to 1e-3 of where it
 * started, so float32's rounding of the predictions weighs more in it (worst seen here:
 * 4.4e-6). A rate or a set of points applied one step early or late differs by 1e-3 or more.
 */
const LOSS_RTOL = 1e-5;

/** Skipped without numpy, except on CI, where they fail (see scripts/numpy-python.ts). */
const NUMPY = numpyForTests();

const CONFIG: ModelConfig = {
  dataset: 'quadratic',
  points: 30,
  noise: 0.2,
  seed: 0,
  layers: [10],
  init: 'tutorial',
  activation: 'relu',
};

function labeled(x: number[], y: number[], test?: ArrayLike<number>): LabeledData {
  return {
    x: Float32Array.from(x),
    y: Float32Array.from(y),
    test: test ? Uint8Array.from(test) : new Uint8Array(x.length),
  };
}

/** A run whose losses are kept by step, as the page's loss history keeps them. */
class Recorded {
  readonly losses = new Map<number, number>();
  constructor(readonly run: TrainingRun) {}
  train(steps: number, learningRate: number): number {
    const out = new Float32Array(steps);
    const from = this.run.step;
    const done = this.run.train(steps, learningRate, out, 0);
    for (let k = 0; k < done; k++) this.losses.set(from + k, out[k]!);
    return done;
  }
}

interface Printed {
  losses: number[];
  final: number;
  test: number | null;
}

function runPython(script: string): Printed {
  const out = spawnSync(NUMPY.python(), ['-'], { input: script, encoding: 'utf8' });
  expect(out.stderr).toBe('');
  expect(out.status).toBe(0);
  const lines = out.stdout.trim().split('\n');
  const test = lines.at(-1)!.match(/^test loss after \d+ steps: (\S+)$/);
  if (test) lines.pop();
  const final = lines.pop()!.match(/^loss after \d+ steps: (\S+)$/);
  return {
    losses: lines.map(Number),
    final: Number(final?.[1]),
    test: test ? Number(test[1]) : null,
  };
}

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

/** Every printed loss is the core's at its step; the final (and test) loss is the run's now. */
function expectReplays(rec: Recorded, printed: Printed, start = 0): void {
  const steps = rec.run.step;
  const printedSteps = [];
  for (let i = start; i < steps; i++) if (i % PRINT_EVERY === 0) printedSteps.push(i);
  expect(printed.losses).toHaveLength(printedSteps.length);
  printedSteps.forEach((step, k) => {
    expect(relErr(printed.losses[k]!, rec.losses.get(step)!), `loss at step ${step}`).toBeLessThan(
      LOSS_RTOL,
    );
  });
  expect(relErr(printed.final, rec.run.currentLoss()), 'final loss').toBeLessThan(LOSS_RTOL);
  const testLoss = rec.run.testLoss();
  if (testLoss === null) expect(printed.test).toBeNull();
  else expect(relErr(printed.test!, testLoss), 'test loss').toBeLessThan(LOSS_RTOL);
}

function script(rec: Recorded, learningRate = 0.01): string {
  return numpyScript({
    config: CONFIG,
    learningRate,
    steps: rec.run.step,
    history: rec.run.history,
  });
}

describe.skipIf(NUMPY.skip)(
  'the script replays a run that changed while it trained, run by python3',
  () => {
    it('own points imported mid-run (5 points after 100 steps on the generated data)', () => {
      const rec = new Recorded(new TrainingRun(CONFIG));
      rec.train(100, 0.01);
      const own = labeled([-0.9, -0.3, 0.1, 0.5, 0.8], [0.85, 0.05, 0.02, 0.3, 0.6]);
      rec.run.setData(own);
      rec.train(200, 0.01);
      const text = script(rec);
      expect(text).toContain('0.85');
      expect(text).toContain('100: (np.array([-0.8999999761581421,');
      expectReplays(rec, runPython(text));
    });

    it('own points from the start: N in the header is theirs', () => {
      const own = labeled([-0.5, 0, 0.5], [0.2, -0.1, 0.3]);
      const rec = new Recorded(new TrainingRun(CONFIG, undefined, undefined, own));
      rec.train(120, 0.01);
      const text = script(rec);
      expect(text).toContain('own data, N=3');
      expect(text).not.toContain('N=30');
      expectReplays(rec, runPython(text));
    });

    it('a test share: held-out points are not trained on, and their loss is printed', () => {
      const generated = buildDataset(CONFIG);
      const data = { ...generated, test: testMask(30, 0.3, CONFIG.seed) };
      const rec = new Recorded(new TrainingRun(CONFIG, undefined, undefined, data));
      rec.train(150, 0.01);
      const text = script(rec);
      // Drawn by the script as the tutorial draws them, then split.
      expect(text).toContain('f = x ** 2');
      expect(text).toContain('9 held out for testing');
      const printed = runPython(text);
      expect(printed.test).not.toBeNull();
      expectReplays(rec, printed);
    });

    it('cleared at step 80, then three points added at that step', () => {
      const rec = new Recorded(new TrainingRun(CONFIG));
      rec.train(80, 0.01);
      rec.run.setData(labeled([], []));
      expect(rec.train(50, 0.01)).toBe(0); // nothing to train on: the step stays
      rec.run.setData(labeled([-0.6], [0.4]));
      rec.run.setData(labeled([-0.6, 0.2], [0.4, 0.1]));
      rec.run.setData(labeled([-0.6, 0.2, 0.7], [0.4, 0.1, 0.5]));
      rec.train(100, 0.01);
      expect(rec.run.history.data.map((d) => d.step)).toEqual([0, 80]);
      expectReplays(rec, runPython(script(rec)));
    });

    it('a learning rate changed mid-run applies from its step', () => {
      const rec = new Recorded(new TrainingRun(CONFIG));
      rec.train(55, 0.01);
      rec.train(45, 0.02);
      rec.train(60, 0.004);
      const text = script(rec, 0.123); // the settings' rate now: not yet used by any step
      expect(text).toContain('learning_rates = {0: 0.01, 55: 0.02, 100: 0.004}');
      expect(text).not.toContain('0.123');
      expectReplays(rec, runPython(text));
    });

    it('a rescue: back to the last good step, then on at a lower rate', () => {
      const rec = new Recorded(new TrainingRun(CONFIG));
      rec.train(40, 0.01);
      rec.train(200, 0.5); // diverges
      const divergedAt = rec.run.divergedAt;
      expect(divergedAt).not.toBeNull();
      rec.run.rewind();
      // Back to before the loss began to climb: at or after step 40, before the blow-up.
      const kept = rec.run.step;
      expect(kept).toBeGreaterThanOrEqual(40);
      expect(kept).toBeLessThan(divergedAt!);
      rec.train(60, 0.005);
      // Steps 40..kept at 0.5 stay in the run's history; the steps undone leave it.
      expect(rec.run.history.rates).toEqual([
        { step: 0, learningRate: 0.01 },
        ...(kept > 40 ? [{ step: 40, learningRate: 0.5 }] : []),
        { step: kept, learningRate: 0.005 },
      ]);
      expectReplays(rec, runPython(script(rec)));
    });

    it('own points and a new rate while paused at the same step, held-out points in the second set', () => {
      const rec = new Recorded(new TrainingRun(CONFIG));
      rec.train(70, 0.01);
      const x = Array.from({ length: 12 }, (_, i) => -1 + i / 6);
      rec.run.setData(
        labeled(
          x,
          x.map((v) => Math.sin(3 * v)),
          testMask(12, 0.25, 4),
        ),
      );
      rec.train(90, 0.03);
      const printed = runPython(script(rec));
      expect(printed.test).not.toBeNull();
      expectReplays(rec, printed);
    });

    it('weights loaded from a model file: the replay starts from them at their step', () => {
      const source = new TrainingRun({ ...CONFIG, seed: 9 });
      source.train(75, 0.01, new Float32Array(75), 0);
      const params = new Float32Array(source.paramLength());
      source.snapshotParams(params);
      const rec = new Recorded(new TrainingRun(CONFIG));
      expect(rec.run.load(params, 75)).toBe(true);
      rec.train(80, 0.01);
      const text = script(rec);
      expect(text).toContain('for i in range(75, steps):');
      expectReplays(rec, runPython(text), 75);
    });
  },
);

describe('what the script says when it cannot be the run', () => {
  it('points dragged while training: the header names the step from which it differs', () => {
    const run = new TrainingRun(CONFIG);
    const losses = new Float32Array(1);
    for (let k = 0; k < 20; k++) {
      run.train(1, 0.01, losses, 0);
      run.setData(labeled([-0.5, 0, 0.5], [0.2, 0.01 * k, 0.3]));
    }
    const { script: text, exact } = numpyScriptOf({
      config: CONFIG,
      learningRate: 0.01,
      steps: run.step,
      history: run.history,
    });
    expect(exact).toBe(false);
    expect(text).toMatch(/^# NOT the page's run from step 7 on/m);
  });

  it('a diverged run: the header says the script replays the blow-up', () => {
    const text = numpyScript({ config: CONFIG, learningRate: 0.5, steps: 12, divergedAt: 12 });
    expect(text).toMatch(/^# On the page this run diverged at step 12 /m);
    expect(
      numpyScript({ config: CONFIG, learningRate: 0.01, steps: 12, divergedAt: null }),
    ).not.toContain('diverged');
  });

  it('an unchanged run is exact and says nothing more', () => {
    const run = new TrainingRun(CONFIG);
    run.train(30, 0.01, new Float32Array(30), 0);
    const { script: text, exact } = numpyScriptOf({
      config: CONFIG,
      learningRate: 0.01,
      steps: 30,
      history: run.history,
    });
    expect(exact).toBe(true);
    expect(text).not.toContain('NOT');
    expect(text).not.toContain('point_changes');
    expect(text).not.toContain('learning_rates');
    expect(text).toContain('quadratic data, N=30, noise 0.2');
  });
});
