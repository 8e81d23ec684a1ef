/**
 * The page's entry, kept small on purpose: it reads the settings, starts the first run in
 * the training worker, and only then loads the app (React's DOM) and Plotly, two chunks of
 * their own that the HTML preloads. A Chromium worker cannot start while the page's thread
 * is busy, and evaluating the app is one long task: this way the worker loads, compiles its
 * kernel and trains the first steps meanwhile, and the first frame is waiting when the plots
 * first draw. The app renders while Plotly, much the larger, is still being compiled.
 */
import './styles/index.css';
import { startPlayground, stopPlayground } from './actions';
import { installLanguage } from './i18n';
import { showLoadFailure } from './loadFailure';
import { loadPlotly } from './plots/plotlyLoader';
import { applyStoredTheme } from './theme';
import { openLinkedComparison, readUrlIntoStore, syncUrlFromStore } from './urlSync';

// The link decides the first run's settings; from then on the address bar follows the settings.
readUrlIntoStore();
installLanguage();
syncUrlFromStore();
applyStoredTheme();
startPlayground();
openLinkedComparison();
void loadPlotly();

import('./start').catch((error: unknown) => {
  stopPlayground();
  showLoadFailure();
  console.error(error); // a bug in the app's code lands here too: keep its reason
});
