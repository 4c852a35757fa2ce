// The modules' Chinese dictionaries, each loaded when a page of its module is first shown
// (zh-CN.ts says why). The type makes a module added to ModuleTranslations list its loader here.
// English comes whole with en.ts, which is itself loaded only when English is chosen.
import type { ModuleTranslations } from './zh-CN';

type Loaders = { [K in keyof ModuleTranslations]: () => Promise<{ default: ModuleTranslations[K] }> };

export const moduleDictionaries: Loaders = {
  organizations: () => import('../modules/organizations/i18n/zh-CN'),
  voting: () => import('../modules/voting/i18n/zh-CN'),
  board: () => import('../modules/board/i18n/zh-CN'),
  deliberation: () => import('../modules/deliberation/i18n/zh-CN'),
  finance: () => import('../modules/finance/i18n/zh-CN'),
  cases: () => import('../modules/cases/i18n/zh-CN'),
};

export type TextModule = keyof ModuleTranslations;

export function isTextModule(key: string): key is TextModule {
  return Object.hasOwn(moduleDictionaries, key);
}
