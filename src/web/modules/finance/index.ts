// Finance and disclosure (资金管理, 公共收益): the web side's descriptor.
import { lazy } from 'react';
import i18n from '../../i18n';
import type { WebModule } from '../module';

export const financeModule: WebModule = {
  key: 'finance',
  routes: [
    { path: 'finance', area: 'staff', page: lazy(() => import('./pages/FinancePage')) },
    { path: 'finance/projects/:id', area: 'staff', page: lazy(() => import('./pages/ProjectPage')) },
  ],
  menu: [{ key: 'finance', path: '/finance', icon: 'audit', order: 45, permission: 'finance.read', label: () => i18n.t('finance.menu') }],
  // The server sends the section 'finance' to those who may read the ledger.
  dossierSections: [{ key: 'finance', order: 300, label: () => i18n.t('finance.tab'), permission: 'finance.read', component: lazy(() => import('./pages/FinanceSection')) }],
};
