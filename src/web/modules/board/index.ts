// The quarter's public board (码上办, T/ZAS 4006.1—2020 6.3.3.2): the web side's descriptor.
import { lazy } from 'react';
import i18n from '../../i18n';
import type { WebModule } from '../module';

export const boardModule: WebModule = {
  key: 'board',
  routes: [
    // The address printed on the poster: /q/<code> (or /q/<quarter id>). No login, no antd: its
    // first visit on a phone is measured (test/e2e/board.test.ts).
    { path: '/q/:key', area: 'public', page: lazy(() => import('./pages/BoardPage')) },
  ],
  menu: [],
  // The server sends the section 'board' to those who may print the poster (server modules/board).
  dossierSections: [{ key: 'board', order: 880, label: () => i18n.t('board.title'), component: lazy(() => import('./pages/BoardSection')) }],
};
