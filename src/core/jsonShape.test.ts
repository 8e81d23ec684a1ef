import { describe, expect, it } from 'vitest';
import { finiteList, finiteMatrix, isRecord } from './jsonShape';

describe('JSON shape checks', () => {
  it('isRecord: objects only', () => {
    expect([{}, { a: 1 }].map(isRecord)).toEqual([true, true]);
    expect([null, [], 1, 'x', undefined].map(isRecord)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('finiteList names the first bad entry by its path', () => {
    expect(finiteList([1, 2.5], 'x')).toEqual({ ok: true, value: [1, 2.5] });
    expect(finiteList('1', 'x')).toEqual({ ok: false, fault: { kind: 'notList', at: 'x' } });
    expect(finiteList([1], 'y', 2)).toEqual({
      ok: false,
      fault: { kind: 'length', at: 'y', expected: 2, found: 1 },
    });
    expect(finiteList([0, null, 'a'], 'x')).toEqual({
      ok: false,
      fault: { kind: 'notFinite', at: 'x[1]', value: null },
    });
  });

  it('finiteMatrix checks rows, then each row in order', () => {
    expect(finiteMatrix([[1, 2]], 'w1', 1, 2)).toEqual({ ok: true, value: [[1, 2]] });
    expect(finiteMatrix({}, 'w1', 1, 2)).toEqual({
      ok: false,
      fault: { kind: 'notList', at: 'w1' },
    });
    expect(finiteMatrix([[1], [2]], 'w2', 3, 1)).toEqual({
      ok: false,
      fault: { kind: 'length', at: 'w2', expected: 3, found: 2 },
    });
    expect(finiteMatrix([[1], 2], 'w2', 2, 1)).toEqual({
      ok: false,
      fault: { kind: 'notList', at: 'w2[1]' },
    });
    // JSON.parse reads 1e309 as Infinity; 1e39 is finite in float64 but not in float32.
    expect(finiteMatrix([[1, Infinity], [1]], 'w', 2, 2)).toEqual({
      ok: false,
      fault: { kind: 'float32Range', at: 'w[0][1]' },
    });
    expect(
      finiteMatrix(
        [
          [1, 2],
          [1e39, 0],
        ],
        'w',
        2,
        2,
      ),
    ).toEqual({ ok: false, fault: { kind: 'float32Range', at: 'w[1][0]' } });
    expect(
      finiteMatrix(
        [
          [1, 2],
          [3.4e38, NaN],
        ],
        'w',
        2,
        2,
      ),
    ).toEqual({ ok: false, fault: { kind: 'notFinite', at: 'w[1][1]', value: NaN } });
    expect(finiteMatrix([[1, 2], [1]], 'w', 2, 2)).toEqual({
      ok: false,
      fault: { kind: 'length', at: 'w[1]', expected: 2, found: 1 },
    });
  });
});
