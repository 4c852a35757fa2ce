import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import zhCN from './zh-CN';
import en from './en';

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
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language;
    document.title = i18n.t('app.documentTitle');
  }
}

// Chinese first: the people who use this every day are community and street staff.
const initial: Language = (typeof window !== 'undefined' && storedLanguage()) || 'zh-CN';

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN },
    en: { translation: en },
  },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});
applyToDocument(initial);

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
  await i18n.changeLanguage(language);
  applyToDocument(language);
}

export default i18n;
