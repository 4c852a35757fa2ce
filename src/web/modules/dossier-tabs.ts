// The dossier's tabs of other modules, handed to the registry's dossier page by the app shell
// (App.tsx) instead of being looked up in the module list (modules/index.ts): that list names
// the registry, so the registry's page reading it would close a circle of imports.
import { createContext, useContext } from 'react';
import type { DossierTabDefinition } from './module';

/** The dossier tab a module gives for a section the server sent, if any. */
export type DossierTabLookup = (key: string) => DossierTabDefinition | undefined;

// Without the shell's provider every section falls back to GenericSection.
export const DossierTabsContext = createContext<DossierTabLookup>(() => undefined);

export function useDossierTabs(): DossierTabLookup {
  return useContext(DossierTabsContext);
}
