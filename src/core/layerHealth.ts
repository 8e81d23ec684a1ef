/**
 * Health of every hidden layer's units over the training points, in core/unitHealth.ts's
 * sense for the activation (dead, saturated, flat on the negative side, leaky, turning).
 * The first layer's z = w x + b is linear in x, so its range over the data comes from the
 * smallest and largest x, as unitHealth computes it (at depth 1 the answers are the same);
 * deeper layers' z are not monotone in x, so they take a forward pass over the points.
 */
import type { ActivationName } from './activations';
import { createWorkspace, forward, type Network, type Workspace } from './network';
import { countedBetween, HEALTH_KINDS, type UnitHealth } from './unitHealth';

/**
 * Fills zMin[l] and zMax[l] (l >= 1) with each unit's pre-activation range over the
 * training points: a faster forward than the TS one (the dense kernels, TrainingRun.hiddenZRanges).
 */
export type ZRanges = (zMin: readonly Float64Array[], zMax: readonly Float64Array[]) => void;

/**
 * One UnitHealth per hidden layer, from the input side. O(N x parameters) beyond the first
 * layer, which `zRanges` (when given) computes instead of the TS forward. `ws` (a workspace of batch >= xs.length for this network) avoids allocating one per call.
 */
export function layerHealth(
  net: Network,
  xs: Float32Array,
  ws?: Workspace,
  zRanges?: ZRanges,
): UnitHealth[] {
  const hidden = net.layers.length - 1;
  const act: ActivationName = net.layers[0]!.activation;
  const kind = HEALTH_KINDS[act];
  const N = xs.length;
  const result: UnitHealth[] = [];
  for (let l = 0; l < hidden; l++)
    result.push({ kind, count: 0, stuck: new Uint8Array(net.layers[l]!.outDim) });
  if (N === 0 || kind === 'line') return result;

  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < N; i++) {
    lo = Math.min(lo, xs[i]!);
    hi = Math.max(hi, xs[i]!);
  }
  const first = net.layers[0]!;
  for (let j = 0; j < first.outDim; j++) {
    const zLo = first.w[j]! * lo + first.b[j]!;
    const zHi = first.w[j]! * hi + first.b[j]!;
    mark(result[0]!, j, countedBetween(kind, Math.min(zLo, zHi), Math.max(zLo, zHi)));
  }
  if (hidden === 1) return result;

  const zMin = result.map((h) => new Float64Array(h.stuck.length).fill(Infinity));
  const zMax = result.map((h) => new Float64Array(h.stuck.length).fill(-Infinity));
  if (zRanges) zRanges(zMin, zMax);
  else {
    const work = ws && ws.batch >= N ? ws : createWorkspace(net, N);
    forward(net, work, xs, N);
    for (let l = 1; l < hidden; l++) {
      const n = net.layers[l]!.outDim;
      const z = work.z[l]!;
      const lo = zMin[l]!;
      const hi = zMax[l]!;
      for (let p = 0; p < N; p++) {
        const row = p * n;
        for (let j = 0; j < n; j++) {
          // Math.min and max keep a NaN (a diverged run), which no count takes, as at depth 1.
          lo[j] = Math.min(lo[j]!, z[row + j]!);
          hi[j] = Math.max(hi[j]!, z[row + j]!);
        }
      }
    }
  }
  for (let l = 1; l < hidden; l++) {
    const n = net.layers[l]!.outDim;
    for (let j = 0; j < n; j++)
      mark(result[l]!, j, countedBetween(kind, zMin[l]![j]!, zMax[l]![j]!));
  }
  return result;
}

function mark(health: UnitHealth, j: number, counted: boolean): void {
  if (!counted) return;
  health.count++;
  // A sine unit that turns is healthy: it is counted, never greyed.
  if (health.kind !== 'turning') health.stuck[j] = 1;
}
