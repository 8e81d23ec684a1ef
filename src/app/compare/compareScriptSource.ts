/**
 * "Copy as numpy script" for a comparison: each run's record (the points its worker was
 * sent, its rates and options step by step) as the single view's script takes it, all
 * runs in one script (core/compareScript), and where the script stops being the runs on
 * screen: the earliest step any run's own script would say.
 */
import { compareScriptOf } from '../../core/compareScript';
import { configFor } from '../../core/compare';
import { numpyScriptOf, type ScriptRun } from '../../core/numpyScript';
import type { RunRecord } from '../../core/runHistory';
import { differenceOf } from '../controls/CopyScriptButton';
import type { Difference } from '../controls/ScriptCopyButton';
import { compareWorkers } from './compareActions';
import { useCompareStore } from './compareStore';

/** Run `index` as a script takes it, trained as far as it has gone; null before it has a worker. */
function scriptRunAt(index: number): ScriptRun | null {
  const { base, spec, runs } = useCompareStore.getState();
  const worker = compareWorkers()[index];
  const value = spec.values[index];
  if (!base || !worker || value === undefined) return null;
  const { learningRate, speed: _speed, ...model } = configFor(base, spec.vary, value);
  const frame = worker.lastFrame;
  const kept = frame ? worker.recorder.runRecordOf(frame) : null;
  // Before its first frame, the points it was started with, from step 0.
  const history: RunRecord = kept ?? {
    rates: [],
    options: [],
    data: [{ step: 0, data: worker.data ?? null }],
    loaded: null,
    droppedFrom: null,
    dropped: 0,
  };
  return {
    config: model,
    learningRate,
    steps: frame?.step ?? 0,
    history,
    divergedAt: runs[index]?.divergedAt ?? null,
    title: `${spec.vary} ${value}`,
  };
}

/** The comparison's script, and the earliest step from which it is not the runs on screen. */
export function compareScriptNow(): { script: string; difference: Difference | null } {
  const { spec } = useCompareStore.getState();
  const runs = spec.values.flatMap((value, i) => {
    const run = scriptRunAt(i);
    return run ? [{ value, run }] : [];
  });
  let difference: Difference | null = null;
  for (const { run } of runs) {
    const own = differenceOf(run, numpyScriptOf(run).exact);
    if (own && (difference === null || own.step < difference.step)) difference = own;
  }
  return { script: compareScriptOf(spec.vary, runs).script, difference };
}
