/** Pinning runs for comparison, and labelling them by what differs between them. */
import { formatLayers, sameSetting, type RunConfig } from '../../core/config';
import { liveStore, wholeSetHistory } from '../liveStore';
import { useAppStore } from '../store';
import { MAX_PINNED, useViewStore, type PinnedRun } from './viewStore';

/** One colour per pin slot, distinct from the live run's orange fit and purple loss. */
export const PIN_COLORS = ['#0d9488', '#db2777', '#65a30d', '#0284c7', '#b45309'] as const;

type LabelKey = 'dataset' | 'points' | 'noise' | 'seed' | 'init' | 'learningRate';

/** Settings a label may mention, beyond the always-shown hidden widths and activation. */
const LABEL_PARTS: [LabelKey, (c: RunConfig) => string][] = [
  ['dataset', (c) => (c.dataset === 'linear' ? 'y=x' : 'y=x²')],
  ['points', (c) => `N=${c.points}`],
  ['noise', (c) => `noise=${c.noise}`],
  ['seed', (c) => `seed=${c.seed}`],
  ['init', (c) => `init=${c.init}`],
  ['learningRate', (c) => `lr=${c.learningRate}`],
];

/**
 * Labels for pinned runs: the hidden layers' widths (`H=10`, `H=32,16,8`) and activation
 * always (that is the tutorial's comparison), plus every other setting that differs among
 * them, plus the step when two
 * runs would otherwise read the same. Pure.
 */
export function pinLabels(pins: readonly { config: RunConfig; step: number }[]): string[] {
  const differs = LABEL_PARTS.filter(([key]) =>
    pins.some((p) => !sameSetting(p.config[key], pins[0]!.config[key])),
  );
  const base = pins.map((p) =>
    [
      `H=${formatLayers(p.config.layers)} ${p.config.activation}`,
      ...differs.map(([, fmt]) => fmt(p.config)),
    ].join(' '),
  );
  return base.map((label, i) =>
    base.filter((b) => b === label).length > 1 ? `${label} @${pins[i]!.step}` : label,
  );
}

let nextPinId = 1;

/** Freezes the current run's loss curve and fit; does nothing before its first frame or when full. */
export function pinRun(): void {
  const live = liveStore.getState();
  const { frame } = live;
  // The curve the loss plot draws as `loss` (on all the training points, also under mini-batches).
  const history = wholeSetHistory(live);
  const { pinned } = useViewStore.getState();
  if (!frame || pinned.length >= MAX_PINNED) return;
  const steps = new Float64Array(history.capacity + 1);
  const losses = new Float32Array(history.capacity + 1);
  const n = history.snapshot(steps, losses);
  const used = new Set(pinned.map((p) => p.color));
  const pin: PinnedRun = {
    id: nextPinId++,
    config: useAppStore.getState().config,
    step: frame.step,
    steps: steps.slice(0, n),
    losses: losses.slice(0, n),
    curve: frame.curve.slice(),
    color: PIN_COLORS.find((c) => !used.has(c)) ?? PIN_COLORS[0],
  };
  useViewStore.setState({ pinned: [...pinned, pin] });
}

export function unpin(id: number): void {
  useViewStore.setState((s) => ({ pinned: s.pinned.filter((p) => p.id !== id) }));
}

export function clearPinned(): void {
  useViewStore.setState({ pinned: [] });
}
