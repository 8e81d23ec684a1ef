/**
 * The one module that imports Plotly (the official basic bundle: scatter is all we draw).
 * Only plotlyLoader.ts imports it, dynamically: Plotly is a chunk of its own.
 */
import Plotly from 'plotly.js-basic-dist-min';

export { Plotly };
export type PlotlyApi = typeof Plotly;
