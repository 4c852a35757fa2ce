// Cases (诉求): the web side's descriptor. Staff work their queue at a desk; owners and anyone
// with the quarter's QR code raise and follow cases on a phone (the public pages load no antd).
import { lazy } from 'react';
import i18n from '../../i18n';
import { dashboardCard, type MenuGroup, type WebModule } from '../module';

// The four desks of the module under one heading of the staff menu.
const group: MenuGroup = { key: 'cases-group', icon: 'solution', label: () => i18n.t('cases.menuGroup') };

export const casesModule: WebModule = {
  key: 'cases',
  routes: [
    { path: 'cases', area: 'staff', page: lazy(() => import('./pages/CaseListPage')) },
    { path: 'cases/:id', area: 'staff', page: lazy(() => import('./pages/CaseDetailPage')) },
    { path: 'hazards', area: 'staff', page: lazy(() => import('./pages/HazardsPage')) },
    { path: 'disputes', area: 'staff', page: lazy(() => import('./pages/DisputesPage')) },
    { path: 'patrols', area: 'staff', page: lazy(() => import('./pages/PatrolPage')) },
    { path: 'emergency', area: 'staff', page: lazy(() => import('./pages/EmergencyPage')) },
    { path: '/me/cases', area: 'owner', page: lazy(() => import('./pages/OwnerCasesPage')) },
    // The quarter's public board links here (码上办): raise without an account, follow by code.
    { path: '/q/:quarterId/raise', area: 'public', page: lazy(() => import('./pages/PublicRaisePage')) },
    { path: '/t/:trackingCode', area: 'public', page: lazy(() => import('./pages/PublicTrackPage')) },
    // The mediation agreement on A4 (调解协议书): the page alone, for the browser's print; it reads
    // the dispute with the staff member's session.
    { path: '/print/disputes/:id', area: 'public', page: lazy(() => import('./pages/PrintAgreementPage')) },
  ],
  menu: [
    { key: 'cases', path: '/cases', icon: 'solution', order: 45, permission: 'cases.read', label: () => i18n.t('cases.menu'), group },
    { key: 'hazards', path: '/hazards', icon: 'safety', order: 46, permission: 'hazards.read', label: () => i18n.t('cases.hazards.menu'), group },
    { key: 'patrols', path: '/patrols', icon: 'audit', order: 48, permission: 'patrols.read', label: () => i18n.t('cases.patrols.menu'), group },
    { key: 'disputes', path: '/disputes', icon: 'team', order: 47, permission: 'disputes.read', label: () => i18n.t('cases.disputes.menu'), group },
    // Emergency plans and drills (T/ZAS 4006.1—2020 6.2.4.1): whoever reads the hazards reads them.
    { key: 'emergency', path: '/emergency', icon: 'safety', order: 49, permission: 'hazards.read', label: () => i18n.t('cases.emergency.menu'), group },
  ],
  // The server's dossier section 'cases' (open, overdue, escalated) is drawn by the generic section.
  dossierSections: [],
  ownerHome: [{ key: 'cases', order: 30, component: lazy(() => import('./pages/OwnerCasesCard')) }],
  // The offices' dashboard: the overdue cases, and the three rates with their table per place.
  dashboard: [
    dashboardCard({ key: 'cases-overdue', aggregate: 'cases', order: 10, component: lazy(() => import('./pages/DashboardCards').then((m) => ({ default: m.OverdueCasesCard }))) }),
    dashboardCard({ key: 'cases-rates', aggregate: 'cases', order: 30, wide: true, component: lazy(() => import('./pages/DashboardCards').then((m) => ({ default: m.RatesCard }))) }),
  ],
};
