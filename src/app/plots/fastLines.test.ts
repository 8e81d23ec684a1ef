import { describe, expect, it } from 'vitest';
import type { Data } from './plotStyle';
import { patchLines } from './fastLines';
import { linePath, SIMPLIFY_PX, type Scale } from './linePath';
import { firstPiece } from './traceShape';

const identity: Scale = { offset: 0, slope: 1, log: false };

/** The path's points, one array per M-started piece. */
function pieces(d: string): number[][][] {
  return d
    .split('M')
    .filter(Boolean)
    .map((piece) => piece.split('L').map((p) => p.split(',').map(Number)));
}

/** Distance from point p to segment a-b. */
function toSegment(p: number[], a: number[], b: number[]): number {
  const [dx, dy] = [b[0]! - a[0]!, b[1]! - a[1]!];
  const t = Math.max(
    0,
    Math.min(1, ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / (dx * dx + dy * dy || 1)),
  );
  return Math.hypot(p[0]! - (a[0]! + t * dx), p[1]! - (a[1]! + t * dy));
}

describe('patched line paths', () => {
  it('a straight line of many samples becomes its two ends', () => {
    const x = Float32Array.from({ length: 241 }, (_, i) => i * 3);
    const y = x.map((v) => 100 + 0.5 * v);
    expect(linePath(x, y, identity, identity, false)).toBe('M0,100L720,460');
  });

  it('a curve keeps its shape: every sample within 2 x SIMPLIFY_PX of the drawn path, ends kept', () => {
    const x = Float64Array.from({ length: 241 }, (_, i) => i * 3);
    const y = x.map((v) => 200 + 150 * Math.tanh((v - 360) / 60));
    const [piece] = pieces(linePath(x, y, identity, identity, false));
    expect(piece!.length).toBeLessThan(241);
    expect(piece![0]).toEqual([0, Math.round(y[0]! * 10) / 10]);
    expect(piece![piece!.length - 1]).toEqual([720, Math.round(y[240]! * 10) / 10]);
    for (let i = 0; i < x.length; i++) {
      let best = Infinity;
      for (let k = 1; k < piece!.length; k++)
        best = Math.min(best, toSegment([x[i]!, y[i]!], piece![k - 1]!, piece![k]!));
      // Rounding to 0.1 px adds up to 0.05 px in each coordinate.
      expect(best).toBeLessThanOrEqual(2 * SIMPLIFY_PX + 0.08);
    }
  });

  it('a sharp hinge and a turn back are kept', () => {
    expect(linePath([0, 1, 2, 3, 4], [0, 0, 0, 5, 10], identity, identity, false)).toBe(
      'M0,0L2,0L4,10',
    );
    expect(linePath([0, 1, 2, 1], [0, 0, 0, 0], identity, identity, false)).toBe('M0,0L2,0L1,0');
  });

  it('gaps (NaN, null) start a new piece, and a log axis maps through log10 with non-positive values as gaps', () => {
    const x = [0, 0, NaN, 5, 5, null as unknown as number, 9, 9];
    const y = [0, 1, NaN, 0, 1, null as unknown as number, 0, 1];
    expect(linePath(x, y, identity, identity, false)).toBe('M0,0L0,1M5,0L5,1M9,0L9,1');
    const log: Scale = { offset: 300, slope: -100, log: true };
    expect(linePath([0, 1, 2, 3], [1, 0, 10, 100], identity, log, false)).toBe(
      'M0,300M2,200L3,100',
    );
  });

  it('huge values stay finite, clamped far outside the plot', () => {
    expect(linePath([0, 1], [0, 1e30], identity, identity, false)).toBe('M0,0L1,100000');
  });
});

describe('the first piece of a line with gaps', () => {
  it('cuts a lines trace at its first gap, and leaves markers, gapless and gap-first traces as they are', () => {
    const rug: Data = {
      name: 'hinges',
      mode: 'lines',
      x: [0.5, 0.5, null, 0.7, 0.7, null],
      y: [0, 0.05, null, 0, 0.05, null],
    };
    const piece = firstPiece(rug) as Data & { x: unknown[]; y: unknown[] };
    expect(piece.x).toEqual([0.5, 0.5]);
    expect(piece.y).toEqual([0, 0.05]);
    expect(piece.name).toBe('hinges');
    // The caller's trace is untouched.
    expect((rug as { x: unknown[] }).x).toHaveLength(6);
    const fit: Data = {
      name: 'fit',
      mode: 'lines',
      x: new Float32Array([0, 1]),
      y: new Float32Array([1, 2]),
    };
    expect(firstPiece(fit)).toBe(fit);
    const markers: Data = { name: 'data', mode: 'markers', x: [0, null], y: [1, null] };
    expect(firstPiece(markers)).toBe(markers);
    const gapFirst: Data = { name: 'g', mode: 'lines', x: [NaN, 1], y: [NaN, 1] };
    expect(firstPiece(gapFirst)).toBe(gapFirst);
  });
});

describe('patching while the user drags', () => {
  it('leaves the lines alone during a drag (Plotly moves them), and needs a drawn plot otherwise', () => {
    const trace = { mode: 'lines', x: [0, 1], y: [0, 1] } as Data;
    expect(patchLines({ _dragging: true } as unknown as HTMLElement, [trace])).toBe(true);
    expect(patchLines({} as unknown as HTMLElement, [trace])).toBe(false);
  });
});
