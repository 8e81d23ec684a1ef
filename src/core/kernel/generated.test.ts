import { readFileSync } from 'node:fs';
import { it, expect } from 'vitest';
import {
  compileKernel,
  DENSE_OUT,
  denseSources,
  kernelSources,
  LAYOUT_OUT,
  OUT,
} from '../../../scripts/build-kernel.mjs';
import { compileDense } from '../../../scripts/kernel/dense.mjs';
import { generateWat } from '../../../scripts/kernel/generate.mjs';
import { kernelLayoutSource } from '../../../scripts/kernel/layout.mjs';
import { decodeBase64 } from './base64';
import { KERNEL_BUFFERS, KERNEL_EXPORTS, KERNEL_SIZES } from './kernelLayout.generated';
import { KERNEL_RELAXED_WASM_BASE64, KERNEL_WASM_BASE64 } from './kernelWasm.generated';
import { DENSE_RELAXED_WASM_BASE64, DENSE_WASM_BASE64 } from './denseWasm.generated';
import { instantiateKernel, kernelModule, WASM_PAGE_BYTES, type KernelBuild } from './wasmRuntime';

it('the committed kernel is what its source compiles to (run `npm run kernel` after editing it)', async () => {
  expect(readFileSync(OUT, 'utf8')).toBe(await kernelSources());
  expect(decodeBase64(KERNEL_WASM_BASE64)).toEqual(await compileKernel());
  expect(decodeBase64(KERNEL_RELAXED_WASM_BASE64)).toEqual(
    await compileKernel({ relaxedMadd: true }),
  );
});

it('the committed dense module is what its source compiles to (run `npm run kernel` after editing it)', async () => {
  expect(readFileSync(DENSE_OUT, 'utf8')).toBe(await denseSources());
  expect(decodeBase64(DENSE_WASM_BASE64)).toEqual(await compileDense());
  expect(decodeBase64(DENSE_RELAXED_WASM_BASE64)).toEqual(
    await compileDense({ relaxedMadd: true }),
  );
});

it('the committed layout is what the generator describes (run `npm run kernel` after editing it)', () => {
  expect(readFileSync(LAYOUT_OUT, 'utf8')).toBe(kernelLayoutSource());
});

it.each(['simd128', 'relaxed'] as KernelBuild[])(
  "the %s build has exactly the layout's exports and configure() parameters",
  (build) => {
    const { exports } = instantiateKernel(WASM_PAGE_BYTES, kernelModule(build));
    const functions = Object.keys(exports).filter((name) => typeof exports[name] === 'function');
    expect(functions.sort()).toEqual([...KERNEL_EXPORTS].sort());
    const configure = exports.configure as (...args: number[]) => void;
    expect(configure.length).toBe(KERNEL_SIZES.length + KERNEL_BUFFERS.length);
    // The text's parameter names, in order, against the order fusedKernel.ts passes them in.
    const header = /\(func \(export "configure"\)((?: \(param \$\w+ i32\))+)/.exec(
      generateWat({ relaxedMadd: build === 'relaxed' }),
    );
    const names = [...header![1]!.matchAll(/\$(\w+)/g)].map((m) => m[1]);
    expect(names).toEqual([...KERNEL_SIZES, ...KERNEL_BUFFERS.map((b) => b.name)]);
  },
);

it('the relaxed build differs from the plain one only by fusing multiply-adds', () => {
  const wat = (relaxedMadd: boolean) => generateWat({ relaxedMadd });
  const plain = wat(false);
  const relaxed = wat(true);
  expect(plain).not.toContain('relaxed');
  const fused = relaxed.match(/f32x4\.relaxed_madd/g)?.length ?? 0;
  expect(fused).toBeGreaterThan(100);
  // Each relaxed_madd replaced one f32x4.mul and one f32x4.add, and nothing else changed.
  const count = (text: string, op: string) => text.split(op).length - 1;
  expect(count(plain, 'f32x4.mul ') - count(relaxed, 'f32x4.mul ')).toBe(fused);
  expect(count(plain, 'f32x4.add ') - count(relaxed, 'f32x4.add ')).toBe(fused);
});

it('decodeBase64 agrees with Node for every padding length', () => {
  for (const text of ['', 'a', 'ab', 'abc', 'abcd', '\u00ff\u0000\u0080 backprop']) {
    const want = Buffer.from(text, 'latin1');
    expect(Buffer.from(decodeBase64(want.toString('base64')))).toEqual(want);
  }
  expect(() => decodeBase64('ab$c')).toThrow(/not base64/);
});
