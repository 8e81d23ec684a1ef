import { DEFAULT_TRAINING_OPTIONS, trainingOptionsOf } from './trainingOptions';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, MAX_RUN_STEP, type RunConfig } from './config';
import { networkValues } from './fit';
import { MODEL_FILE_KIND, MODEL_FILE_VERSION, modelFile, readModelFile } from './modelFile';
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

/** Three hidden layers of unequal widths, He's initialisation. */
const DEEP: RunConfig = { ...CONFIG, layers: [5, 4, 3], init: 'he', activation: 'relu' };

function trained(engine: Engine, steps: number, config: RunConfig = CONFIG): TrainingRun {
  const run = new TrainingRun(config, undefined, { engine });
  run.train(steps, config.learningRate, new Float32Array(steps), 0);
  return run;
}

/** A file written by the version 1 code (before the layer list): hidden 3, tanh, seed 3, lr 0.01, 12 steps. */
const VERSION_1 = readFileSync(new URL('./fixtures/model-v1.json', import.meta.url), 'utf8');
const V1_CONFIG: RunConfig = {
  ...DEFAULT_CONFIG,
  layers: [3],
  init: 'tutorial',
  activation: 'tanh',
  seed: 3,
  speed: Infinity,
};

function snapshot(run: TrainingRun): Float32Array {
  const out = new Float32Array(run.paramLength());
  run.snapshotParams(out);
  return out;
}

describe('model file', () => {
  it('writes the weights nested exactly as fit --json does (numpy .tolist() shapes)', () => {
    const run = trained('ts', 25);
    const file = modelFile(CONFIG, run.step, snapshot(run));
    expect(file.version).toBe(2);
    expect(file.params).toEqual(networkValues(run.net));
    const [l1, l2] = file.params;
    expect([l1!.w.length, l1!.w[0]!.length, l1!.b.length, l1!.b[0]!.length]).toEqual([1, 7, 1, 7]);
    expect([l2!.w.length, l2!.w[0]!.length, l2!.b.length, l2!.b[0]!.length]).toEqual([7, 1, 1, 1]);
    expect(file.config.layers).toEqual([7]);
    expect(file.config.init).toBe('tutorial');
    expect(file.config.speed).toBe('max');
    expect(file.step).toBe(25);
  });

  it('writes a deep network as one {w [in][out], b [1][out]} per layer, from the input', () => {
    const run = trained('ts', 10, DEEP);
    const file = modelFile(DEEP, run.step, snapshot(run));
    expect(file.params).toEqual(networkValues(run.net));
    expect(
      file.params.map((l) => [l.w.length, l.w[0]!.length, l.b.length, l.b[0]!.length]),
    ).toEqual([
      [1, 5, 1, 5],
      [5, 4, 1, 4],
      [4, 3, 1, 3],
      [3, 1, 1, 1],
    ]);
    expect(file.config).toMatchObject({ layers: [5, 4, 3], init: 'he' });
  });

  it.each([
    ['one hidden layer', CONFIG],
    ['three hidden layers, He init', DEEP],
  ])(
    'round-trips through JSON text (%s): same config, step and float32 weights, bit for bit',
    (_, config) => {
      const run = trained('ts', 40, config);
      const params = snapshot(run);
      const read = readModelFile(JSON.stringify(modelFile(config, run.step, params), null, 1));
      if (!read.ok) throw new Error(formatEn(read.problem));
      expect(read.model.config).toEqual(config);
      expect(read.model.step).toBe(40);
      expect(Array.from(read.model.params)).toEqual(Array.from(params));
    },
  );

  it('a deep model loaded into a fresh run trains on exactly like the original', () => {
    const original = trained('ts', 30, DEEP);
    const read = readModelFile(JSON.stringify(modelFile(DEEP, 30, snapshot(original))));
    if (!read.ok) throw new Error(formatEn(read.problem));
    const restored = new TrainingRun(read.model.config, undefined, { engine: 'ts' });
    expect(restored.load(read.model.params, read.model.step)).toBe(true);
    const a = new Float32Array(10);
    const b = new Float32Array(10);
    original.train(10, DEEP.learningRate, a, 0);
    restored.train(10, DEEP.learningRate, b, 0);
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it('reads a version 1 file (config.hidden, params w1 b1 w2 b2) as one hidden layer with the tutorial init', () => {
    const read = readModelFile(VERSION_1);
    if (!read.ok) throw new Error(formatEn(read.problem));
    expect(read.model.config).toEqual(V1_CONFIG);
    expect(read.model.step).toBe(12);
    // The run that wrote it, replayed today: depth 1 trains bit for bit as it did then.
    const again = trained('ts', 12, V1_CONFIG);
    expect(Array.from(read.model.params)).toEqual(Array.from(snapshot(again)));
    // Written back, it is a version 2 file of the same model.
    const v2 = modelFile(read.model.config, read.model.step, read.model.params);
    expect(v2.version).toBe(MODEL_FILE_VERSION);
    const back = readModelFile(JSON.stringify(v2));
    expect(back.ok && Array.from(back.model.params)).toEqual(Array.from(read.model.params));
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

  type Json = Record<string, unknown>;
  const good = (): Json =>
    JSON.parse(JSON.stringify(modelFile(CONFIG, 3, snapshot(trained('ts', 3))))) as Json;
  const deep = (): Json =>
    JSON.parse(JSON.stringify(modelFile(DEEP, 3, snapshot(trained('ts', 3, DEEP))))) as Json;
  const v1 = (): Json => JSON.parse(VERSION_1) as Json;
  /** The file with entry `l` of its params list changed. */
  const withLayer = (f: Json, l: number, change: (layer: Json) => unknown): Json => {
    const params = [...(f.params as Json[])];
    params[l] = change(params[l]!) as Json;
    return { ...f, params };
  };
  const bad: [string, (f: Json) => unknown, RegExp][] = [
    ['not JSON', () => '{', /not valid JSON/],
    ['another kind of file', () => ({ x: [1] }), /not a Backprop Playground model file/],
    [
      'a future version',
      (f) => ({ ...f, version: 3 }),
      /^version 3 is not supported \(this page reads version 1 or 2\)$/,
    ],
    [
      'a bad activation',
      (f) => ({ ...f, config: { ...(f.config as object), activation: 'gelu' } }),
      /config.activation/,
    ],
    [
      'hidden out of range (version 1)',
      () => {
        const f = v1();
        return { ...f, config: { ...(f.config as object), hidden: 0 } };
      },
      /^config.hidden is missing or not valid: it must be a whole number from 1 to 1024$/,
    ],
    [
      'a version 1 file without hidden (it gives no layer list)',
      () => {
        const f = v1();
        return { ...f, config: { ...(f.config as object), hidden: undefined, layers: [3] } };
      },
      /^config.hidden is missing or not valid/,
    ],
    [
      'w1 of the wrong shape (version 1)',
      () => {
        const f = v1();
        return { ...f, params: { ...(f.params as object), w1: [[1, 2]] } };
      },
      /^params.w1 \(the weights of hidden layer 1\) must be a \[1\]\[3\] list of numbers$/,
    ],
    [
      'a string weight (version 1)',
      () => {
        const f = v1();
        return { ...f, params: { ...(f.params as object), b2: [['0.1']] } };
      },
      /^params.b2 \(the biases of the output layer\) holds "0.1", not a number$/,
    ],
    [
      'a width out of range',
      (f) => ({ ...f, config: { ...(f.config as object), layers: [0] } }),
      /^config.layers is missing or not valid: it must be 1 to 4 hidden layer widths/,
    ],
    [
      'five hidden layers',
      (f) => ({ ...f, config: { ...(f.config as object), layers: [2, 2, 2, 2, 2] } }),
      /^config.layers is missing or not valid/,
    ],
    [
      'no layer list (a version 2 file gives config.layers)',
      (f) => ({ ...f, config: { ...(f.config as object), layers: undefined, hidden: 7 } }),
      /^config.layers is missing or not valid/,
    ],
    [
      'an initialisation the page does not have',
      (f) => ({ ...f, config: { ...(f.config as object), init: 'lecun' } }),
      /^config.init is missing or not valid: it must be one of tutorial, glorot, he$/,
    ],
    [
      'params in the version 1 form',
      (f) => ({ ...f, params: { w1: [[1]], b1: [[1]], w2: [[1]], b2: [[1]] } }),
      /^params must be a list of 2 layers, each \{"w": …, "b": …\}: one per hidden layer of config.layers, then the output layer$/,
    ],
    [
      'one layer too few for config.layers',
      () => {
        const f = deep();
        return { ...f, params: (f.params as Json[]).slice(0, 3) };
      },
      /^params must be a list of 4 layers, .* \(it has 3\)$/,
    ],
    [
      'a layer that is not an object',
      () => withLayer(deep(), 2, () => [1, 2]),
      /^params\[2\] \(hidden layer 3\) must be an object with "w" and "b"$/,
    ],
    [
      "a middle layer's weights of the wrong shape",
      () => withLayer(deep(), 1, (l) => ({ ...l, w: [[1, 2, 3, 4]] })),
      /^params\[1\].w \(the weights of hidden layer 2\) must be a \[5\]\[4\] list of numbers$/,
    ],
    [
      'a row of the wrong length',
      () =>
        withLayer(deep(), 2, (l) => ({ ...l, w: [...(l.w as number[][]).slice(0, 3), [1, 2]] })),
      /^params\[2\].w \(the weights of hidden layer 3\) must be a \[4\]\[3\] list of numbers$/,
    ],
    [
      'biases as a flat list',
      () => withLayer(deep(), 0, (l) => ({ ...l, b: [0, 0, 0, 0, 0] })),
      /^params\[0\].b \(the biases of hidden layer 1\) must be a \[1\]\[5\] list of numbers$/,
    ],
    [
      'the output layer missing its bias',
      () => withLayer(deep(), 3, (l) => ({ ...l, b: undefined })),
      /^params\[3\].b \(the biases of the output layer\) must be a \[1\]\[1\] list of numbers$/,
    ],
    [
      'a string weight',
      (f) => withLayer(f, 1, (l) => ({ ...l, b: [['0.1']] })),
      /^params\[1\].b \(the biases of the output layer\) holds "0.1", not a number$/,
    ],
    [
      'a long string weight, quoted with an ellipsis',
      (f) => withLayer(f, 1, (l) => ({ ...l, b: [['x'.repeat(100)]] })),
      /params\[1\].b .* holds "x{23}…, not a number/,
    ],
    [
      'a float32 overflow',
      (f) => withLayer(f, 1, (l) => ({ ...l, b: [[1e300]] })),
      /params\[1\].b .* holds a number beyond float32's range/,
    ],
    [
      'a weight just past float32',
      () => withLayer(deep(), 2, (l) => ({ ...l, w: [[3.5e38, 0, 0], ...(l.w as []).slice(1)] })),
      /^params\[2\].w \(the weights of hidden layer 3\) holds a number beyond float32's range/,
    ],
    [
      'a null weight',
      (f) => withLayer(f, 1, (l) => ({ ...l, b: [[null]] })),
      /params\[1\].b .* holds null, not a number/,
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
      'an optimizer the page does not have',
      (f) => ({ ...f, config: { ...(f.config as object), optimizer: 'lbfgs' } }),
      /config.optimizer is missing or not valid: it must be one of sgd, momentum, rmsprop, adam/,
    ],
    [
      'a batch of no points',
      (f) => ({ ...f, config: { ...(f.config as object), batchSize: 0 } }),
      /config.batchSize/,
    ],
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

  it("reads a file from before the training options with the tutorial's, and keeps those written", () => {
    const f = good();
    const settings = f.config as Record<string, unknown>;
    for (const key of ['batchSize', 'reduction', 'optimizer', 'momentum', 'l1', 'l2'])
      delete settings[key];
    const read = readModelFile(JSON.stringify(f));
    expect(read.ok && trainingOptionsOf(read.model.config)).toEqual(DEFAULT_TRAINING_OPTIONS);
    const options = {
      batchSize: 4,
      reduction: 'mean',
      optimizer: 'adam',
      momentum: 0.5,
      l1: 0,
      l2: 0.01,
    };
    const withOptions = readModelFile(
      JSON.stringify({ ...f, config: { ...settings, ...options } }),
    );
    expect(withOptions.ok && trainingOptionsOf(withOptions.model.config)).toEqual(options);
  });
});
