/**
 * Keyboard shortcuts: Space play/pause, S step, R reset (of the comparison while one is
 * open). Ignored while a control has focus, so typing a value or pressing a focused button
 * never triggers them twice.
 */
import { resetRun, stepOnce, togglePlaying } from './actions';
import { activeCompareShortcuts } from './compare/mode';

const ACTIONS: Record<string, () => void> = {
  ' ': togglePlaying,
  s: stepOnce,
  r: resetRun,
};

function isInteractive(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.closest('input, select, textarea, button, a[href], [role="dialog"]') !== null
  );
}

/** Installs the shortcuts on window; returns the uninstall. */
export function installShortcuts(): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    // While a comparison is open the same keys act on all its runs.
    const action = (activeCompareShortcuts() ?? ACTIONS)[event.key.toLowerCase()];
    if (!action || isInteractive(event.target)) return;
    event.preventDefault();
    action();
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}
