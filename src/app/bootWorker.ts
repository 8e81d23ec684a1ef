/**
 * Imported first by main.tsx, so it runs before the modules that import Plotly are
 * evaluated: the training worker starts loading while the page's own bundle still runs.
 */
import { prestartWorker } from './workerClient';

prestartWorker();
