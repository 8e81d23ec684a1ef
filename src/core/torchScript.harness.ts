/**
 * Runs playground runs and their PyTorch scripts for torchScript.test: a case is a config
 * and a list of actions (train, change options, change points, load weights); all the
 * scripts run in ONE python process (importing torch is slow), each with its own globals.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelConfig } from './config';
import { PRINT_EVERY } from './numpyScript';
import type { LabeledData } from './protocol';
import { TrainingRun } from './run';
import { torchScript } from './torchScript';
import { DEFAULT_TRAINING_OPTIONS, type TrainingOptions } from './trainingOptions';

export type Action =
  | { train: number; lr: number }
  | { options: Partial<TrainingOptions> }
  | { data: LabeledData }
  | { load: 'current' };

export interface TorchCase {
  name: string;
  config: ModelConfig;
  actions: Action[];
}

/** Plays a case on a TrainingRun: its losses by step, its script, its losses as the script prints them. */
export function playCase(c: TorchCase): { script: string; expected: number[]; start: number } {
  const run = new TrainingRun(c.config, undefined, { engine: 'ts' });
  const losses = new Map<number, number>();
  let options: TrainingOptions = { ...DEFAULT_TRAINING_OPTIONS };
  let lastLr = 0.01;
  for (const a of c.actions) {
    if ('train' in a) {
      const out = new Float32Array(a.train);
      const from = run.step;
      const done = run.train(a.train, a.lr, out, 0);
      for (let k = 0; k < done; k++) losses.set(from + k, out[k]!);
      lastLr = a.lr;
    } else if ('options' in a) {
      options = { ...options, ...a.options };
      run.setTrainingOptions(options);
    } else if ('data' in a) run.setData(a.data);
    else {
      const params = new Float32Array(run.paramLength());
      run.snapshotParams(params);
      run.load(params, run.step);
    }
  }
  const start = run.history.loaded?.step ?? 0;
  const expected: number[] = [];
  for (let i = start; i < run.step; i++) if (i % PRINT_EVERY === 0) expected.push(losses.get(i)!);
  expected.push(run.currentLoss());
  const testLoss = run.testLoss();
  if (testLoss !== null) expected.push(testLoss);
  const script = torchScript({
    config: c.config,
    learningRate: lastLr,
    steps: run.step,
    history: run.history,
    title: c.name,
  });
  return { script, expected, start };
}

/** The python that runs each script file given on its command line and prints their outputs as JSON. */
const DRIVER = `
import contextlib, io, json, runpy, sys
outs = []
for path in sys.argv[1:]:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        runpy.run_path(path, run_name="__main__")
    outs.append(buf.getvalue())
print(json.dumps(outs))
`;

/** The printed losses of one script's output: every PRINT_EVERY steps, the final one, the test loss if any. */
export function parsePrinted(output: string): number[] {
  const lines = output.trim().split('\n');
  const test = lines.at(-1)!.match(/^test loss after \d+ steps: (\S+)$/);
  if (test) lines.pop();
  const final = lines.pop()!.match(/^loss after \d+ steps: (\S+)$/);
  if (!final) throw new Error(`no final loss in: ${output.slice(-200)}`);
  return [...lines.map(Number), Number(final[1]), ...(test ? [Number(test[1])] : [])];
}

/** Runs the scripts in one python process; each one's printed losses. */
export function runScripts(python: string, scripts: string[]): number[][] {
  const dir = mkdtempSync(join(tmpdir(), 'torch-script-'));
  try {
    const files = scripts.map((s, k) => {
      const file = join(dir, `case${k}.py`);
      writeFileSync(file, s);
      return file;
    });
    const driver = join(dir, 'driver.py');
    writeFileSync(driver, DRIVER);
    const run = spawnSync(python, [driver, ...files], {
      encoding: 'utf8',
      timeout: 300_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`python failed: ${run.error?.message ?? run.stderr}`);
    return (JSON.parse(run.stdout) as string[]).map(parsePrinted);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** |a - b| / |b|, the worst over two lists of the same length. */
export function worstRelative(ours: readonly number[], theirs: readonly number[]): number {
  if (ours.length !== theirs.length) return Infinity;
  return Math.max(...ours.map((v, k) => Math.abs(v - theirs[k]!) / Math.abs(theirs[k]!)));
}
