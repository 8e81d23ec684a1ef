/**
 * The fit plot's note (what is left undrawn) at 4 x 512: clear of the legend, and inside
 * the plot's area at any width (Plotly does not wrap it: fitLayers does, see wrapNote).
 */
import { mkdirSync } from 'node:fs';
import { expect, pause, test, waitForStep } from './helpers';

const SHOTS = 'e2e/screenshots';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether two boxes share any area. */
function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

for (const width of [1280, 360])
  test(`4 x 512 with every view on, ${width} px wide: the note on what is drawn is clear of the legend and inside the plot, in English and Chinese`, async ({
    page,
    consoleErrors,
  }) => {
    test.setTimeout(60_000);
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/?layers=512,512,512,512&points=2000&init=he&activation=relu&lr=0.0000001');
    await waitForStep(page, 1);
    await pause(page);
    for (const view of ['Show units', 'Show kinks', 'Show residuals'])
      await page.getByLabel(view, { exact: true }).check();
    const plot = page.getByTestId('fit-plot');
    const note = plot.locator('.annotation').first();
    for (const [lang, says] of [
      ['en', /32 largest of 512 units\s?drawn/],
      ['zh', /512/],
    ] as const) {
      if (lang === 'zh') await page.getByLabel('Language', { exact: true }).selectOption('zh');
      await expect(note).toContainText(says);
      await expect(plot.locator('.legend')).toBeVisible();
      const legend = (await plot.locator('.legend').boundingBox())!;
      const box = (await note.boundingBox())!;
      const area = (await plot.locator('.nsewdrag').first().boundingBox())!;
      await plot.screenshot({ path: `${SHOTS}/fit-note-4x512-${width}-${lang}.png` });
      const boxes = `${lang}: legend ${JSON.stringify(legend)}, note ${JSON.stringify(box)}, plot area ${JSON.stringify(area)}`;
      expect(overlap(legend, box), boxes).toBe(false);
      expect(box.x, boxes).toBeGreaterThanOrEqual(area.x);
      expect(box.x + box.width, boxes).toBeLessThanOrEqual(area.x + area.width);
    }
    expect(consoleErrors).toEqual([]);
  });
