// Deliberation (议事协商) and joint meetings (三方联席会议): the web side's descriptor.
import { lazy } from 'react';
import i18n from '../../i18n';
import { dashboardCard, type MenuGroup, type WebModule } from '../module';

// Proposals, joint meetings and livelihood projects under one heading of the staff menu.
const group: MenuGroup = { key: 'deliberation-group', icon: 'solution', label: () => i18n.t('deliberation.menu.group') };

export const deliberationModule: WebModule = {
  key: 'deliberation',
  routes: [
    { path: 'proposals', area: 'staff', page: lazy(() => import('./pages/ProposalListPage')) },
    { path: 'proposals/:id', area: 'staff', page: lazy(() => import('./pages/ProposalDetailPage')) },
    { path: 'meetings', area: 'staff', page: lazy(() => import('./pages/MeetingListPage')) },
    { path: 'meetings/:id', area: 'staff', page: lazy(() => import('./pages/MeetingDetailPage')) },
    { path: 'actions/:id', area: 'staff', page: lazy(() => import('./pages/ActionDetailPage')) },
    { path: 'livelihood', area: 'staff', page: lazy(() => import('./pages/LivelihoodPage')) },
    { path: '/me/topics', area: 'owner', page: lazy(() => import('./pages/OwnerTopicsPage')) },
    // Printable A4 pages (browser print layout), without the staff frame.
    { path: '/print/meetings/:id', area: 'public', page: lazy(() => import('./pages/PrintMinutesPage')) },
    { path: '/print/proposals/:id', area: 'public', page: lazy(() => import('./pages/PrintNoticePage')) },
  ],
  menu: [
    { key: 'proposals', path: '/proposals', icon: 'solution', order: 45, permission: 'proposals.read', label: () => i18n.t('deliberation.menu.proposals'), group },
    { key: 'meetings', path: '/meetings', icon: 'team', order: 46, permission: 'meetings.read', label: () => i18n.t('deliberation.menu.meetings'), group },
    { key: 'livelihood', path: '/livelihood', icon: 'solution', order: 47, permission: 'meetings.read', label: () => i18n.t('deliberation.menu.livelihood'), group },
  ],
  dossierSections: [],
  // The link on the owner's home page (/me) to the quarter's topics.
  ownerHome: [{ key: 'topics', order: 20, component: lazy(() => import('./pages/OwnerTopicsPage').then((m) => ({ default: m.OwnerTopicsLink }))) }],
  // The offices' dashboard: the overdue actions of the place, each a link to it.
  dashboard: [dashboardCard({ key: 'actions-overdue', aggregate: 'deliberation.actions', order: 20, component: lazy(() => import('./pages/ActionsDashboardCard')) })],
};
