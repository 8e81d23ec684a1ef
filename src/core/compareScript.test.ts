/**
 * The comparison's numpy script (one script, every run as a function, run in turn): run by
 * python3 with numpy, each run's section prints exactly what that run's single script
 * prints, and the losses the playground's core recorded (at the printed steps, and the
 * final and test losses); the closing table gives each run's final loss.
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { numpyForTests } from '../../scripts/numpy-python';
import { generatedSplit } from './buildModel';
import { compareConfigs, DEFAULT_COMPARE, type CompareSpec } from './compare';
import { compareScript, compareScriptOf, type CompareScriptRun } from './compareScript';
import { DEFAULT_CONFIG, modelConfigOf, type RunConfig } from './config';
import { numpyScript, PRINT_EVERY } from './numpyScript';
import { parsePrinted, Recorded } from './numpyScriptOptions.harness';
import { TrainingRun } from './run';
import { trainingOptionsOf } from './trainingOptions';

/**
 * Relative tolerance, float32 (the core) against float64 (numpy): the single scripts'
 * (numpyScriptOptions.test.ts). Each comparison here is stable at its rates.
 */
const LOSS_RTOL = 1e-5;

/** Skipped without numpy, except on CI, where they fail (see scripts/numpy-python.ts). */
const NUMPY = numpyForTests();

interface Trained {
  value: string;
  rec: Recorded;
  script: CompareScriptRun;
}

/** Trains each run of a comparison as `fit` builds a run, and keeps what its script needs. */
function trainComparison(base: RunConfig, spec: CompareSpec, steps: number): Trained[] {
  return compareConfigs(base, spec).map((config, k) => {
    const data = config.testShare > 0 ? generatedSplit(config) : undefined;
    const run = new TrainingRun(modelConfigOf(config), undefined, {}, data);
    run.setTrainingOptions(trainingOptionsOf(config));
    const rec = new Recorded(run);
    expect(rec.train(steps, config.learningRate)).toBe(steps);
    const value = spec.values[k]!;
    const scriptRun = {
      config: modelConfigOf(config),
      learningRate: config.learningRate,
      steps: run.step,
      history: run.history,
    };
    return { value, rec, script: { value, run: scriptRun } };
  });
}

/** Runs one script in python, warnings (an overflow) as errors; its standard output. */
function runPython(python: string, script: string): string {
  const out = spawnSync(python, ['-W', 'error', '-'], { input: script, encoding: 'utf8' });
  if (out.status !== 0 || out.stderr !== '')
    throw new Error(`python failed (${out.status}): ${out.stderr}`);
  return out.stdout;
}

/** The combined output cut at its `== title ==` lines: each section's title and text. */
function sections(stdout: string): { title: string; text: string }[] {
  const out: { title: string; text: string }[] = [];
  for (const line of stdout.split('\n')) {
    const title = line.match(/^== (.*) ==$/);
    if (title) out.push({ title: title[1]!, text: '' });
    else out.at(-1)!.text += `${line}\n`;
  }
  return out;
}

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

const CASES: { name: string; base: RunConfig; spec: CompareSpec; steps: number }[] = [
  {
    name: 'the default comparison: activation none, relu, tanh, sigmoid',
    base: DEFAULT_CONFIG,
    spec: DEFAULT_COMPARE,
    steps: 300,
  },
  {
    name: 'learning rates 0.0005, 0.001, 0.003',
    base: { ...DEFAULT_CONFIG, layers: [8, 8], activation: 'tanh' },
    spec: { vary: 'learningRate', values: ['0.0005', '0.001', '0.003'] },
    steps: 200,
  },
  {
    name: 'batches full, 8, 1 with Adam and a test share',
    base: { ...DEFAULT_CONFIG, optimizer: 'adam', learningRate: 0.003, testShare: 0.2 },
    spec: { vary: 'batch', values: ['full', '8', '1'] },
    steps: 150,
  },
];

describe('the comparison script text', () => {
  it('imports numpy once, holds each run in its function, and closes with a loop and a table', () => {
    const [c] = CASES;
    const runs = trainComparison(c!.base, c!.spec, 20);
    const script = compareScript(
      c!.spec.vary,
      runs.map((r) => r.script),
    );
    expect(script.match(/^import numpy as np$/gm)).toHaveLength(1);
    expect(script).not.toMatch(/matplotlib/);
    expect(script.split('\n').slice(0, 2)).toEqual([
      '# Backprop Playground: activation compared, none, relu, tanh, sigmoid',
      '# Every run trains on the same data: quadratic data, N=30, noise 0.2, seed 0.',
    ]);
    for (const value of c!.spec.values) expect(script).toContain(`\ndef run_${value}():\n`);
    expect(script).toContain(
      'runs = [("none", run_none), ("relu", run_relu), ("tanh", run_tanh), ("sigmoid", run_sigmoid)]',
    );
    // Each function's body is its run's single script, indented, without import and plot.
    const single = numpyScript(runs[1]!.script.run);
    const body = single.slice(single.indexOf('\n\n\ndef layer'), single.indexOf('\ntry:'));
    for (const line of body.split('\n').filter((l) => l.trim() !== ''))
      expect(script).toContain(`\n    ${line}\n`);
    expect(
      compareScriptOf(
        c!.spec.vary,
        runs.map((r) => r.script),
      ).exact,
    ).toBe(true);
  });

  it('names functions of numeric values and keeps names distinct', () => {
    const runs = trainComparison(
      DEFAULT_CONFIG,
      { vary: 'learningRate', values: ['0.001', '1e-7'] },
      0,
    );
    const script = compareScript(
      'learningRate',
      runs.map((r) => r.script),
    );
    expect(script).toContain('def run_0_001():');
    expect(script).toContain('def run_1e_7():');
    // Two values that read alike as identifiers still get a function each.
    const [a, b] = runs.map((r) => r.script.run);
    const alike = compareScript('activation', [
      { value: 'leaky-relu', run: a! },
      { value: 'leaky_relu', run: b! },
    ]);
    expect(alike).toContain('def run_leaky_relu():');
    expect(alike).toContain('def run_leaky_relu_2():');
    expect(alike).toContain(
      'runs = [("leaky-relu", run_leaky_relu), ("leaky_relu", run_leaky_relu_2)]',
    );
  });

  it("says each run's data when the runs do not share it", () => {
    const runs = [3, 4].map((seed) => ({
      value: String(seed),
      run: { config: { ...DEFAULT_CONFIG, seed }, learningRate: 0.01, steps: 0 },
    }));
    expect(compareScript('learningRate', runs).split('\n')[1]).toBe(
      "# The runs' data: 3: quadratic data, N=30, noise 0.2, seed 3; 4: quadratic data, N=30, noise 0.2, seed 4.",
    );
  });
});

describe.skipIf(NUMPY.skip)(
  `the comparison script, run by python (numpy ${NUMPY.version ?? 'missing'})`,
  () => {
    const built = CASES.map((c) => {
      const runs = trainComparison(c.base, c.spec, c.steps);
      return {
        ...c,
        runs,
        script: compareScript(
          c.spec.vary,
          runs.map((r) => r.script),
        ),
      };
    });
    let combined: string[] = [];
    let singles: string[][] = [];
    beforeAll(() => {
      const python = NUMPY.python();
      combined = built.map((b) => runPython(python, b.script));
      singles = built.map((b) => b.runs.map((r) => runPython(python, numpyScript(r.script.run))));
    });

    it.each(built.map((b, k) => ({ ...b, k })))('$name', ({ spec, runs, k }) => {
      const parts = sections(combined[k]!);
      expect(parts.map((p) => p.title)).toEqual([
        ...spec.values.map((v) => `${spec.vary} = ${v}`),
        'final losses',
      ]);
      const table = parts.at(-1)!.text.trim().split('\n').slice(1);
      runs.forEach(({ value, rec }, j) => {
        // Run by run, what the single script prints.
        expect(parts[j]!.text, value).toBe(singles[k]![j]);
        const out = parsePrinted(parts[j]!.text);
        const printedSteps = [];
        for (let i = 0; i < rec.run.step; i += PRINT_EVERY) printedSteps.push(i);
        expect(out.losses).toHaveLength(printedSteps.length);
        printedSteps.forEach((step, i) =>
          expect(
            relErr(out.losses[i]!, rec.losses.get(step)!),
            `${value} at step ${step}`,
          ).toBeLessThan(LOSS_RTOL),
        );
        expect(relErr(out.final, rec.run.currentLoss()), `${value} final`).toBeLessThan(LOSS_RTOL);
        const testLoss = rec.run.testLoss();
        if (testLoss === null) expect(out.test).toBeNull();
        else expect(relErr(out.test!, testLoss), `${value} test`).toBeLessThan(LOSS_RTOL);
        // The table: value, steps, the final loss to 6 digits (and the test loss).
        const row = table[j]!.trim().split(/\s+/);
        expect(row.slice(0, 2)).toEqual([value, String(rec.run.step)]);
        expect(Number(row[2])).toBe(Number(out.final.toPrecision(6)));
        if (testLoss !== null) expect(Number(row[3])).toBe(Number(out.test!.toPrecision(6)));
      });
    });
  },
);
