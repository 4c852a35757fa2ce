// Owners' assembly voting (业主大会表决, 民法典 第278条): the web side's descriptor.
import { lazy } from 'react';
import i18n from '../../i18n';
import type { WebModule } from '../module';

const VoteListPage = lazy(() => import('./pages/VoteListPage'));

export const votingModule: WebModule = {
  key: 'voting',
  routes: [
    { path: 'votes', area: 'staff', page: VoteListPage },
    { path: 'votes/new', area: 'staff', page: lazy(() => import('./pages/VoteListPage').then((m) => ({ default: m.VoteCreatePage }))) },
    { path: 'votes/:id', area: 'staff', page: lazy(() => import('./pages/VoteDetailPage')) },
    { path: '/me/votes/:id', area: 'owner', page: lazy(() => import('./pages/OwnerVotePage')) },
    // The public notice of a vote: no login (docs/vote-record-format.md, the quarter's public board). It is
    // drawn without antd (components/plain.tsx) and its weight measured (test/e2e/phone-weight).
    { path: '/public/votes/:id', area: 'public', page: lazy(() => import('./pages/PublicVotePage')) },
    // How owners check a vote themselves (名册指纹, 记录校验, re-counting): linked from every result.
    { path: '/help/vote-record', area: 'public', page: lazy(() => import('./pages/VoteRecordHelpPage')) },
  ],
  menu: [{ key: 'votes', path: '/votes', icon: 'safety', order: 40, permission: 'votes.read', label: () => i18n.t('voting.menu') }],
  // The server sends the section 'votes' to those who may read votes (server modules/voting).
  dossierSections: [{ key: 'votes', order: 200, label: () => i18n.t('voting.tab'), component: lazy(() => import('./pages/VotesSection')) }],
  // Loaded on demand: a static import would put the owner's vote page (and antd) into the app
  // shell that every page, the public ones too, loads.
  ownerHome: [{ key: 'votes', order: 10, component: lazy(() => import('./pages/OwnerVotePage').then((m) => ({ default: m.OwnerVotesCard }))) }],
};

