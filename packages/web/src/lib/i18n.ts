import { LOCALES, type Locale } from '@shoreline/server/contract';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../i18n/locales/en.json';
import he from '../i18n/locales/he.json';
import hu from '../i18n/locales/hu.json';
import lv from '../i18n/locales/lv.json';
import tr from '../i18n/locales/tr.json';
import { icuPostProcessor } from './icuPlural';

const STORAGE_KEY = 'shoreline.locale';
const RTL: ReadonlySet<Locale> = new Set(['he']);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The locale to use before anyone signs in: the stored choice, else the browser's, else English. */
function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage blocked: fall through
  }
  for (const tag of navigator.languages ?? []) {
    const base = tag.split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

export function applyDocumentLocale(locale: Locale): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = RTL.has(locale) ? 'rtl' : 'ltr';
}

/** Switches the UI language, updates <html lang dir>, and remembers it on this device. */
export async function setLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
  applyDocumentLocale(locale);
  await i18n.changeLanguage(locale);
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}

const start = initialLocale();
applyDocumentLocale(start);

void i18n
  .use(initReactI18next)
  .use(icuPostProcessor)
  .init({
    resources: {
      en: { translation: en },
      tr: { translation: tr },
      he: { translation: he },
      hu: { translation: hu },
      lv: { translation: lv },
    },
    lng: start,
    fallbackLng: 'en',
    supportedLngs: LOCALES,
    interpolation: { escapeValue: false },
    returnNull: false,
    // Plurals are ICU messages in the catalogs (lib/icuPlural.ts).
    postProcess: ['icu'],
  });

export default i18n;
