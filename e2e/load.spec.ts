import { expect, test } from './helpers';

// On a first visit Plotly's full draws are the slowest part of the way to the first fit (a
// full fit-plot draw takes 70-250 ms before the code is warm), so the page must not spend
// any on pictures nobody sees: until the worker's first frame arrives, each plot draws its
// empty state at most once (none if the frame came first), whatever the theme.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`before the first frame each plot is drawn in full at most once (${colorScheme} theme)`, async ({
    browser,
  }) => {
    const context = await browser.newContext({
      colorScheme,
      locale: 'en-US',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      type Probe = { full: [string, number][]; firstFrameAt: number; firstFitAt: number };
      const w = window as unknown as { __probe: Probe };
      const probe: Probe = { full: [], firstFrameAt: -1, firstFitAt: -1 };
      w.__probe = probe;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          if (e.name.endsWith('-full')) probe.full.push([e.name, e.startTime]);
      }).observe({ type: 'measure' });
      // Listens before the app's own handler (set after construction), so this is the arrival.
      const Native = window.Worker;
      window.Worker = class extends Native {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          this.addEventListener('message', (e: MessageEvent<{ type?: string }>) => {
            if (probe.firstFrameAt < 0 && e.data?.type === 'frame')
              probe.firstFrameAt = performance.now();
          });
        }
      };
      document.addEventListener(
        'fitdrawn',
        (e) => {
          if (probe.firstFitAt < 0 && (e as CustomEvent<number>).detail > 0)
            probe.firstFitAt = performance.now();
        },
        true,
      );
    });
    await page.goto('/');
    await page.waitForFunction(
      () => (window as unknown as { __probe: { firstFitAt: number } }).__probe.firstFitAt >= 0,
    );
    // Observers report a little after the draws they saw: give them a moment.
    await page.waitForTimeout(300);
    const probe = await page.evaluate(
      () =>
        (window as unknown as { __probe: { full: [string, number][]; firstFrameAt: number } })
          .__probe,
    );
    expect(probe.firstFrameAt).toBeGreaterThan(0);
    const before = (name: string) =>
      probe.full.filter(([n, t]) => n === name && t < probe.firstFrameAt).length;
    expect(before('draw:fit-plot-full')).toBeLessThanOrEqual(1);
    expect(before('draw:loss-plot-full')).toBeLessThanOrEqual(1);
    // The first frame itself is drawn: the fit plot redraws in full at least once in all.
    expect(probe.full.some(([n]) => n === 'draw:fit-plot-full')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
}
