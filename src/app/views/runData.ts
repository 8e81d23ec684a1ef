/**
 * The current run's data and curve grid, built once and shared by every view that needs
 * them. The data in force is the learner's own (customData) or, when there is none, the
 * data the settings generate, with its seeded test split.
 */
import { useMemo } from 'react';
import type { RunConfig } from '../../core/config';
import type { Dataset } from '../../core/dataset';
import { curveGrid } from '../../core/grid';
import type { LabeledData } from '../../core/protocol';
import { generatedSplit } from '../../core/buildModel';
import { splitData } from '../../core/split';
import { useAppStore } from '../store';

/** The grid the worker samples the fitted curve on. */
export const GRID: Float32Array = curveGrid();

type DataSettings = Pick<
  RunConfig,
  'dataset' | 'expression' | 'points' | 'noise' | 'seed' | 'testShare'
>;

let lastKey = '';
let lastData: LabeledData | null = null;

/** The generated data (same seed, same points as the worker's) and its split, one object per distinct setting. */
export function generatedFor(config: DataSettings): LabeledData {
  const key = `${config.dataset}|${config.expression ?? ''}|${config.points}|${config.noise}|${config.seed}|${config.testShare}`;
  if (key !== lastKey || !lastData) {
    lastData = generatedSplit(config);
    lastKey = key;
  }
  return lastData;
}

/** The data in force for these settings. */
export function runDataFor(config: DataSettings, custom: LabeledData | null): LabeledData {
  return custom ?? generatedFor(config);
}

export interface RunData {
  /** Every point, with its test flag (what the fit plot draws and the editor edits). */
  all: LabeledData;
  /** The points trained on: what the loss, the inspector, residuals and baselines are about. */
  train: Dataset;
  /** The held-out points. */
  test: Dataset;
}

const splits = new WeakMap<LabeledData, RunData>();

/** Training and held-out parts of the data, one object per data object. */
export function splitRunData(all: LabeledData): RunData {
  let out = splits.get(all);
  if (!out) {
    out = { all, ...splitData(all, all.test) };
    splits.set(all, out);
  }
  return out;
}

/** The data in force, as React state: changes when the settings or the learner's points do. */
export function useRunData(): RunData {
  const dataset = useAppStore((s) => s.config.dataset);
  const expression = useAppStore((s) => s.config.expression);
  const points = useAppStore((s) => s.config.points);
  const noise = useAppStore((s) => s.config.noise);
  const seed = useAppStore((s) => s.config.seed);
  const testShare = useAppStore((s) => s.config.testShare);
  const custom = useAppStore((s) => s.customData);
  return useMemo(
    () => splitRunData(runDataFor({ dataset, expression, points, noise, seed, testShare }, custom)),
    [dataset, expression, points, noise, seed, testShare, custom],
  );
}
