/**
 * For the numpy script's option tests: several scripts run in ONE python process (each
 * exec'd with its own globals and its printed lines captured), so a dozen runs cost one
 * interpreter start; and a run whose losses are kept by step, as the page keeps them.
 */
import { spawnSync } from 'node:child_process';
import type { TrainingRun } from './run';
import type { TrainingOptions } from './trainingOptions';

/** What one script printed: the losses of the printed steps, the final loss, the test loss. */
export interface Printed {
  losses: number[];
  final: number;
  test: number | null;
}

const DRIVER = `
import contextlib, io, json, sys, warnings
warnings.simplefilter("error")  # an overflow or invalid value is a failure, not a line on stderr
outputs = []
for script in json.load(sys.stdin):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(script, "<script>", "exec"), {"__name__": "__main__"})
    outputs.append(out.getvalue())
print(json.dumps(outputs))
`;

/** Runs the scripts in one python; throws with python's stderr when it fails. */
export function runScripts(python: string, scripts: readonly string[]): Printed[] {
  const out = spawnSync(python, ['-c', DRIVER], {
    input: JSON.stringify(scripts),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (out.status !== 0 || out.stderr !== '')
    throw new Error(`python failed (${out.status}): ${out.stderr}`);
  return (JSON.parse(out.stdout) as string[]).map(parsePrinted);
}

/** What one script printed, read from its output. */
export function parsePrinted(text: string): Printed {
  const lines = text.trim().split('\n');
  const test = lines.at(-1)!.match(/^test loss after \d+ steps: (\S+)$/);
  if (test) lines.pop();
  const final = lines.pop()!.match(/^loss after \d+ steps: (\S+)$/);
  if (!final) throw new Error(`no final loss line in:\n${text}`);
  return {
    losses: lines.map(Number),
    final: Number(final[1]),
    test: test ? Number(test[1]) : null,
  };
}

/** A run trained phase by phase, each step's recorded loss kept by step. */
export class Recorded {
  readonly losses = new Map<number, number>();
  constructor(readonly run: TrainingRun) {}

  /** Sets the options (when given), then trains `steps` steps at the rate; returns the steps taken. */
  train(steps: number, learningRate: number, options?: TrainingOptions): number {
    if (options) this.run.setTrainingOptions(options);
    const out = new Float32Array(steps);
    const from = this.run.step;
    const done = this.run.train(steps, learningRate, out, 0);
    for (let k = 0; k < done; k++) this.losses.set(from + k, out[k]!);
    return done;
  }
}
