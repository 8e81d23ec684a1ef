/**
 * At 4 hidden layers of 256 units on 1,000 points, training flat out with every view on
 * (Show layers included), the page stays smooth, no running frame carries the model
 * (core/framePolicy), and the network panel's strips still follow the training.
 */
import { expect, test, waitForStep } from './helpers';
import { mainThreadTaskCpu } from './mainThread';

/** A long task, by the Long Tasks API's own definition, ms. */
const LONG_TASK_MS = 50;
/** How long training is watched, ms. */
const WATCH_MS = 8000;

/** What the network panel's strips show: each strip's pixels and scale, and the output bias. */
function panelStrips(): string[] {
  const panel = document.querySelector('[data-testid="network-panel"]')!;
  const canvases = [...panel.querySelectorAll<HTMLCanvasElement>('.strip-canvas')];
  const texts = [...panel.querySelectorAll('.strip-scale, [data-testid="output-bias"]')];
  return [...canvases.map((c) => c.toDataURL()), ...texts.map((t) => t.textContent ?? '')];
}

test('4 x 256 units on 1,000 points with every view on: no long task while training, no running frame with the model, and live strips', async ({
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
          /** Bytes of every typed array the frame holds: what crossing to the page costs. */
          const bytesOf = (v: unknown): number => {
            if (ArrayBuffer.isView(v)) return v.byteLength;
            if (v && typeof v === 'object')
              return Object.values(v).reduce<number>((sum, x) => sum + bytesOf(x), 0);
            return 0;
          };
          if (d?.type === 'frame')
            log.push({
              at: performance.now(),
              state: d.state ?? '',
              params: d.params != null,
              bytes: bytesOf(d),
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
    const w = window as unknown as { draws: string[]; panelDraws: number[] };
    w.draws = [];
    w.panelDraws = [];
    // Which draws took long (each draw leaves a User Timing entry, see src/app/drawTiming.ts).
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.duration > 20) w.draws.push(`${e.name} ${Math.round(e.duration)}`);
        if (e.name === 'draw:network-panel') w.panelDraws.push(e.duration);
      }
    }).observe({ type: 'measure' });
  });
  const stripsFrom = await page.evaluate(panelStrips);
  const from = await page.evaluate(() => performance.now());
  const stepFrom = Number(await page.getByTestId('step').textContent());
  const cdp = await page.context().newCDPSession(page);
  // Thread time as well as the Long Tasks API's wall time: on a shared machine the renderer
  // is descheduled mid-task, and wall time then measures the host (see docs/page.md).
  const { cpu, wall } = await mainThreadTaskCpu(page, cdp, () => page.waitForTimeout(WATCH_MS));
  const stepTo = Number(await page.getByTestId('step').textContent());
  const stripsTo = await page.evaluate(panelStrips);
  const changed = stripsTo.filter((s, i) => s !== stripsFrom[i]).length;
  const draws = await page.evaluate(() => (window as unknown as { draws: string[] }).draws);
  const panelDraws = await page.evaluate(
    () => (window as unknown as { panelDraws: number[] }).panelDraws,
  );
  const panelMs = [...panelDraws].sort((a, b) => a - b);
  const frames = (
    await page.evaluate(
      () =>
        (
          window as unknown as {
            frameLog: { at: number; state: string; params: boolean; bytes: number }[];
          }
        ).frameLog,
    )
  ).filter((f) => f.at >= from && f.state === 'running');
  const withModel = frames.filter((f) => f.params);
  const bytes = frames.map((f) => f.bytes);
  test.info().annotations.push({
    type: 'measured',
    description: `${stepTo - stepFrom} steps in ${WATCH_MS} ms; ${frames.length} running frames, ${withModel.length} with the parameters; ${changed} of ${stripsTo.length} strip readouts changed; frame bytes min ${Math.min(...bytes)} max ${Math.max(...bytes)} mean ${Math.round(bytes.reduce((a, b) => a + b, 0) / bytes.length)}; longest task CPU ${Math.round(Math.max(...cpu))} ms; long tasks (wall) ${JSON.stringify(wall)}; panel draws ${panelMs.length}, median ${panelMs[panelMs.length >> 1]?.toFixed(2)} ms, max ${panelMs.at(-1)?.toFixed(2)} ms; draws over 20 ms ${JSON.stringify(draws)}`,
  });
  expect(stepTo).toBeGreaterThan(stepFrom);
  expect(frames.length).toBeGreaterThan(3);
  // No running frame carries the model: the panel draws from each frame's picture.
  expect(withModel).toEqual([]);
  // 9 strips (w1, b1, ‖w‖ and b of layers 2 to 4, w5), their scales and b5: some changed.
  expect(stripsFrom).toHaveLength(19);
  expect(changed).toBeGreaterThan(0);
  expect(Math.max(...cpu), 'longest main-thread task, CPU ms').toBeLessThan(LONG_TASK_MS);
  await waitForStep(page, stepTo);
  expect(consoleErrors).toEqual([]);
});
