import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, MAX_RUN_STEP, type RunConfig } from './config';
import { networkValues } from './fit';
import { MODEL_FILE_KIND, modelFile, readModelFile } from './modelFile';
import type { Engine } from './engine';
import { TrainingRun } from './run';
import { formatEn } from '../messages/en';

const CONFIG: RunConfig = {
  ...DEFAULT_CONFIG,
  layers: [7],
  activation: 'tanh',
  seed: 3,
  speed: Infinity,
};

function trained(engine: Engine, steps: number): TrainingRun {
  const run = new TrainingRun(CONFIG, undefined, { engine });
  run.train(steps, CONFIG.learningRate, new Float32Array(steps), 0);
  return run;
}

function snapshot(run: TrainingRun): Float32Array {
  const out = new Float32Array(run.paramLength());
  run.snapshotParams(out);
  return out;
}

describe('model file', () => {
  it('writes the weights nested exactly as fit --json does (numpy .tolist() shapes)', () => {
    const run = trained('ts', 25);
    const file = modelFile(CONFIG, run.step, snapshot(run));
    const [l1, l2] = networkValues(run.net);
    expect(file.params).toEqual({ w1: l1!.w, b1: l1!.b, w2: l2!.w, b2: l2!.b });
    expect(file.params.w1).toHaveLength(1);
    expect(file.params.w1[0]).toHaveLength(7);
    expect(file.params.w2).toHaveLength(7);
    expect(file.params.w2[0]).toHaveLength(1);
    expect(file.config.speed).toBe('max');
    expect(file.step).toBe(25);
  });

  it('round-trips through JSON text: same config, step and float32 weights, bit for bit', () => {
    const run = trained('ts', 40);
    const params = snapshot(run);
    const read = readModelFile(JSON.stringify(modelFile(CONFIG, run.step, params)));
    if (!read.ok) throw new Error(formatEn(read.problem));
    expect(read.model.config).toEqual(CONFIG);
    expect(read.model.step).toBe(40);
    expect(Array.from(read.model.params)).toEqual(Array.from(params));
  });

  for (const engine of ['ts', 'wasm'] as const) {
    it(`restored weights train on exactly like the original run (${engine} engine)`, () => {
      const original = trained(engine, 30);
      const read = readModelFile(
        JSON.stringify(modelFile(CONFIG, original.step, snapshot(original))),
      );
      if (!read.ok) throw new Error(formatEn(read.problem));
      const restored = new TrainingRun(CONFIG, undefined, { engine });
      expect(restored.load(read.model.params, read.model.step)).toBe(true);
      expect(restored.step).toBe(30);
      expect(Array.from(snapshot(restored))).toEqual(Array.from(snapshot(original)));
      const a = new Float32Array(10);
      const b = new Float32Array(10);
      original.train(10, CONFIG.learningRate, a, 0);
      restored.train(10, CONFIG.learningRate, b, 0);
      expect(Array.from(b)).toEqual(Array.from(a));
      expect(restored.load(new Float32Array(5), 0)).toBe(false);
    });
  }

  const good = () =>
    JSON.parse(JSON.stringify(modelFile(CONFIG, 3, snapshot(trained('ts', 3))))) as Record<
      string,
      unknown
    >;
  const bad: [string, (f: Record<string, unknown>) => unknown, RegExp][] = [
    ['not JSON', () => '{', /not valid JSON/],
    ['another kind of file', () => ({ x: [1] }), /not a Backprop Playground model file/],
    ['a future version', (f) => ({ ...f, version: 2 }), /version 2 is not supported/],
    [
      'a bad activation',
      (f) => ({ ...f, config: { ...(f.config as object), activation: 'gelu' } }),
      /config.activation/,
    ],
    [
      'hidden out of range',
      (f) => ({ ...f, config: { ...(f.config as object), layers: [0] } }),
      /config.hidden/,
    ],
    [
      'w1 of the wrong shape',
      (f) => ({ ...f, params: { ...(f.params as object), w1: [[1, 2]] } }),
      /params.w1 must be a \[1\]\[7\]/,
    ],
    [
      'a string weight',
      (f) => ({ ...f, params: { ...(f.params as object), b2: [['0.1']] } }),
      /params.b2 holds "0.1", not a number/,
    ],
    [
      'a long string weight, quoted with an ellipsis',
      (f) => ({ ...f, params: { ...(f.params as object), b2: [['x'.repeat(100)]] } }),
      /params.b2 holds "x{23}…, not a number/,
    ],
    [
      'a float32 overflow',
      (f) => ({ ...f, params: { ...(f.params as object), b2: [[1e300]] } }),
      /params.b2 holds a number beyond float32's range/,
    ],
    [
      'a weight just past float32',
      (f) => ({ ...f, params: { ...(f.params as object), b2: [[3.5e38]] } }),
      /params.b2 holds a number beyond float32's range/,
    ],
    [
      'a null weight',
      (f) => ({ ...f, params: { ...(f.params as object), b2: [[null]] } }),
      /params.b2 holds null, not a number/,
    ],
    [
      'a target that does not compile',
      (f) => ({ ...f, config: { ...(f.config as object), dataset: 'custom', expression: 'sin(' } }),
      /^config.expression is not a target the page can use: The expression ends too early$/,
    ],
    [
      'a target not finite on [-1, 1]',
      (f) => ({
        ...f,
        config: { ...(f.config as object), dataset: 'custom', expression: 'log(x)' },
      }),
      /config.expression .*Not a finite number at x = -1/,
    ],
    [
      'a bad target kept for later',
      (f) => ({ ...f, config: { ...(f.config as object), dataset: 'linear', expression: '1/x' } }),
      /config.expression .*Not a finite number at x = 0/,
    ],
    [
      'the custom dataset without a target',
      (f) => ({
        ...f,
        config: { ...(f.config as object), dataset: 'custom', expression: undefined },
      }),
      /config.expression is missing or not valid/,
    ],
    [
      'a test share out of range',
      (f) => ({ ...f, config: { ...(f.config as object), testShare: 5 } }),
      /config.testShare is missing or not valid: it must be a number from 0 to 0.9/,
    ],
    [
      'a learning rate that is 0 in float32',
      (f) => ({ ...f, config: { ...(f.config as object), learningRate: 1e-320 } }),
      /config.learningRate .* a number from 1e-37 to 10/,
    ],
    [
      'a step no run can reach',
      (f) => ({ ...f, step: 1e15 }),
      /step must be a whole number from 0 to 1000000000000/,
    ],
    ['a negative step', (f) => ({ ...f, step: -1 }), /step must be/],
    [
      'a bad speed',
      (f) => ({ ...f, config: { ...(f.config as object), speed: 7 } }),
      /config.speed/,
    ],
  ];
  for (const [what, mutate, message] of bad) {
    it(`refuses ${what} with a clear message`, () => {
      const value = mutate(good());
      const read = readModelFile(typeof value === 'string' ? value : JSON.stringify(value));
      expect(read.ok).toBe(false);
      if (!read.ok) expect(formatEn(read.problem)).toMatch(message);
    });
  }

  it('accepts the last step a run can reach, and a custom target that the expression field accepts', () => {
    const f = good();
    const read = readModelFile(
      JSON.stringify({
        ...f,
        step: MAX_RUN_STEP,
        config: { ...(f.config as object), dataset: 'custom', expression: 'sin(3*x)' },
      }),
    );
    expect(read.ok && read.model.step).toBe(MAX_RUN_STEP);
    expect(read.ok && read.model.config.expression).toBe('sin(3*x)');
    expect(Number.isSafeInteger(MAX_RUN_STEP)).toBe(true);
  });

  it('a run loaded near the last step stops there: no file can hold a step past it', () => {
    for (const engine of ['ts', 'wasm'] as const) {
      const run = trained(engine, 2);
      expect(run.load(snapshot(run), MAX_RUN_STEP - 3)).toBe(true);
      const losses = new Float32Array(10);
      expect(run.train(10, CONFIG.learningRate, losses, 0)).toBe(3);
      expect(run.step).toBe(MAX_RUN_STEP);
      expect(run.atLastStep).toBe(true);
      expect(run.train(10, CONFIG.learningRate, losses, 0)).toBe(0);
    }
  });

  it('reads a file that leaves out speed (written by hand) with the default speed', () => {
    const f = good();
    delete (f.config as Record<string, unknown>).speed;
    const read = readModelFile(JSON.stringify(f));
    expect(read.ok && read.model.config.speed).toBe(DEFAULT_CONFIG.speed);
    expect(f.kind).toBe(MODEL_FILE_KIND);
  });
});
