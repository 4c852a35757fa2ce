// The dashboard's cards of the modules, handed to the organisations module's dashboard page by the
// app shell (App.tsx) as the dossier's tabs are (dossier-tabs.ts): the page importing the module
// list, or the modules that give the cards, would close a circle of imports.
import { createContext, useContext } from 'react';
import type { DashboardCard } from './module';

// Without the shell's provider the dashboard shows only the platform's figures.
export const DashboardCardsContext = createContext<readonly DashboardCard[]>([]);

export function useDashboardCards(): readonly DashboardCard[] {
  return useContext(DashboardCardsContext);
}
