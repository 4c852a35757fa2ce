import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from './zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'gongzhi.language';

export function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'en' || value === 'zh-CN' ? value : null;
  } catch {
    return null; // storage can be disabled (private mode, embedded browsers)
  }
}

function applyToDocument(language: Language): void {
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language;
    document.title = i18n.t('app.documentTitle');
  }
}

// Chinese first: the people who use this every day are community and street staff.
const initial: Language = (typeof window !== 'undefined' && storedLanguage()) || 'zh-CN';

// The Chinese texts come with the app; the English ones are loaded when English is chosen, so
// that a first visit in Chinese does not download them (antd's own texts: components/AntdShell).
const loading = new Map<Language, Promise<void>>();

function loadLanguage(language: Language): Promise<void> {
  if (language === 'zh-CN') return Promise.resolve();
  let done = loading.get(language);
  if (!done) {
    done = import('./en').then((dictionary) => {
      i18n.addResourceBundle(language, 'translation', dictionary.default, true, true);
    });
    // A failed download may be tried again on the next switch.
    done.catch(() => loading.delete(language));
    loading.set(language, done);
  }
  return done;
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});
applyToDocument('zh-CN');

/** Resolves when the language kept on this device is loaded and in use; main.tsx waits for it. */
export const i18nReady: Promise<void> =
  initial === 'zh-CN'
    ? Promise.resolve()
    : loadLanguage(initial)
        .then(() => i18n.changeLanguage(initial))
        .then(() => applyToDocument(initial))
        .catch(() => undefined); // offline or a failed download: stay in Chinese

export function currentLanguageOf(value: string | undefined): Language {
  return value?.startsWith('en') ? 'en' : 'zh-CN';
}

/** Switches the language and remembers the choice on this device. */
export async function changeLanguage(language: Language, remember = true): Promise<void> {
  if (remember) {
    try {
      window.localStorage.setItem(STORAGE_KEY, language);
    } catch {
      /* not remembered, still switched */
    }
  }
  await loadLanguage(language);
  await i18n.changeLanguage(language);
  applyToDocument(language);
}

export default i18n;
