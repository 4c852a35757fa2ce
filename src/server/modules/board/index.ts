// The public board module's public surface: its descriptor. The quarter's public board (码上办,
// T/ZAS 4006.1—2020 6.3.3.2): a page anyone reads without an account, at a short address printed
// with a QR code on the quarter's A4 poster. The board reads the other modules through their
// index.ts and their descriptors' `publicBoardSections`; it owns only the short codes.
import type { ModuleDescriptor } from '../../platform/module';
import { boardGrants } from './access';
import { boardDossierSection } from './board';
import { boardRoutes } from './routes';

export { PUBLIC_BOARD_JOIN_MS } from './routes';

export const boardModule: ModuleDescriptor = {
  name: 'board',
  tables: ['board_codes'],
  routes: boardRoutes,
  grants: boardGrants,
  dossierSections: [boardDossierSection],
  publicEndpoints: ['GET /api/public/quarters/:id'],
};
