import { describe, expect, it } from 'vitest';
import { MAX_CSV_POINTS, parseCsv, toCsv } from './csv';
import { formatEn } from '../messages/en';

function ok(text: string) {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(formatEn(r.problem));
  return r;
}

function error(text: string): string {
  const r = parseCsv(text);
  if (r.ok) throw new Error('expected an error');
  return formatEn(r.problem);
}

describe('parseCsv: good files', () => {
  it('reads two columns with a header', () => {
    const r = ok('x,y\n-1,0.5\n0,0.25\n1,2\n');
    expect(Array.from(r.data.x)).toEqual([-1, 0, 1]);
    expect(Array.from(r.data.y)).toEqual([0.5, 0.25, 2]);
    expect(r.note).toBeNull();
  });

  it('reads files without a header, with CRLF, blank lines, spaces, tabs or semicolons', () => {
    expect(Array.from(ok('0.1,1\r\n0.2,2\r\n\r\n').data.y)).toEqual([1, 2]);
    expect(Array.from(ok(' 0.1 , 1 \n 0.2 , 2 ').data.x)).toEqual([
      Math.fround(0.1),
      Math.fround(0.2),
    ]);
    expect(Array.from(ok('0.1\t1\n0.2\t2').data.y)).toEqual([1, 2]);
    expect(Array.from(ok('0.1;1\n0.2;2').data.y)).toEqual([1, 2]);
    expect(Array.from(ok('\uFEFFx,y\n0.5,1e-2').data.y)).toEqual([Math.fround(0.01)]);
  });

  it('rescales x into [-1, 1] and says so', () => {
    const r = ok('x,y\n0,1\n5,2\n10,3');
    expect(Array.from(r.data.x)).toEqual([-1, 0, 1]);
    expect(r.note).toEqual({ code: 'csv.rescaled', lo: 0, hi: 10 });
    expect(formatEn(r.note!)).toBe('x was rescaled from [0, 10] to [-1, 1].');
  });

  it('round-trips through toCsv', () => {
    const data = { x: Float32Array.from([-1, 0.25, 1]), y: Float32Array.from([0.5, -2, 3.75]) };
    const back = ok(toCsv(data));
    expect(back.data).toEqual(data);
  });
});

describe('parseCsv: bad files get a message naming the line', () => {
  it.each([
    ['', /empty/],
    ['   \n\n', /empty/],
    ['x,y\n', /header but no data/],
    ['x,y\n1,2\n3\n', /Line 3: expected 2 columns \(x, y\), found 1/],
    ['1,2,3\n', /Line 1: expected 2 columns \(x, y\), found 3/],
    ['x,y\n0.5,abc\n', /Line 2: "abc" is not a number/],
    ['x,y\n0.5,1\nfoo,1\n', /Line 3: "foo" is not a number/],
    ['0.5,1\nx,y\n', /Line 2: "x" is not a number/],
    ['x,y\n1e999,1\n', /Line 2: the number is too large/],
    ['x,y\n0x10,1\n', /Line 2: "0x10" is not a number/],
    // A long cell is cut visibly (with an ellipsis), and shown in its own script.
    [
      `x,y\n0.5,${'温度'.repeat(20)}\n`,
      new RegExp(`^Line 2: "${'温度'.repeat(12)}…" is not a number\\.$`),
    ],
  ])('%j', (text, message) => {
    expect(error(text)).toMatch(message);
  });

  it('refuses more points than the playground takes, and huge files', () => {
    const rows = Array.from(
      { length: MAX_CSV_POINTS + 1 },
      (_, i) => `${i / MAX_CSV_POINTS},1`,
    ).join('\n');
    expect(error(rows)).toMatch(/Too many points: at most 5000/);
    expect(error('1,1\n'.repeat(300_000))).toMatch(/too large/);
  });
});
