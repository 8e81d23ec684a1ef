/**
 * Marks the app's chunks with V8's compile hint `//# allFunctionsCalledOnLoad` (Chromium
 * 136+; other engines read a comment). V8 then compiles every function of the chunk while
 * the file streams in, on a background thread, instead of lazily on the page's thread at
 * first call: almost all of Plotly's and React's code runs on the first draw anyway.
 * The hint must be the file's first line, so it is added after Vite's own prelude.
 */
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

export function compileHints(chunkNames: readonly string[]): Plugin {
  return {
    name: 'compile-hints',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk' && chunkNames.includes(chunk.name) && !chunk.code.startsWith(COMPILE_HINT)) chunk.code = COMPILE_HINT + chunk.code;
        }
      },
    },
  };
}
