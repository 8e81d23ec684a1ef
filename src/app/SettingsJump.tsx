/**
 * On a narrow screen the run comes first and its settings follow, several screens down: a
 * button that stays at hand jumps to them, and from them back to the plots. Hidden on
 * wide screens (styles/narrow.css), where the settings sit beside the plots.
 */
import { useEffect, useState } from 'react';
import { useT } from './i18n';

/** Share of the settings panel on screen above which the button offers the way back. */
const IN_VIEW_RATIO = 0.2;

function jumpTo(target: HTMLElement | null): void {
  if (!target) return;
  const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  target.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'start' });
  // Keyboard and screen-reader users land where the page went.
  target.focus({ preventScroll: true });
}

export function SettingsJump() {
  const t = useT();
  const [settingsInView, setSettingsInView] = useState(false);
  useEffect(() => {
    const panel = document.getElementById('settings');
    if (!panel) return;
    const observer = new IntersectionObserver(
      ([entry]) => setSettingsInView(entry!.intersectionRatio > IN_VIEW_RATIO),
      {
        threshold: [0, IN_VIEW_RATIO, 1],
      },
    );
    observer.observe(panel);
    return () => observer.disconnect();
  }, []);
  return (
    <button
      type="button"
      className="settings-jump"
      data-testid="settings-jump"
      onClick={() => jumpTo(document.getElementById(settingsInView ? 'plots' : 'settings'))}
    >
      <span aria-hidden="true">{settingsInView ? '↑' : '↓'}</span>
      {settingsInView ? t.jumpToPlots : t.jumpToSettings}
    </button>
  );
}
