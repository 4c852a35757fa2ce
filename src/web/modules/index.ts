// Every web module, in one list: the app shell takes their routes and menu entries from here,
// and the dossier its tabs (the server side's list is in src/server/app.ts).
import type { DashboardCard, DossierTabDefinition, MenuEntry, OwnerHomeCard, WebModule } from './module';
import { organizationsModule } from './organizations';
import { registryModule } from './registry';
import { votingModule } from './voting';
import { boardModule } from './board';
import { deliberationModule } from './deliberation';
import { financeModule } from './finance';
import { casesModule } from './cases';

export const webModules: readonly WebModule[] = [registryModule, organizationsModule, votingModule, boardModule, deliberationModule, financeModule, casesModule];

/** Every module's routes, each with the key of its module (whose texts load with the page). */
export const moduleRoutes = webModules.flatMap((m) => m.routes.map((r) => ({ ...r, module: m.key })));
export const moduleMenu: readonly MenuEntry[] = webModules.flatMap((m) => m.menu);

/** The modules' cards on the owner's home page, in their order (the shell hands them to the page: owner-home-cards.ts). */
export const ownerHomeCards: readonly OwnerHomeCard[] = webModules.flatMap((m) => m.ownerHome ?? []).sort((a, b) => a.order - b.order);

/** The modules' cards on the offices' dashboard, in their order (the shell hands them to the page: dashboard-cards.ts). */
export const dashboardCards: readonly DashboardCard[] = webModules.flatMap((m) => m.dashboard ?? []).sort((a, b) => a.order - b.order);

const sections = new Map<string, DossierTabDefinition>(webModules.flatMap((m) => m.dossierSections.map((s) => [s.key, s] as const)));

/** The dossier tab a module gives for a section the server sent, if any (the shell hands it to the dossier page: dossier-tabs.ts). */
export function dossierSectionOf(key: string): DossierTabDefinition | undefined {
  return sections.get(key);
}
