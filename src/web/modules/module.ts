// What a web module adds to the app, said in one place: its descriptor (modules/<m>/index.ts),
// listed in modules/index.ts. The web side of the server's module template (platform/module.ts):
// nothing registers itself as a side effect of an import.
//
// The descriptors are read by the app shell, which loads no antd: pages and dossier tabs are
// given as lazy components, and menu icons by name (components/AppLayout.tsx draws them).
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Permission, SessionUser } from '../api/types';
import type { z } from 'zod';
import type { Wire } from '../../contracts/common';
import type { dossierSchema } from '../../contracts/registry';
import type { dashboardView } from '../../contracts/dashboard';

// The dossier as its tabs receive it, from the contract (not from the registry's web module,
// whose descriptor is itself a WebModule: that would close a circle of imports).
type Dossier = Wire<z.output<typeof dossierSchema>>;
type DossierSection = Dossier['sections'][number];

/**
 * Who reaches a route: `staff` inside the staff frame (menu, header), `owner` inside the
 * owners' phone frame, `public` with no login and no frame.
 */
export type RouteArea = 'staff' | 'owner' | 'public';

export interface WebRoute {
  /** React Router path; staff paths are relative to the staff frame (`votes/:id`). */
  path: string;
  area: RouteArea;
  page: LazyExoticComponent<ComponentType>;
}

/** The icons the staff menu can draw (components/AppLayout.tsx). */
export type MenuIcon = 'home' | 'profile' | 'solution' | 'safety' | 'apartment' | 'audit' | 'team' | 'key' | 'dashboard';

/**
 * Entries of one module that the menu shows under one heading (a submenu), when the user sees
 * more than one of them; a single one stands alone.
 */
export interface MenuGroup {
  key: string;
  icon: MenuIcon;
  label: () => ReactNode;
}

export interface MenuEntry {
  /** Also the test id `menu-<key>`. */
  key: string;
  path: string;
  icon: MenuIcon;
  /** Lower comes first; the shell's own entries use 10 (home) and 50–80. */
  order: number;
  label: () => ReactNode;
  /** Shown only to users whose `permissions` include this; undefined = every staff user. */
  permission?: Permission;
  /** The heading it is shown under, at the place of the group's first entry. */
  group?: MenuGroup;
}

/**
 * A tab of the quarter dossier (一小区一档案, T/ZAS 4006.1—2020 6.1.3.2, "shows everything the
 * other modules hold about a quarter"). The server puts a section `{key, title, data}` into
 * `GET /api/quarters/:id/dossier` → `sections` for those who may see it; the module that owns
 * it gives the component for that key here. A section the server sends without a component
 * still shows up, rendered by GenericSection (its title and the plain figures of its `data`); a component whose
 * section the server does not send is hidden: the server decides what the caller may see.
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

/**
 * A card a module puts on the owner's home page (/me): the votes to take part in, the topics to
 * co-sign, the problems to report. Loaded on demand, so the shell stays light.
 */
export interface OwnerHomeCard {
  key: string;
  /** Lower comes first. */
  order: number;
  component: LazyExoticComponent<ComponentType>;
}

/** The supervision dashboard's answer (GET /api/dashboard), from the contract. */
export type DashboardView = Wire<z.output<typeof dashboardView>>;
export type DashboardAggregateKey = keyof DashboardView['aggregates'];

/** What a dashboard card receives: the place shown and its module's figures under the card's key. */
export interface DashboardCardProps<K extends DashboardAggregateKey = DashboardAggregateKey> {
  place: DashboardView['place'];
  figures: NonNullable<DashboardView['aggregates'][K]>;
}

/**
 * A card a module puts on the offices' supervision dashboard (工作台, /dashboard): it draws the
 * figures the module's server descriptor gives under `aggregate` (dashboardAggregates). The
 * dashboard shows a card only when the server sent its figures, so the server decides who sees
 * what; a module may give several cards of one aggregate. Loaded on demand.
 */
export interface DashboardCard {
  key: string;
  aggregate: DashboardAggregateKey;
  /** Lower comes first. */
  order: number;
  /** Two columns wide (a table) instead of one. */
  wide?: boolean;
  component: LazyExoticComponent<ComponentType<DashboardCardProps>>;
}

/** A card of one aggregate, its component typed by the aggregate's figures. */
export function dashboardCard<K extends DashboardAggregateKey>(card: Omit<DashboardCard, 'aggregate' | 'component'> & { aggregate: K; component: LazyExoticComponent<ComponentType<DashboardCardProps<K>>> }): DashboardCard {
  // The dashboard hands each card the figures under its own aggregate's key.
  return card as unknown as DashboardCard;
}

export interface WebModule {
  key: string;
  routes: WebRoute[];
  menu: MenuEntry[];
  dossierSections: DossierTabDefinition[];
  ownerHome?: OwnerHomeCard[];
  dashboard?: DashboardCard[];
}
