// The owner's home page cards of other modules, handed to the registry's owner home page by the
// app shell (App.tsx) as the dossier's tabs are (dossier-tabs.ts): the module list names the
// registry, so the registry's page reading it, or importing the modules that give the cards,
// would close a circle of imports.
import { createContext, useContext } from 'react';
import type { OwnerHomeCard } from './module';

// Without the shell's provider the home page shows only the registry's own cards.
export const OwnerHomeCardsContext = createContext<readonly OwnerHomeCard[]>([]);

export function useOwnerHomeCards(): readonly OwnerHomeCard[] {
  return useContext(OwnerHomeCardsContext);
}
