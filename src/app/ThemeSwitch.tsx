/** Theme picker: follow the system, or always light, or always dark. */
import { useId } from 'react';
import { useAppStore } from './store';
import { setThemeChoice, type ThemeChoice } from './theme';

const CHOICES: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

export function ThemeSwitch() {
  const id = useId();
  const choice = useAppStore((s) => s.themeChoice);
  return (
    <span className="header-select">
      <label htmlFor={id}>Theme</label>
      <select id={id} value={choice} onChange={(e) => setThemeChoice(e.target.value as ThemeChoice)}>
        {(Object.keys(CHOICES) as ThemeChoice[]).map((c) => (
          <option key={c} value={c}>
            {CHOICES[c]}
          </option>
        ))}
      </select>
    </span>
  );
}
