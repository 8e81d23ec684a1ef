/**
 * bench:page's deep scenario (issue #21): 1 -> 512 x 4 -> 1 on 2,000 points at full speed,
 * opened from a link. Over a window of training: the longest main-thread task, animation
 * frames per second and steps per second; then Pause, clicked as a person would, and how
 * many steps the page shows past the click once it says paused, and how long that took.
 */
import type { Page } from 'playwright-core';
import { mainThreadTaskCpu } from '../e2e/mainThread';
import { readBench, type Bench } from './pageInstrument';

/** The deep run's link: relu with He's init, a rate small enough not to diverge at this size. */
export const DEEP_QUERY =
  'layers=512,512,512,512&points=2000&speed=max&init=he&activation=relu&lr=0.0000001';
export const DEEP_LABEL = '1 -> 512 x 4 -> 1, N=2000, relu, speed max';

/** What the deep scenario measured. */
export interface DeepPageResult {
  longestTaskMs: number;
  /**
   * The longest main-thread task in thread CPU time (a trace): wall time on a busy machine
   * counts the time the renderer waited for a core (see e2e/mainThread.ts).
   */
  longestTaskCpuMs: number;
  longTasks: number;
  animationFramesPerSecond: number;
  stepsPerSecond: number;
  /** Steps the page showed when it said paused, minus the steps it showed at the click. */
  stepsAfterPause: number;
  /** From the click to the page saying paused, ms. */
  pauseMs: number;
  status: string | null;
}

/** What the page records of the Pause click, in the page's own clock. */
interface PauseTrace {
  clickStep: number;
  clickAt: number;
  pausedStep: number;
  pausedAt: number;
}

/**
 * Clicks Pause inside the page, reading the step shown at that instant, and watches the step
 * readout until it says paused (its data-state); resolves to a PauseTrace. Plain JavaScript
 * in a string, as INSTRUMENT (pageInstrument.ts): tsx would add helpers the page lacks.
 */
const PAUSE_IN_PAGE = `new Promise((resolve) => {
  const step = document.querySelector('[data-testid="step"]');
  const button = document.querySelector('.transport .buttons button.primary');
  if (button.textContent.trim() !== 'Pause') throw new Error('no Pause button: ' + button.textContent);
  const clickStep = Number(step.textContent);
  const clickAt = performance.now();
  button.click();
  const check = () => {
    if (step.dataset.state !== 'paused') return;
    observer.disconnect();
    resolve({ clickStep, clickAt, pausedStep: Number(step.textContent), pausedAt: performance.now() });
  };
  const observer = new MutationObserver(check);
  observer.observe(step, { attributes: true, characterData: true, childList: true, subtree: true });
  check();
})`;

/**
 * Opens the deep run on `page` (instrumented, see pageInstrument.ts) at `url`, lets it settle,
 * measures for windowMs, then pauses.
 */
export async function measureDeep(
  page: Page,
  url: string,
  settleMs: number,
  windowMs: number,
): Promise<DeepPageResult> {
  await page.goto(`${url}?${DEEP_QUERY}`);
  // Training under way: a few steps shown (each takes a fifth of a second or more).
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="step"]')?.textContent) >= 2,
    null,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(settleMs);
  const cdp = await page.context().newCDPSession(page);
  let b: Bench | null = null;
  let elapsed = 0;
  let steps = 0;
  // The trace goes on 2 s past the window, to finish the tasks under way; the counters are
  // read at the window's end.
  const { cpu } = await mainThreadTaskCpu(page, cdp, async () => {
    const stepBefore = Number(await page.getByTestId('step').textContent());
    await page.evaluate(() => {
      const b = (window as unknown as { __bench: Bench }).__bench;
      b.windowStart = performance.now();
      b.rafs = 0;
      b.longest = 0;
      b.tasks = [];
      b.measures = [];
    });
    await page.waitForTimeout(windowMs);
    b = await readBench(page);
    elapsed = (await page.evaluate(() => performance.now())) - b.windowStart;
    steps = Number(await page.getByTestId('step').textContent()) - stepBefore;
  });
  const window = b!;
  const status = await page.getByTestId('status').textContent();
  const pause = await page.evaluate<PauseTrace>(PAUSE_IN_PAGE);
  return {
    longestTaskMs: window.longest,
    longestTaskCpuMs: Math.max(0, ...cpu),
    longTasks: window.tasks.length,
    animationFramesPerSecond: (1000 * window.rafs) / elapsed,
    stepsPerSecond: (steps * 1000) / elapsed,
    stepsAfterPause: pause.pausedStep - pause.clickStep,
    pauseMs: pause.pausedAt - pause.clickAt,
    status,
  };
}
