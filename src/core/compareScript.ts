/**
 * "Copy as numpy script" for a comparison (issue #22): one teaching script that trains all
 * the runs in turn. A header says what is compared and on which data; numpy is imported
 * once; each run's own script (numpyScript's body, exactly: its definitions, data,
 * training loop and prints) becomes a function `run_<value>()` that returns its final
 * losses; a loop at the end calls each in turn and prints a table of them. Each function
 * seeds numpy itself, so each prints what its single script prints. Pure: returns a string.
 */
import type { VaryKey } from './compare';
import { numpyScriptParts, type ScriptRun } from './numpyScript';

/** One run of a comparison: its value of the varied setting (also its name) and the run. */
export interface CompareScriptRun {
  value: string;
  run: ScriptRun;
}

/**
 * A script's lines indented one level, to sit in a function: split at embedded newlines,
 * each non-empty line indented (inside brackets too, where Python ignores it), and runs of
 * blank lines made one (the script has no multi-line strings, so no text changes).
 */
function indent(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines.flatMap((l) => l.split('\n'))) {
    if (line.trim() !== '') out.push(`    ${line}`);
    else if (out.length > 0 && out.at(-1) !== '') out.push('');
  }
  return out;
}

/** A Python identifier for a value: `relu` -> run_relu, `0.001` -> run_0_001, `leaky-relu` -> run_leaky_relu. */
function functionNames(values: readonly string[]): string[] {
  const taken = new Set<string>();
  return values.map((value) => {
    const base = `run_${value.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let name = base;
    for (let k = 2; taken.has(name); k++) name = `${base}_${k}`;
    taken.add(name);
    return name;
  });
}

/** Python's repr of a value's text, for the table (values are plain ASCII, but quote anyway). */
const pyString = (text: string) => JSON.stringify(text);

/** The combined script, and whether every run in it replays its run exactly. */
export function compareScriptOf(
  vary: VaryKey,
  runs: readonly CompareScriptRun[],
): { script: string; exact: boolean } {
  const built = runs.map(({ value, run }) => ({ value, ...numpyScriptParts(run) }));
  const names = functionNames(runs.map((r) => r.value));
  const anyTest = built.some((b) => b.parts.testLoss !== null);
  const data = [...new Set(built.map((b) => b.parts.data))];
  const header = [
    `# Backprop Playground: ${vary} compared, ${runs.map((r) => r.value).join(', ')}`,
    data.length === 1
      ? `# Every run trains on the same data: ${data[0]}.`
      : `# The runs' data: ${built.map((b) => `${b.value}: ${b.parts.data}`).join('; ')}.`,
    "# Each run is the playground's own numpy script for it (the tutorial's code), held in a",
    '# function: it seeds numpy itself, so every run draws the same data, and its weights, in',
    "# the same order as the playground, and prints the playground's losses (float32 there,",
    '# float64 here: they agree to about six significant digits). The runs train in turn;',
    '# a table of their final losses closes.',
    'import numpy as np',
  ];
  const functions = built.flatMap(({ parts }, k) => [
    '',
    '',
    `def ${names[k]}():`,
    ...indent([
      parts.settings,
      ...parts.notes,
      ...parts.body,
      `return {"steps": steps, "loss": ${parts.loss ?? 'None'}, "test": ${parts.testLoss ?? 'None'}}`,
    ]),
  ]);
  const fmt = (field: string) => `("%.6g" % r["${field}"]) if r["${field}"] is not None else "-"`;
  const table = [
    '',
    '',
    `runs = [${built.map((b, k) => `(${pyString(b.value)}, ${names[k]})`).join(', ')}]`,
    'results = []',
    'for value, run in runs:',
    `    print("== ${vary} =", value, "==")`,
    '    results.append((value, run()))',
    '',
    'print("== final losses ==")',
    `print("%-12s %8s %14s${anyTest ? ' %14s' : ''}" % ("${vary}", "steps", "loss"${anyTest ? ', "test loss"' : ''}))`,
    'for value, r in results:',
    `    print("%-12s %8d %14s${anyTest ? ' %14s' : ''}" % (value, r["steps"], ${fmt('loss')}${anyTest ? `, ${fmt('test')}` : ''}))`,
    '',
  ];
  return {
    script: [...header, ...functions, ...table].join('\n'),
    exact: built.every((b) => b.exact),
  };
}

export function compareScript(vary: VaryKey, runs: readonly CompareScriptRun[]): string {
  return compareScriptOf(vary, runs).script;
}
