// The registry module's public surface: its descriptor, and the functions other modules may call.
// Quarters, buildings, units, owners and residents; the dossier; import, export and search.
import type { ModuleDescriptor } from '../../platform/module';
import { registryGrants } from './access';
import { registryErrors } from './errors';
import { registryRoutes } from './routes';

export * from './queries-for-voting';
export * from './queries-for-organizations';
export * from './queries-for-board';
export { placeName, placePath } from './place-paths';
export { authorizeQuarter, buildingPlace, quarterPlace, type RegistryAction } from './access';
export { idNumberReasonText, maskCertificate } from './identity';
export { certificateHashes, identifierHash, normaliseIdentifier, type CertificateHashes } from './identifiers';
export { importProgress, startImport, SYSTEM_ACTOR_ID } from './import';
export { quartersOfPlace } from './queries-for-cases';

export const registryModule: ModuleDescriptor = {
  name: 'registry',
  tables: ['quarters', 'buildings', 'units', 'owners', 'unit_owners', 'residents', 'import_runs'],
  routes: registryRoutes,
  grants: registryGrants,
  errors: registryErrors,
};
