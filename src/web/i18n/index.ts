import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from './zh-CN';
import { isTextModule, moduleDictionaries, type TextModule } from './modules';

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

const moduleLoading = new Map<TextModule, Promise<void>>();

/**
 * Loads the Chinese texts of a module (a key without its own dictionary, e.g. the registry's,
 * whose texts are the shell's, resolves at once). The same promise is returned for a module
 * until it fails, so that a suspended page waits on one download.
 */
export function loadModuleTexts(key: string): Promise<void> {
  if (!isTextModule(key)) return Promise.resolve();
  let done = moduleLoading.get(key);
  if (!done) {
    done = moduleDictionaries[key]().then((dictionary) => {
      i18n.addResourceBundle('zh-CN', 'translation', { [key]: dictionary.default }, true, true);
    });
    done.catch(() => moduleLoading.delete(key));
    moduleLoading.set(key, done);
  }
  return done;
}

const groups = new Map<string, Promise<void>>();

/** One promise per set of modules, stable across renders (React's use() needs that). */
export function moduleTextsReady(keys: readonly string[]): Promise<void> {
  const id = [...keys].sort().join(',');
  let done = groups.get(id);
  if (!done) {
    done = Promise.all(keys.map(loadModuleTexts)).then(() => undefined);
    done.catch(() => groups.delete(id));
    groups.set(id, done);
  }
  return done;
}

/** Every module's texts: the staff and owners' frames show several modules at once. */
export const ALL_TEXT_MODULES: readonly string[] = Object.keys(moduleDictionaries);

export default i18n;
