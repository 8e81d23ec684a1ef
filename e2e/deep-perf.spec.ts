/**
 * At 4 hidden layers of 256 units on 1,000 points, training flat out with every view on
 * (Show layers included), the page stays smooth and frames never carry the whole model
 * more often than core/framePolicy allows.
 */
import { expect, test, waitForStep } from './helpers';
import { mainThreadTaskCpu } from './mainThread';

/** A long task, by the Long Tasks API's own definition, ms. */
const LONG_TASK_MS = 50;
/** How long training is watched, ms. */
const WATCH_MS = 8000;

test('4 x 256 units on 1,000 points with every view on: no long task while training, and frames mostly without the model', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(120_000);
  // Record, as each frame arrives, whether it carried the parameters and the run's state.
  await page.addInitScript(() => {
    const log: { at: number; state: string; params: boolean; bytes: number }[] = [];
    (window as unknown as { frameLog: typeof log }).frameLog = log;
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (event: MessageEvent) => {
          const d = event.data as { type?: string; state?: string; params?: Float32Array | null };
          if (d?.type === 'frame')
            log.push({
              at: performance.now(),
              state: d.state ?? '',
              params: d.params != null,
              bytes: d.params ? d.params.byteLength : 0,
            });
        });
      }
    };
  });
  await page.goto(
    '/?layers=256,256,256,256&points=1000&speed=max&init=he&activation=relu&lr=0.000001',
  );
  await waitForStep(page, 0);
  for (const view of ['Show units', 'Show kinks', 'Show residuals', 'Show layers'])
    await page.getByLabel(view, { exact: true }).check();
  for (const l of [1, 2, 3, 4])
    await expect
      .poll(
        () =>
          page.evaluate(
            (id) =>
              document.querySelector<HTMLElement & { data?: unknown[] }>(`[data-testid="${id}"]`)
                ?.data?.length ?? 0,
            `layer-plot-${l}`,
          ),
        { timeout: 30_000 },
      )
      .toBe(1);
  await page.evaluate(() => {
    const w = window as unknown as { draws: string[] };
    w.draws = [];
    // Which draws took long (each draw leaves a User Timing entry, see src/app/drawTiming.ts).
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.duration > 20) w.draws.push(`${e.name} ${Math.round(e.duration)}`);
    }).observe({ type: 'measure' });
  });
  const from = await page.evaluate(() => performance.now());
  const stepFrom = Number(await page.getByTestId('step').textContent());
  const cdp = await page.context().newCDPSession(page);
  // Thread time as well as the Long Tasks API's wall time: on a shared machine the renderer
  // is descheduled mid-task, and wall time then measures the host (see docs/page.md).
  const { cpu, wall } = await mainThreadTaskCpu(page, cdp, () => page.waitForTimeout(WATCH_MS));
  const stepTo = Number(await page.getByTestId('step').textContent());
  const draws = await page.evaluate(() => (window as unknown as { draws: string[] }).draws);
  const frames = (
    await page.evaluate(
      () =>
        (window as unknown as { frameLog: { at: number; state: string; params: boolean }[] })
          .frameLog,
    )
  ).filter((f) => f.at >= from && f.state === 'running');
  const withModel = frames.filter((f) => f.params);
  test.info().annotations.push({
    type: 'measured',
    description: `${stepTo - stepFrom} steps in ${WATCH_MS} ms; ${frames.length} running frames, ${withModel.length} with the parameters; longest task CPU ${Math.round(Math.max(...cpu))} ms; long tasks (wall) ${JSON.stringify(wall)}; draws over 20 ms ${JSON.stringify(draws)}`,
  });
  expect(stepTo).toBeGreaterThan(stepFrom);
  expect(frames.length).toBeGreaterThan(3);
  // The model goes along at most every FULL_PARAMS_INTERVAL_MS (250 ms) while training.
  for (let k = 1; k < withModel.length; k++)
    expect(withModel[k]!.at - withModel[k - 1]!.at).toBeGreaterThan(200);
  expect(Math.max(...cpu), 'longest main-thread task, CPU ms').toBeLessThan(LONG_TASK_MS);
  await waitForStep(page, stepTo);
  expect(consoleErrors).toEqual([]);
});
