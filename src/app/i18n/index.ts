/**
 * Two languages without a library: the dictionaries, the chosen language in a small store,
 * `useT()` for components and `t()` for code outside React. The choice is kept in
 * localStorage and shown in `<html lang>`; the first visit follows the browser.
 */
import { create } from 'zustand';
import { en, type Messages } from './en';
import { zh } from './zh';

export type { Messages };
export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the switch. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', zh: '中文' };
/** BCP 47 tag for `<html lang>`. */
const HTML_LANG: Record<Language, string> = { en: 'en', zh: 'zh-CN' };
const DICTIONARIES: Record<Language, Messages> = { en, zh };
const STORAGE_KEY = 'backprop-playground.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The stored choice, else the browser's first language when it is Chinese, else English. */
export function initialLanguage(stored: string | null, browser: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  return browser[0]?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: the browser's language still applies
  }
}

export const useLanguage = create<{ language: Language }>()(() => ({ language: 'en' }));

function apply(language: Language): void {
  document.documentElement.lang = HTML_LANG[language];
  document.title = DICTIONARIES[language].title;
  useLanguage.setState({ language });
}

/** Picks the language on start-up (call before the first render). */
export function installLanguage(): void {
  const browser = navigator.languages?.length ? navigator.languages : [navigator.language];
  apply(initialLanguage(readStored(), browser));
}

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not kept across visits, but applied now.
  }
  apply(language);
}

/** The messages in force, for components (re-renders on a language change). */
export function useT(): Messages {
  return DICTIONARIES[useLanguage((s) => s.language)];
}

/** The messages in force, for code outside React (read at call time). */
export function t(): Messages {
  return DICTIONARIES[useLanguage.getState().language];
}

/** The dictionary of one language (tests). */
export function messagesFor(language: Language): Messages {
  return DICTIONARIES[language];
}
