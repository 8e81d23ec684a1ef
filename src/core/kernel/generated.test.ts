import { readFileSync } from 'node:fs';
import { it, expect } from 'vitest';
import { compileKernel, kernelModuleSource, OUT } from '../../../scripts/build-kernel.mjs';
import { decodeBase64 } from './base64';
import { KERNEL_WASM_BASE64 } from './kernelWasm.generated';

it('the committed kernel is what its source compiles to (run `npm run kernel` after editing it)', async () => {
  const bytes = await compileKernel();
  expect(readFileSync(OUT, 'utf8')).toBe(kernelModuleSource(bytes));
  expect(decodeBase64(KERNEL_WASM_BASE64)).toEqual(bytes);
});

it('decodeBase64 agrees with Node for every padding length', () => {
  for (const text of ['', 'a', 'ab', 'abc', 'abcd', '\u00ff\u0000\u0080 backprop']) {
    const want = Buffer.from(text, 'latin1');
    expect(Buffer.from(decodeBase64(want.toString('base64')))).toEqual(want);
  }
  expect(() => decodeBase64('ab$c')).toThrow(/not base64/);
});
