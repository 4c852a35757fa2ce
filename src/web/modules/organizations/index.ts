// Organisations (组织建设): the web side's descriptor.
import { lazy } from 'react';
import i18n from '../../i18n';
import type { WebModule } from '../module';

export const organizationsModule: WebModule = {
  key: 'organizations',
  routes: [
    { path: 'organizations', area: 'staff', page: lazy(() => import('./pages/ActionsPage')) },
    // The offices' supervision dashboard: the cards come from every module (dashboard-cards.ts).
    { path: 'dashboard', area: 'staff', page: lazy(() => import('./pages/DashboardPage')) },
  ],
  menu: [
    { key: 'organizations', path: '/organizations', icon: 'solution', order: 30, permission: 'organizations.read', label: () => i18n.t('organizations.menu') },
    { key: 'dashboard', path: '/dashboard', icon: 'dashboard', order: 12, permission: 'dashboard.read', label: () => i18n.t('organizations.dashboard.menu') },
  ],
  // The server sends the section 'organizations' to those who may read organisations.
  dossierSections: [
    { key: 'organizations', order: 100, label: () => i18n.t('organizations.tab'), component: lazy(() => import('./pages/OrganizationsSection').then((m) => ({ default: m.OrganizationsSection }))) },
  ],
};
