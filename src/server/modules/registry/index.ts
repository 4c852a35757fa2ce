// The registry module's public surface: its descriptor, and the functions other modules may call.
// Quarters, buildings, units, owners and residents; the dossier; import, export and search.
import type { ModuleDescriptor } from '../../platform/module';
import { registryGrants } from './access';
import { registryRoutes } from './routes';

export const registryModule: ModuleDescriptor = {
  name: 'registry',
  tables: ['quarters', 'buildings', 'units', 'owners', 'unit_owners', 'residents', 'import_runs'],
  routes: registryRoutes,
  grants: registryGrants,
};
export { quarterPlaceById } from './queries-for-organizations';
export { quarterPlacesByIds } from './queries-for-organizations';
export { buildingsByIds } from './queries-for-organizations';
export { ownerStandings } from './queries-for-organizations';
export { quarterFactsByIds } from './queries-for-organizations';
export { quarterFactsInScope } from './queries-for-organizations';
export type { QuarterFactsRow, QuarterPlaceRow } from './queries-for-organizations';
