import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlotlyApi } from './plotlyLoader';

// The loader keeps its state per page: each test gets a fresh module.
let loader: typeof import('./plotlyLoader');
beforeEach(async () => {
  vi.resetModules();
  loader = await import('./plotlyLoader');
});

const fakePlotly = { react: () => Promise.resolve() } as unknown as PlotlyApi;

describe('loading Plotly apart from the page', () => {
  it('loads once, however many plots ask, and hands out the module when it is in', async () => {
    const load = vi.fn(() => Promise.resolve({ Plotly: fakePlotly }));
    const first = loader.loadPlotly(load);
    const second = loader.loadPlotly(load);
    expect(await first).toEqual({ plotly: fakePlotly, failed: false });
    expect(await second).toEqual({ plotly: fakePlotly, failed: false });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a failed load is reported, its reason logged', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const load = vi.fn().mockRejectedValue(new Error('chunk gone'));
    expect(await loader.loadPlotly(load)).toEqual({ plotly: null, failed: true });
    expect(logged).toHaveBeenCalledWith(new Error('chunk gone'));
    logged.mockRestore();
  });
});
