import { describe, expect, it } from 'vitest';
import { layerViews, paramLayout } from './paramLayout';
import { columnNorms, panelStrips, stripBuffers } from './panelStrips';

/** A flat vector 0.5, 1.5, -2.5, ... so every entry is distinct and some are negative. */
function vector(n: number, scale = 1): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => scale * (i % 3 === 2 ? -(i + 0.5) : i + 0.5));
}

describe('the panel strips', () => {
  it('at depth 1 are the tutorial groups w1, b1, w2 and b2 of the flat vector, as views', () => {
    const layout = paramLayout([4]);
    const params = vector(layout.length);
    const grads = vector(layout.length, 0.01);
    const updates = vector(layout.length, -0.001);
    const s = panelStrips(
      layout,
      layerViews(layout, params),
      layerViews(layout, grads),
      layerViews(layout, updates),
    );
    expect(s.hidden).toHaveLength(1);
    expect(s.hidden[0]!.strips.map((x) => x.name)).toEqual(['w1', 'b1']);
    expect(Array.from(s.hidden[0]!.strips[0]!.values)).toEqual(Array.from(params.subarray(0, 4)));
    expect(Array.from(s.hidden[0]!.strips[1]!.values)).toEqual(Array.from(params.subarray(4, 8)));
    expect(Array.from(s.hidden[0]!.strips[1]!.grads)).toEqual(Array.from(grads.subarray(4, 8)));
    expect(Array.from(s.hidden[0]!.strips[0]!.updates)).toEqual(Array.from(updates.subarray(0, 4)));
    expect(Array.from(s.output.updates)).toEqual(Array.from(updates.subarray(8, 12)));
    expect(s.output.name).toBe('w2');
    expect(Array.from(s.output.values)).toEqual(Array.from(params.subarray(8, 12)));
    expect(s.outputBias).toEqual({
      name: 'b2',
      value: params[12],
      grad: grads[12],
      update: updates[12],
    });
    // Copies, each with a buffer of its own: a frame transfers them, never the model's buffer.
    const buffers = stripBuffers(s);
    expect(buffers).toHaveLength(9);
    expect(new Set(buffers).size).toBe(9);
    expect(buffers).not.toContain(updates.buffer);
    expect(buffers).not.toContain(params.buffer);
    expect(buffers).not.toContain(grads.buffer);
  });

  it('at depth 3 show each deeper unit’s incoming weights by the norm of its column', () => {
    const widths = [3, 2, 4];
    const layout = paramLayout(widths);
    const params = vector(layout.length);
    const grads = vector(layout.length, -0.1);
    const updates = vector(layout.length, 0.02);
    const s = panelStrips(
      layout,
      layerViews(layout, params),
      layerViews(layout, grads),
      layerViews(layout, updates),
    );
    expect(s.hidden.map((b) => b.strips.map((x) => x.name))).toEqual([
      ['w1', 'b1'],
      ['‖w2‖', 'b2'],
      ['‖w3‖', 'b3'],
    ]);
    expect(s.hidden.map((b) => [b.width, b.fanIn])).toEqual([
      [3, 1],
      [2, 3],
      [4, 2],
    ]);
    // Layer 3's weights are [2][4] row-major: unit j's incoming weights are w[0][j], w[1][j].
    const slot = layout.layers[2]!;
    for (let j = 0; j < 4; j++) {
      const a = params[slot.w + j]!;
      const b = params[slot.w + 4 + j]!;
      expect(s.hidden[2]!.strips[0]!.values[j]).toBeCloseTo(Math.hypot(a, b), 4);
      const ga = grads[slot.w + j]!;
      const gb = grads[slot.w + 4 + j]!;
      expect(s.hidden[2]!.strips[0]!.grads[j]).toBeCloseTo(Math.hypot(ga, gb), 5);
      const ua = updates[slot.w + j]!;
      const ub = updates[slot.w + 4 + j]!;
      expect(s.hidden[2]!.strips[0]!.updates[j]).toBeCloseTo(Math.hypot(ua, ub), 5);
      expect(s.hidden[2]!.strips[1]!.values[j]).toBe(params[slot.b + j]);
    }
    const out = layout.layers[3]!;
    expect(s.output.name).toBe('w4');
    expect(Array.from(s.output.values)).toEqual(Array.from(params.subarray(out.w, out.w + 4)));
    expect(s.outputBias.name).toBe('b4');
    expect(s.outputBias.value).toBe(params[out.b]);
  });

  it('column norms are the norms of the columns', () => {
    const m = Float32Array.from([3, 1, 0, 4, 2, 0]); // [[3, 1, 0], [4, 2, 0]]
    const out = new Float32Array(3);
    columnNorms(m, 2, 3, out);
    expect(Array.from(out)).toEqual([5, Math.fround(Math.sqrt(5)), 0]);
  });
});
