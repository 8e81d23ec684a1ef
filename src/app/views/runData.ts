/** The current run's data and curve grid, built once and shared by every view that needs them. */
import type { ModelConfig } from '../../core/config';
import type { Dataset } from '../../core/dataset';
import { curveGrid } from '../../core/grid';
import { buildDataset } from '../../core/run';

/** The grid the worker samples the fitted curve on. */
export const GRID: Float32Array = curveGrid();

let lastKey = '';
let lastData: Dataset | null = null;

/** The run's data (same seed, same points as the worker's), one object per distinct setting. */
export function datasetFor(config: Pick<ModelConfig, 'dataset' | 'expression' | 'points' | 'noise' | 'seed'>): Dataset {
  const key = `${config.dataset}|${config.expression ?? ''}|${config.points}|${config.noise}|${config.seed}`;
  if (key !== lastKey || !lastData) {
    lastData = buildDataset({ ...config, hidden: 1, activation: 'none' });
    lastKey = key;
  }
  return lastData;
}
