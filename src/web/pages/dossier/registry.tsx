import type { ComponentType, ReactNode } from 'react';
import type { Dossier, DossierSection, Permission, SessionUser } from '../../api/types';

/**
 * The dossier (一小区一档案, T/ZAS 4006.1—2020 6.1.3.2) "shows everything the other modules hold
 * about a quarter". Each module adds its part in two places:
 *
 * 1. the server puts a section `{key, title, ...}` into `GET /api/quarters/:id/dossier` →
 *    `sections`;
 * 2. the web app registers a component for that key here:
 *
 *      registerDossierSection({
 *        key: 'organizations',
 *        order: 100,
 *        component: OrganizationsSection,   // receives {quarterId, dossier, section, user}
 *      });
 *
 *    from a module's own file that is imported once in sections/index.ts.
 *
 * A section the server sends without a registered component still shows up, rendered by
 * GenericSection (its title and summary figures), so that a new server module is visible before
 * its pages exist. A registered component whose section the server does not send is hidden:
 * the server decides what the caller may see.
 */
export interface DossierTabProps {
  quarterId: string;
  dossier: Dossier;
  user: SessionUser;
  /** The server's section for tabs of other modules; undefined for the registry's own tabs. */
  section?: DossierSection;
}

export interface DossierTabDefinition {
  key: string;
  /** Tab label, called at render time so it follows the language; defaults to the section's title. */
  label?: () => ReactNode;
  /** Lower comes first. The registry's own tabs use 10–40 before and 900–950 after the sections. */
  order: number;
  /** Hide the tab unless the user's `permissions` include this. */
  permission?: Permission;
  component: ComponentType<DossierTabProps>;
}

const sectionComponents = new Map<string, DossierTabDefinition>();

export function registerDossierSection(definition: DossierTabDefinition): void {
  sectionComponents.set(definition.key, definition);
}

export function sectionDefinition(key: string): DossierTabDefinition | undefined {
  return sectionComponents.get(key);
}
