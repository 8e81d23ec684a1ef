import { expect, test } from './helpers';

// On a first visit Plotly's draws are the slowest part of the way to the first fit (a full
// fit-plot draw takes 70-250 ms before the code is warm), so the page must not spend any on
// pictures nobody sees: the empty plot, then the first frame, and nothing between.
test('on load the fit plot is drawn in full at most twice before its first curve shows', async ({ page, consoleErrors }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __fullDraws: number[]; __firstFitAt: number };
    w.__fullDraws = [];
    w.__firstFitAt = -1;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'draw:fit-plot-full') w.__fullDraws.push(e.startTime);
    }).observe({ type: 'measure' });
    document.addEventListener('fitdrawn', (e) => {
      if (w.__firstFitAt < 0 && (e as CustomEvent<number>).detail > 0) w.__firstFitAt = performance.now();
    }, true);
  });
  await page.goto('/');
  await page.waitForFunction(() => (window as unknown as { __firstFitAt: number }).__firstFitAt >= 0);
  // Observers report a little later than the draws they saw: give them a moment.
  await page.waitForTimeout(200);
  const { draws, firstFitAt } = await page.evaluate(() => {
    const w = window as unknown as { __fullDraws: number[]; __firstFitAt: number };
    return { draws: w.__fullDraws, firstFitAt: w.__firstFitAt };
  });
  const before = draws.filter((t) => t < firstFitAt);
  expect(before.length).toBeGreaterThanOrEqual(1);
  expect(before.length).toBeLessThanOrEqual(2);
  expect(consoleErrors).toEqual([]);
});
