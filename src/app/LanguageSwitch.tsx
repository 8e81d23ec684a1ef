/** Language picker in the header: English or Chinese, kept across visits. */
import { useId } from 'react';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, setLanguage, useLanguage, useT } from './i18n';

export function LanguageSwitch() {
  const id = useId();
  const t = useT();
  const language = useLanguage((s) => s.language);
  return (
    <span className="header-select">
      <label htmlFor={id}>{t.language}</label>
      <select
        id={id}
        value={language}
        onChange={(e) => isLanguage(e.target.value) && setLanguage(e.target.value)}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l === 'zh' ? 'zh-CN' : 'en'}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  );
}
