import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';

/**
 * Every stylesheet parses as CSS. Browsers and the bundler forgive an unclosed block by
 * swallowing every rule after it, so a bad merge once hid half the page's styles without
 * an error anywhere; a strict parser names the line instead.
 */
const APP = fileURLToPath(new URL('.', import.meta.url));
const sheets = readdirSync(APP, { recursive: true, encoding: 'utf8' }).filter((f) =>
  f.endsWith('.css'),
);

describe.each(sheets)('%s', (sheet) => {
  it('parses, with every block closed', () => {
    const css = readFileSync(join(APP, sheet), 'utf8');
    expect(() => postcss.parse(css, { from: sheet })).not.toThrow();
    const root = postcss.parse(css, { from: sheet });
    expect(root.nodes.length).toBeGreaterThan(0);
  });
});

it('the check catches an unclosed block', () => {
  expect(() => postcss.parse('.a { color: red;\n.b { color: blue; }', { from: 'bad.css' })).toThrow(
    /Unclosed block/,
  );
});

it('finds the stylesheets', () => {
  expect(sheets).toContain(join('styles', 'index.css'));
});
