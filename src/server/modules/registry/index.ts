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

export { quarterPlace } from './quarters';
export { votingRollSource, findOwnerAndUnitByHashes, buildingOfQuarter, unitLabel, unitLabels, ownerContacts, ownersWithAccounts, type RollSourceUnit } from './queries-for-voting';
