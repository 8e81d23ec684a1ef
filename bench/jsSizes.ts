/** The built app's JavaScript, raw and gzip: what a first visit loads, and all of it. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function jsSizes(dist: string) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/<script[^>]+src="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  const preloads = [
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.?\/?([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const all = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const size = (files: string[]) =>
    files.reduce(
      (s, f) => {
        const bytes = readFileSync(join(dist, f));
        return {
          raw: s.raw + statSync(join(dist, f)).size,
          gzip: s.gzip + gzipSync(bytes, { level: 9 }).length,
        };
      },
      { raw: 0, gzip: 0 },
    );
  return { initial: size([...new Set([...entry, ...preloads])]), all: size(all), files: all };
}
