import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { withPreset } from './actions';
import { App } from './App';
import { useAppStore } from './store';
import { presetFromLocation } from './urlPreset';
import './styles.css';

// A shared link like ?preset=square-relu opens that experiment (before the first run starts).
const preset = presetFromLocation();
if (preset) useAppStore.setState(withPreset(useAppStore.getState(), preset));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
