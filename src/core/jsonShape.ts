/**
 * Shape checks for parsed JSON (the model file, `fit --spec`): lists and nested lists of
 * finite numbers as numpy's `.tolist()` writes them. Each caller words its own messages
 * from the fault, which names the path of the offending value.
 */

/** What is wrong, at `at` (a path such as "initial[0].w[1]"). */
export type ShapeFault =
  | { kind: 'notList'; at: string }
  | { kind: 'length'; at: string; expected: number; found: number }
  | { kind: 'notFinite'; at: string; value: unknown }
  /** A number JSON holds but float32, in which the network trains, cannot (1e39; 1e309 parses as Infinity). */
  | { kind: 'float32Range'; at: string };

export type Shaped<T> = { ok: true; value: T } | { ok: false; fault: ShapeFault };

/** A JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list of numbers finite in float32, of `length` numbers when given. */
export function finiteList(value: unknown, at: string, length?: number): Shaped<number[]> {
  if (!Array.isArray(value)) return { ok: false, fault: { kind: 'notList', at } };
  if (length !== undefined && value.length !== length)
    return { ok: false, fault: { kind: 'length', at, expected: length, found: value.length } };
  for (let i = 0; i < value.length; i++) {
    const v: unknown = value[i];
    if (typeof v !== 'number' || Number.isNaN(v))
      return { ok: false, fault: { kind: 'notFinite', at: `${at}[${i}]`, value: v } };
    if (!Number.isFinite(Math.fround(v)))
      return { ok: false, fault: { kind: 'float32Range', at: `${at}[${i}]` } };
  }
  return { ok: true, value: value as number[] };
}

/** A [rows][cols] nested list of numbers finite in float32 (numpy's `.tolist()` of a 2-D array). */
export function finiteMatrix(
  value: unknown,
  at: string,
  rows: number,
  cols: number,
): Shaped<number[][]> {
  if (!Array.isArray(value)) return { ok: false, fault: { kind: 'notList', at } };
  if (value.length !== rows)
    return { ok: false, fault: { kind: 'length', at, expected: rows, found: value.length } };
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const row = finiteList(value[r], `${at}[${r}]`, cols);
    if (!row.ok) return row;
    out.push(row.value);
  }
  return { ok: true, value: out };
}
