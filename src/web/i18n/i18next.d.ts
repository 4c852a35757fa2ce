import 'i18next';
import type { Translations } from './zh-CN';

// Keys passed to t() are checked against the Chinese dictionary at compile time, so a page
// cannot ship a key that has no text.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translations };
  }
}
