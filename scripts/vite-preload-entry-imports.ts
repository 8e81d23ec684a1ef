/**
 * The entry (src/app/main.tsx) loads the app and Plotly with dynamic imports as soon as it
 * runs, which Vite would only fetch once the entry has run. This adds
 * `<link rel="modulepreload">` for those chunks (and what they import) to the built
 * index.html, so the browser fetches and compiles them alongside the entry, and
 * `npm run bench:page` counts them in the initial download, which they are.
 */
import type { Plugin } from 'vite';

export function preloadEntryImports(): Plugin {
  return {
    name: 'preload-entry-imports',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = new Map(Object.values(ctx.bundle ?? {}).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])));
        const entries = [...chunks.values()].filter((c) => c.isEntry);
        const files = new Set<string>();
        const add = (file: string) => {
          if (files.has(file)) return;
          files.add(file);
          for (const imported of chunks.get(file)?.imports ?? []) add(imported);
        };
        for (const entry of entries) for (const file of entry.dynamicImports) add(file);
        if (files.size === 0) throw new Error('preload-entry-imports: the entry imports nothing dynamically');
        return [...files]
          .filter((file) => !entries.some((e) => e.fileName === file) && !html.includes(file))
          .map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}
