/** Theme picker: follow the system, or always light, or always dark. */
import { useId } from 'react';
import { useAppStore } from './store';
import { setThemeChoice, type ThemeChoice } from './theme';
import { useT } from './i18n';

const CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

export function ThemeSwitch() {
  const id = useId();
  const t = useT();
  const choice = useAppStore((s) => s.themeChoice);
  return (
    <span className="header-select">
      <label htmlFor={id}>{t.theme}</label>
      <select
        id={id}
        value={choice}
        onChange={(e) => setThemeChoice(e.target.value as ThemeChoice)}
      >
        {CHOICES.map((c) => (
          <option key={c} value={c}>
            {t.themeNames[c]}
          </option>
        ))}
      </select>
    </span>
  );
}
