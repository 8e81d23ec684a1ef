// First: starts the worker before the heavy modules below are evaluated (see bootWorker.ts).
import './bootWorker';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';
import './lessonTools.css';
import { installLanguage } from './i18n';
import { applyStoredTheme } from './theme';
import { readUrlIntoStore, syncUrlFromStore } from './urlSync';

// The link decides the first run's settings; from then on the address bar follows the settings.
readUrlIntoStore();
installLanguage();
syncUrlFromStore();
applyStoredTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
