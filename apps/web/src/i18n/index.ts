import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { admin } from './messages/admin';
import { common } from './messages/common';
import { domain } from './messages/domain';
import { manager } from './messages/manager';
import { mentor } from './messages/mentor';
import { owner } from './messages/owner';

/** English first; Bahasa Indonesia complete (the types in define.ts hold every key to both). */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'id', name: 'Bahasa Indonesia' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

const areas = { common, domain, owner, mentor, manager, admin };
const resources = Object.fromEntries(
  LANGUAGES.map(({ code }) => [
    code,
    { translation: Object.fromEntries(Object.entries(areas).map(([name, m]) => [name, m[code]])) },
  ]),
);

const STORAGE_KEY = 'mentorlink.language';

function initialLanguage(): LanguageCode {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  if (stored && LANGUAGES.some((l) => l.code === stored)) return stored as LanguageCode;
  const browser = typeof navigator === 'undefined' ? '' : navigator.language.slice(0, 2);
  return LANGUAGES.some((l) => l.code === browser) ? (browser as LanguageCode) : 'en';
}

/** Sets up i18next once; `onMissingKey` lets tests fail on a key no language has. */
export function setupI18n(options: { language?: LanguageCode; onMissingKey?: (key: string) => void } = {}) {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources,
      lng: options.language ?? initialLanguage(),
      fallbackLng: 'en',
      interpolation: { escapeValue: false }, // React escapes
      initAsync: false,
      saveMissing: Boolean(options.onMissingKey),
      missingKeyHandler: options.onMissingKey ? (_lngs, _ns, key) => options.onMissingKey!(key) : undefined,
    });
  } else if (options.language) {
    void i18next.changeLanguage(options.language);
  }
  document.documentElement.lang = i18next.language;
  return i18next;
}

export async function changeLanguage(code: LanguageCode): Promise<void> {
  await i18next.changeLanguage(code);
  localStorage.setItem(STORAGE_KEY, code);
  document.documentElement.lang = code;
}
