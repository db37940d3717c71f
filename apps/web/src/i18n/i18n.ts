import { UI_LANGUAGES, type UiLanguage } from '@vitrina/contracts';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { mergeTranslations, staffParts, visitorTranslations } from './resources';

const STORAGE_KEY = 'vitrina.language';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The saved choice, else the browser's first supported language, else Russian. */
export function initialLanguage(saved: string | null, browser: readonly string[]): UiLanguage {
  if (isUiLanguage(saved)) return saved;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isUiLanguage(base)) return base;
  }
  return 'ru';
}

function readSaved(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function setUiLanguage(language: UiLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  void i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  // Copies: i18next merges the staff parts into the trees it is given, and the base must stay the visitors' alone.
  resources: { en: { translation: structuredClone(visitorTranslations.en) }, ru: { translation: structuredClone(visitorTranslations.ru) } },
  lng: initialLanguage(readSaved(), typeof navigator === 'undefined' ? [] : navigator.languages),
  fallbackLng: 'ru',
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});

let staffLoaded: Promise<void> | undefined;

/**
 * Adds the staff pages' sentences (both UI languages, so switching language
 * on a staff page needs no wait); staff routes await it before they render.
 */
export function loadStaffTranslations(): Promise<void> {
  staffLoaded ??= Promise.all(
    (['en', 'ru'] as const).map(async (lang) => {
      const parts = await staffParts(lang);
      // Refuses a part that redefines a visitor key, as the merge of parts among themselves does.
      mergeTranslations(visitorTranslations[lang], parts);
      i18n.addResourceBundle(lang, 'translation', parts, true, false);
    }),
  ).then(() => undefined);
  return staffLoaded;
}

export default i18n;
