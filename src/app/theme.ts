/**
 * Light and dark themes: follows the system setting until the user picks one, and keeps
 * the pick. The resolved theme is a data attribute on <html> (for CSS) and a store value
 * (for the plots, which draw their own colours).
 */
import { useAppStore } from './store';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'backprop-playground.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function storedChoice(): ThemeChoice {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system'; // storage can be disabled; the system setting still works
  }
}

function resolve(choice: ThemeChoice): Theme {
  if (choice !== 'system') return choice;
  return window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

function apply(choice: ThemeChoice): void {
  const theme = resolve(choice);
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
  useAppStore.setState({ themeChoice: choice, theme });
}

/**
 * Applies the stored choice (or the system's theme). main.tsx calls it before the first
 * render: the plots draw their first frame in the right colours, instead of drawing light
 * and then, when the theme arrived in an effect, drawing everything again.
 */
export function applyStoredTheme(): void {
  apply(storedChoice());
}

/** Applies the stored choice and follows system changes; returns the uninstall. */
export function installTheme(): () => void {
  applyStoredTheme();
  const media = window.matchMedia(DARK_QUERY);
  const onChange = () => {
    if (useAppStore.getState().themeChoice === 'system') apply('system');
  };
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

export function setThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Not kept across visits, but applied now.
  }
  apply(choice);
}
