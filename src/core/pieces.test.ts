import { describe, expect, it } from 'vitest';
import { LEAKY_SLOPE, type ActivationName } from './activations';
import { createHiddenNetwork, type DenseLayer, type Network } from './network';
import { linearPieces } from './pieces';
import { NumpyRandom } from './rng';

/** A network from plain per-layer arrays: w as [in][out] rows, the last layer linear. */
function net(act: ActivationName, layers: { w: number[][]; b: number[] }[]): Network {
  return {
    layers: layers.map((l, i): DenseLayer => ({
      inDim: l.w.length,
      outDim: l.b.length,
      activation: i + 1 === layers.length ? 'none' : act,
      w: Float32Array.from(l.w.flat()),
      b: Float32Array.from(l.b),
    })),
  };
}

/** A seeded net with random biases, so hinges spread over the range (the inits' zero biases would stack them at 0). */
function randomNet(rng: NumpyRandom, act: ActivationName, widths: number[]): Network {
  const sizes = [1, ...widths, 1];
  const layers: DenseLayer[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inDim = sizes[l]!;
    const outDim = sizes[l + 1]!;
    const w = Float32Array.from({ length: inDim * outDim }, () =>
      rng.normal(0, 1.5 / Math.sqrt(inDim)),
    );
    const b = Float32Array.from({ length: outDim }, () => rng.normal(0, 0.7));
    layers.push({ inDim, outDim, activation: l + 2 === sizes.length ? 'none' : act, w, b });
  }
  return { layers };
}

/** The float64 reference forward pass, written out here. */
function evaluate(n: Network, x: number): number {
  let a = [x];
  for (const layer of n.layers) {
    const z: number[] = [];
    for (let j = 0; j < layer.outDim; j++) {
      let s = layer.b[j]!;
      for (let i = 0; i < layer.inDim; i++) s += a[i]! * layer.w[i * layer.outDim + j]!;
      z.push(s);
    }
    a = z.map((v) =>
      layer.activation === 'relu'
        ? Math.max(0, v)
        : layer.activation === 'leaky-relu' && v < 0
          ? LEAKY_SLOPE * v
          : v,
    );
  }
  return a[0]!;
}

/** Where a located kink must agree with the exact one, as a fraction of the range. */
const X_TOL = 1e-8;
/** Samples of the reference over the range. */
const SAMPLES = 20000;

/**
 * The reference: sample the output densely, flag grid points whose second difference is
 * beyond rounding (relative to the largest step), group neighbouring flags into one kink
 * region, and locate each kink by intersecting the straight lines sampled on either side.
 */
function sampledKinks(
  n: Network,
  lo: number,
  hi: number,
): { at: number; from: number; to: number }[] {
  const h = (hi - lo) / SAMPLES;
  // Three extra samples either side, so a kink near an end still has lines on both sides.
  const xs = Array.from({ length: SAMPLES + 7 }, (_, i) => lo + (i - 3) * h);
  const os = xs.map((x) => evaluate(n, x));
  // Rounding in a second difference stays within a few dozen ulps of the values.
  const tau = 256 * Number.EPSILON * Math.max(...os.map(Math.abs));
  const flagged = os.map(
    (o, i) => i > 0 && i + 1 < os.length && Math.abs(os[i + 1]! - 2 * o + os[i - 1]!) > tau,
  );
  const kinks: { at: number; from: number; to: number }[] = [];
  for (let i = 2; i + 2 < xs.length; i++) {
    if (!flagged[i] || flagged[i - 1]) continue;
    let j = i;
    while (flagged[j + 1]) j++;
    // Linear on [x_{i-2}, x_{i-1}] and on [x_{j+1}, x_{j+2}].
    const sl = (os[i - 1]! - os[i - 2]!) / h;
    const sr = (os[j + 2]! - os[j + 1]!) / h;
    const at = (os[j + 1]! - sr * xs[j + 1]! - (os[i - 1]! - sl * xs[i - 1]!)) / (sl - sr);
    kinks.push({ at, from: xs[i - 1]!, to: xs[j + 1]! });
    i = j;
  }
  return kinks.filter((k) => k.at > lo && k.at < hi);
}

describe('linear pieces, hand-built', () => {
  it('depth 1: each unit hinges at -b/w, but not one whose output weight is 0', () => {
    // Hinges at 0.5, -1, 2 (w_out = 0: no kink in the output) and 5 (outside the range).
    const n = net('relu', [
      { w: [[2, 1, 1, 1]], b: [-1, 1, -2, -5] },
      { w: [[1], [-3], [0], [2]], b: [0.3] },
    ]);
    const r = linearPieces(n, -3, 3);
    expect(Array.from(r.breakpoints)).toEqual([-1, 0.5]);
    expect(r.pieces).toBe(3);
  });

  it('depth 2: a layer-2 unit kinks where its own input crosses 0, not at a hinge it ignores', () => {
    // u1 = relu(x), u2 = relu(x - 1); v = relu(u1 - 2 u2 - 0.5) is x - 0.5 on (0.5, 1)
    // and 1.5 - x on (1, 1.5), else 0: kinks at 0.5, 1, 1.5; u1's hinge at 0 falls where v is 0.
    const n = net('relu', [
      { w: [[1, 1]], b: [0, -1] },
      { w: [[1], [-2]], b: [-0.5] },
      { w: [[1]], b: [0] },
    ]);
    const r = linearPieces(n, -1, 3);
    expect(Array.from(r.breakpoints)).toEqual([0.5, 1, 1.5]);
    expect(r.pieces).toBe(4);
  });

  it('depth 2 with leaky ReLU: every hinge leaks through, each at its own place', () => {
    const n = net('leaky-relu', [
      { w: [[1, 1]], b: [0, -1] },
      { w: [[1], [-2]], b: [-0.5] },
      { w: [[1]], b: [0] },
    ]);
    // Now u1's hinge at 0 shows (slope 0.01 * 0.01 to 0.01), and v's zeros move: on (0, 1)
    // z = x - 0.5 - 2 * 0.01 (x - 1)... solved below as the points where z = 0.
    const left = (0.5 - 0.02) / 0.98; // x - 0.5 - 0.02 (x - 1) = 0
    const right = 1.5; // on (1, 3): z = x - 2 (x - 1) - 0.5 = 1.5 - x
    const r = linearPieces(n, -1, 3);
    const expected = [0, left, 1, right];
    expect(r.breakpoints.length).toBe(expected.length);
    expected.forEach((x, i) => expect(r.breakpoints[i]).toBeCloseTo(x, 12));
  });

  it('no activation: one piece; a smooth activation is refused', () => {
    const lin = net('none', [
      { w: [[2, -1]], b: [1, 0.5] },
      { w: [[1], [1]], b: [0] },
    ]);
    expect(linearPieces(lin, -3, 3)).toEqual({ breakpoints: new Float64Array(0), pieces: 1 });
    expect(() =>
      linearPieces(
        net('tanh', [
          { w: [[1]], b: [0] },
          { w: [[1]], b: [0] },
        ]),
        -1,
        1,
      ),
    ).toThrow(RangeError);
    expect(() => linearPieces(lin, 1, -1)).toThrow(RangeError);
  });

  it('a diverged network (NaN weights) gives an answer, not a hang or a throw', () => {
    const n = createHiddenNetwork([8, 8], 'relu', new NumpyRandom(2), 'tutorial');
    n.layers[1]!.w[3] = NaN;
    const r = linearPieces(n, -2, 2);
    expect(r.pieces).toBe(r.breakpoints.length + 1);
  });

  it('zero biases stack every hinge at x = 0: one kink there (He and Glorot at the start)', () => {
    const n = createHiddenNetwork([16, 16, 16], 'relu', new NumpyRandom(3), 'he');
    expect(Array.from(linearPieces(n, -2, 2).breakpoints)).toEqual([0]);
  });
});

describe('linear pieces against a sampled float64 reference', () => {
  it('depth 1 relu: exactly the hinges -b/w inside the range whose output weight is not 0', () => {
    const rng = new NumpyRandom(11);
    for (let trial = 0; trial < 20; trial++) {
      const H = 1 + (trial % 7) * 5;
      const n = randomNet(rng, 'relu', [H]);
      const [l1, l2] = n.layers as [DenseLayer, DenseLayer];
      for (let j = 0; j < H; j += 3) l2.w[j] = 0;
      const hinges: number[] = [];
      for (let j = 0; j < H; j++) {
        const x = -l1.b[j]! / l1.w[j]!;
        if (l2.w[j] !== 0 && x > -2 && x < 2) hinges.push(x);
      }
      hinges.sort((a, b) => a - b);
      expect(Array.from(linearPieces(n, -2, 2).breakpoints)).toEqual(hinges);
    }
  });

  for (const act of ['relu', 'leaky-relu', 'none'] as const) {
    it(`${act}, depths 1 to 4: every kink found by sampling is an exact breakpoint and back`, () => {
      const rng = new NumpyRandom(act.length * 97);
      let located = 0;
      let worst = 0;
      let total = 0;
      for (let trial = 0; trial < 16; trial++) {
        const depth = 1 + (trial % 4);
        const widths = Array.from({ length: depth }, (_, l) => 2 + ((trial * 3 + l * 5) % 7));
        const n = randomNet(rng, act, widths);
        const [lo, hi] = [-2.5, 2];
        const exact = Array.from(linearPieces(n, lo, hi).breakpoints);
        const sampled = sampledKinks(n, lo, hi);
        // Every exact breakpoint lies in a sampled kink region (widened by a grid step).
        const h = (hi - lo) / SAMPLES;
        total += exact.length;
        for (const x of exact)
          expect(sampled.some((k) => x >= k.from - h && x <= k.to + h)).toBe(true);
        for (const k of sampled) {
          const inside = exact.filter((x) => x >= k.from - h && x <= k.to + h);
          expect(inside.length).toBeGreaterThan(0);
          // One kink in the region: its place is the intersection of the two sampled lines.
          if (inside.length === 1) {
            expect(Math.abs(inside[0]! - k.at)).toBeLessThan(X_TOL * (hi - lo));
            worst = Math.max(worst, Math.abs(inside[0]! - k.at));
            located++;
          }
        }
        if (act === 'none') expect(exact).toEqual([]);
      }
      if (process.env.PIECES_REPORT) console.log(act, { located, total, worst });
      if (act !== 'none') expect(located).toBeGreaterThan(40);
    });
  }
});
