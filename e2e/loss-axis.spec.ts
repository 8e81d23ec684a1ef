/**
 * The loss plot's step axis: ours while training, so it can grow without a Plotly redraw
 * (src/app/plots/stepAxis.ts). Checked against Plotly itself: its own labels (kept,
 * transparent) at rest, and its x scale, which draws the curve, while training.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, waitForStep } from './helpers';

/** Our labels and Plotly's, as "text@x" with x in page pixels of the plot's box. */
const READ_AXIS = `(() => {
  const gd = document.querySelector('[data-testid="loss-plot"]');
  const fl = gd._fullLayout;
  const xOf = (t) => Number(/translate\\(([-\\d.]+)/.exec(t.getAttribute('transform') ?? '')?.[1] ?? 0) + Number(t.getAttribute('x') ?? 0);
  return {
    range: fl.xaxis.range.slice(),
    left: fl._size.l,
    ours: [...document.querySelectorAll('.step-axis text')].map((t) => [t.textContent, Number(t.getAttribute('x'))]),
    plotly: [...gd.querySelectorAll('.xtick text')].map((t) => [t.textContent, xOf(t)]),
    // Where a label's value belongs, from the range and the plot's box alone (not from Plotly's scale).
    pixels: [...document.querySelectorAll('.step-axis text')].map((t) => {
      const m = /^([\\d.]+)(k|M)?$/.exec(t.textContent);
      const v = Number(m[1]) * (m[2] === 'k' ? 1e3 : m[2] === 'M' ? 1e6 : 1);
      const [r0, r1] = fl.xaxis.range;
      return fl._size.l + (fl._size.w * (v - r0)) / (r1 - r0);
    }),
    // Where Plotly's scale draws the newest step of the curve, and where the range says it belongs.
    curveEnd: (() => {
      const t = gd.data.find((d) => d.name === 'loss');
      const last = t.x[t.x.length - 1];
      const [r0, r1] = fl.xaxis.range;
      return [fl.xaxis.c2p(last), (fl._size.w * (last - r0)) / (r1 - r0)];
    })(),
  };
})()`;

interface Axis {
  range: [number, number];
  left: number;
  ours: [string, number][];
  plotly: [string, number][];
  pixels: number[];
  curveEnd: [number, number];
}

test('the step axis grows in place while training, on the scale that draws the curve, and matches Plotly at rest', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await waitForStep(page, 0);
  // Count Plotly's own redraws of the loss plot, and the axis growths that happen without one.
  await page.evaluate(`(() => {
    const gd = document.querySelector('[data-testid="loss-plot"]');
    const s = (window.__axis = { redraws: 0, inPlace: 0, last: null, lastRedraws: 0 });
    gd.on('plotly_afterplot', () => s.redraws++);
    const tick = () => {
      const r = gd._fullLayout?.xaxis?.range?.[1];
      if (s.last !== null && r !== s.last && s.redraws === s.lastRedraws) s.inPlace++;
      s.last = r;
      s.lastRedraws = s.redraws;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await expect
    .poll(() => page.evaluate('window.__axis.inPlace'), { timeout: 20_000 })
    .toBeGreaterThanOrEqual(2);

  // While training: each of our labels sits where Plotly's scale puts its value (the curve's scale).
  const live = await page.evaluate<Axis>(READ_AXIS);
  expect(live.ours.length).toBeGreaterThanOrEqual(3);
  live.ours.forEach(([, x], i) => expect(Math.abs(x - live.pixels[i]!)).toBeLessThan(0.51));
  // And the curve is drawn on that same scale.
  expect(Math.abs(live.curveEnd[0] - live.curveEnd[1])).toBeLessThan(0.51);
  // The newest losses can be hovered: the hover data grew with the axis.
  const hovered = await page.evaluate<{ points: number; shown: number }>(`(() => {
    const gd = document.querySelector('[data-testid="loss-plot"]');
    const i = gd.data.findIndex((t) => t.name === 'loss');
    return { points: gd.calcdata[i].length, shown: gd.data[i].x.length };
  })()`);
  expect(hovered.points).toBeGreaterThan(10);
  expect(hovered.points).toBe(hovered.shown);

  // At rest Plotly redraws with its own axis: our labels are its labels, in the same places.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect
    .poll(async () => {
      const rest = await page.evaluate<Axis>(READ_AXIS);
      rest.plotly.sort((a, b) => a[1] - b[1]);
      const same =
        rest.plotly.length === rest.ours.length &&
        rest.plotly.every(
          ([text, x], i) => text === rest.ours[i]![0] && Math.abs(x - rest.ours[i]![1]) < 0.51,
        );
      return same ? rest.plotly.length : 0;
    })
    .toBeGreaterThanOrEqual(3);
  expect(consoleErrors).toEqual([]);
});

test('hovering the newest part of a growing loss curve shows its step and loss', async ({
  page,
}) => {
  await page.goto('/');
  await waitForStep(page, 0);
  // Past two growths of the step axis, so the point hovered was drawn after the last Plotly redraw.
  await waitForStep(page, 120);
  await page.getByTestId('loss-plot').scrollIntoViewIfNeeded();
  await expect
    .poll(
      async () => {
        const box = (await page.getByTestId('loss-plot').boundingBox())!;
        const point = await page.evaluate<{ step: number; x: number; y: number }>(`(() => {
          const gd = document.querySelector('[data-testid="loss-plot"]');
          const fl = gd._fullLayout;
          const t = gd.data.find((d) => d.name === 'loss');
          const k = t.x.length - 5;
          // c2p takes data values on a log axis too.
          return { step: t.x[k], x: fl._size.l + fl.xaxis.c2p(t.x[k]), y: fl._size.t + fl.yaxis.c2p(t.y[k]) };
        })()`);
        await page.mouse.move(box.x + point.x, box.y + point.y);
        const label = (
          await page.locator('[data-testid="loss-plot"] .hovertext').allTextContents()
        ).join(' ');
        // The curve moves on while we hover: any step from that point on is right, an old one is not.
        const shown = Number(/step (\d+)/.exec(label)?.[1] ?? -1);
        return shown >= point.step - 3 ? 'newest' : `${label} (hovered step ${point.step})`;
      },
      { timeout: 15_000 },
    )
    .toBe('newest');
});

test('the loss plot downloads as a PNG with its step labels (Plotly draws them for the picture)', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await waitForStep(page, 30);
  await page.getByTestId('loss-plot').hover();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .locator('[data-testid="loss-plot"] .modebar-btn[data-title="Download plot as a png"]')
      .click(),
  ]);
  expect(download.suggestedFilename()).toBe('loss-plot.png');
  const bytes = readFileSync(await download.path());
  mkdirSync('e2e/screenshots', { recursive: true });
  await download.saveAs('e2e/screenshots/loss-plot-download.png');
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  // Decoded in the page: dark pixels in the band under the plot area, right of the loss axis, are the step labels.
  const size = await page.evaluate<[number, number, number]>(
    `(() => { const s = document.querySelector('[data-testid="loss-plot"]')._fullLayout._size; return [s.l, s.t + s.h, s.w]; })()`,
  );
  const dark = await page.evaluate(
    async ([src, left, bottom, width]) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      // The image is at scale 2.
      const band = ctx.getImageData(2 * left, 2 * (bottom + 3), 2 * width, 2 * 16).data;
      let n = 0;
      for (let i = 0; i < band.length; i += 4)
        if (band[i + 3]! > 128 && band[i]! + band[i + 1]! + band[i + 2]! < 450) n++;
      return { n, w: img.width };
    },
    [`data:image/png;base64,${bytes.toString('base64')}`, ...size] as const,
  );
  expect(dark.n).toBeGreaterThan(50);
  expect(consoleErrors).toEqual([]);
});

test("our step labels are Plotly's own, range by range and at phone width", async ({ page }) => {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/');
    await waitForStep(page, 5);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    for (const range of [
      [0, 5],
      [0, 50],
      [0, 317],
      [0, 999],
      [0, 1000],
      [0, 12_000],
      [0, 25_000],
      [10_000, 11_000],
      [0, 1.2e6],
      [0, 2.5e6],
      [-40, 1234],
      [3.3, 7.9],
    ]) {
      // Plotly moves its own (transparent) labels; ours follow its relayout event.
      await page.evaluate((r) => {
        const w = window as unknown as {
          Plotly: { relayout(gd: Element, update: object): Promise<unknown> };
        };
        return w.Plotly.relayout(document.querySelector('[data-testid="loss-plot"]')!, {
          'xaxis.range': r,
        });
      }, range);
      const axis = await page.evaluate<Axis>(READ_AXIS);
      // Left to right (Plotly's elements are in the order its updates left them).
      axis.plotly.sort((a, b) => a[1] - b[1]);
      expect(
        axis.ours.map(([t]) => t),
        `labels for ${range.join(',')} at ${width} px`,
      ).toEqual(axis.plotly.map(([t]) => t));
      axis.ours.forEach(([, x], i) =>
        expect(Math.abs(x - axis.plotly[i]![1]), `place of ${axis.ours[i]![0]}`).toBeLessThan(0.6),
      );
    }
  }
});

test('a box zoom after the step axis has grown zooms into the grown axis', async ({ page }) => {
  await page.goto('/');
  await waitForStep(page, 0);
  // Past two growths in place (see the first test): steps 0 to about 50, 80, 130 ...
  await waitForStep(page, 150);
  const plot = page.getByTestId('loss-plot');
  await plot.scrollIntoViewIfNeeded();
  const box = (await plot.boundingBox())!;
  // The ends of the step axis on screen from now until the zoom (it may grow once more
  // meanwhile), and whether it last grew in place rather than through a Plotly redraw
  // (after which Plotly's own zoom state would be current anyway, and this test moot).
  await page.evaluate(`(() => {
    const gd = document.querySelector('[data-testid="loss-plot"]');
    const seen = (window.__seen = { ends: [gd._fullLayout.xaxis.range[1]], on: true, grewInPlace: false });
    gd.on('plotly_afterplot', () => (seen.grewInPlace = false));
    let last = gd._fullLayout.xaxis.range[1];
    const tick = () => {
      if (!seen.on) return;
      const end = gd._fullLayout.xaxis.range[1];
      if (end !== last) seen.grewInPlace = true;
      last = end;
      if (!seen.ends.includes(end)) seen.ends.push(end);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await expect
    .poll(() => page.evaluate('window.__seen.grewInPlace'), { timeout: 15_000 })
    .toBe(true);
  const [l, t, w, h] = await page.evaluate<[number, number, number, number]>(
    `(() => { const s = document.querySelector('[data-testid="loss-plot"]')._fullLayout._size; return [s.l, s.t, s.w, s.h]; })()`,
  );
  // A horizontal drag over 55% to 90% of the plot's width: a zoom on x alone.
  const y = box.y + t + h / 2;
  await page.mouse.move(box.x + l + 0.55 * w, y);
  await page.mouse.down();
  await page.mouse.move(box.x + l + 0.7 * w, y, { steps: 4 });
  await page.mouse.move(box.x + l + 0.9 * w, y, { steps: 4 });
  const { ends, grewInPlace } = await page.evaluate<{ ends: number[]; grewInPlace: boolean }>(
    `(() => { window.__seen.on = false; return window.__seen; })()`,
  );
  expect(grewInPlace, 'the axis last grew in place before the zoom').toBe(true);
  await page.mouse.up();
  // The zoom is 55% to 90% of an axis that was on screen (from 0): not of the one Plotly last drew itself.
  await expect
    .poll(async () => {
      const after = (await page.evaluate<Axis>(READ_AXIS)).range;
      return ends.some(
        (end) =>
          Math.round((after[0] / end) * 100) === 55 && Math.round((after[1] / end) * 100) === 90,
      );
    })
    .toBe(true);
});
