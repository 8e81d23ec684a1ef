/** Main-thread task times in the browser, for the performance tests. */
import type { CDPSession, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  /** Thread CPU time, µs. */
  tdur?: number;
  args?: { name?: string };
}

/**
 * The main-thread CPU time (thread time, µs -> ms) of each task while `act` runs and the
 * page settles. Thread time, not wall time: on a loaded machine the renderer is often
 * descheduled in the middle of a task, which makes wall-clock long tasks measure the host.
 */
export async function mainThreadTaskCpu(
  page: Page,
  cdp: CDPSession,
  act: () => Promise<void>,
): Promise<{ cpu: number[]; wall: number[] }> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }) => events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', 'disabled-by-default-devtools.timeline'] },
    transferMode: 'ReportEvents',
  });
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask' });
  });
  await act();
  await page.waitForTimeout(2000);
  const wall = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', collect);
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasks = events.filter(
    (e) =>
      e.name === 'RunTask' && e.ph === 'X' && mains.some((m) => m.pid === e.pid && m.tid === e.tid),
  );
  return { cpu: tasks.map((t) => (t.tdur ?? 0) / 1000), wall };
}
