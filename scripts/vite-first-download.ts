/**
 * The page's first download: the entry (src/app/main.tsx) and what it imports dynamically
 * as soon as it runs (the app and Plotly, and their own imports). Two things for them:
 *
 * - `<link rel="modulepreload">` in the built index.html, so the browser fetches and
 *   compiles them alongside the entry instead of once the entry has run, and
 *   `npm run bench:page` counts them as initial JS, which they are;
 * - V8's compile hint `//# allFunctionsCalledOnLoad` as each file's first line (Chromium
 *   136+; other engines read a comment): V8 then compiles every function of the file on a
 *   background thread while it streams in, instead of lazily on the page's thread at
 *   first call. Almost all of Plotly's and React's code runs on the first draw anyway.
 *   Added after Vite's own prelude, so that it is the first line.
 */
import type { Plugin, Rollup } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

function firstDownload(bundle: Rollup.OutputBundle): {
  entries: Rollup.OutputChunk[];
  loaded: Set<string>;
} {
  const chunks = new Map(
    Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])),
  );
  const entries = [...chunks.values()].filter((c) => c.isEntry);
  const loaded = new Set<string>();
  const add = (file: string) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const imported of chunks.get(file)?.imports ?? []) add(imported);
  };
  for (const entry of entries) for (const file of entry.dynamicImports) add(file);
  return { entries, loaded };
}

export function firstDownloadPlugin(): Plugin {
  let base = './';
  return {
    name: 'first-download',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      base = config.base;
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const { entries, loaded } = firstDownload(bundle);
        for (const chunk of [...entries, ...[...loaded].map((file) => bundle[file])]) {
          if (chunk?.type === 'chunk' && !chunk.code.startsWith(COMPILE_HINT))
            chunk.code = COMPILE_HINT + chunk.code;
        }
      },
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return;
        const { entries, loaded } = firstDownload(ctx.bundle);
        if (loaded.size === 0)
          throw new Error('first-download: the entry imports nothing dynamically');
        return [...loaded]
          .filter((file) => !entries.some((e) => e.fileName === file) && !html.includes(file))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}
