// The registry (小区档案): quarters, their dossier, the owners' own page. The web side's descriptor.
import { lazy } from 'react';
import i18n from '../../i18n';
import type { WebModule } from '../module';

const QuarterFormPage = lazy(() => import('./pages/QuarterFormPage'));

export const registryModule: WebModule = {
  key: 'registry',
  routes: [
    { path: '', area: 'staff', page: lazy(() => import('./pages/HomePage')) },
    { path: 'quarters', area: 'staff', page: lazy(() => import('./pages/QuarterListPage')) },
    { path: 'quarters/new', area: 'staff', page: QuarterFormPage },
    { path: 'quarters/:id', area: 'staff', page: lazy(() => import('./pages/dossier/DossierPage')) },
    { path: 'quarters/:id/edit', area: 'staff', page: QuarterFormPage },
    { path: '/me', area: 'owner', page: lazy(() => import('./pages/OwnerHomePage')) },
  ],
  menu: [
    { key: 'home', path: '/', icon: 'home', order: 10, label: () => i18n.t('menu.home') },
    { key: 'quarters', path: '/quarters', icon: 'profile', order: 20, label: () => i18n.t('menu.quarters') },
  ],
  dossierSections: [],
};

// Types only: a value re-exported here would put the registry's queries into the app shell.
export type { Dossier, DossierSection } from './api';
