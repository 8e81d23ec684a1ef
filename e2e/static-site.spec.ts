import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, waitForStep } from './helpers';

const DIST = 'dist';
const SUB_PATH = '/courses/ml-101/playground/';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

/** A plain static host serving dist/ under a sub-path, as a project page would be. */
function serveUnderSubPath(): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(SUB_PATH)) {
      res.writeHead(404).end();
      return;
    }
    const rel = normalize(url.pathname.slice(SUB_PATH.length) || 'index.html');
    const file = join(DIST, rel);
    if (rel.startsWith('..') || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('the built site works from a sub-path, under its Content-Security-Policy', async ({
  page,
  consoleErrors,
}) => {
  const server = await serveUnderSubPath();
  try {
    const { port } = server.address() as AddressInfo;
    const violations: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
    });
    await page.goto(`http://127.0.0.1:${port}${SUB_PATH}`);
    await waitForStep(page, 30);
    const csp = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
  } finally {
    server.close();
  }
});

test('the first download: the entry preloads the app and Plotly, each marked for eager compilation', () => {
  // See src/app/main.tsx and scripts/vite-first-download.ts.
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entry = html.match(/<script type="module"[^>]+src="\.\/(assets\/index-[^"]+\.js)"/)?.[1];
  const preloads = [
    ...html.matchAll(/<link rel="modulepreload"[^>]+href="\.\/(assets\/[^"]+\.js)"/g),
  ].map((m) => m[1]!);
  expect(entry).toBeDefined();
  const app = preloads.find((f) => /\/start-/.test(f));
  const plotly = preloads.find((f) => /\/plotly-/.test(f));
  expect(app).toBeDefined();
  expect(plotly).toBeDefined();
  const code = (file: string) => readFileSync(join(DIST, file), 'utf8');
  for (const file of [entry!, app!, plotly!])
    expect(code(file).startsWith('//# allFunctionsCalledOnLoad\n'), file).toBe(true);
  // Plotly stays out of the app's static imports, or the app could not render before Plotly is compiled.
  expect(code(app!)).not.toMatch(/from\s*"\.\/plotly-/);
  // Small next to the app and Plotly: most of it is both languages' words, which the entry
  // holds so that a failure to load the app can still be explained in the reader's language.
  expect(code(entry!).length).toBeLessThan(150_000);
});

test('no serious or critical accessibility violations (axe)', async ({ page }) => {
  await page.goto('/');
  await waitForStep(page, 5);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect(serious).toEqual([]);
});
