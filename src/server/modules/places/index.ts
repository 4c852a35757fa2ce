// The places module's public surface: its descriptor, and the functions other modules may call.
// Districts, streets and communities: the hierarchy above the quarters.
import type { ModuleDescriptor } from '../../platform/module';
import { placesGrants } from './access';
import { placesRoutes } from './routes';

export { allDistrictIds, communityPlace, districtHierarchy, districtPolicyPack, placesTree, placesWithin, upperPlace, upperPlaceNames, type TreeNode, type UpperLevel } from './service';
// Districts, streets and communities only (null for a quarter or building): kept for the callers
// that resolve an office's place; every level is the registry's placePath.
export { placePath } from './service';

export const placesModule: ModuleDescriptor = {
  name: 'places',
  tables: ['districts', 'streets', 'communities'],
  routes: placesRoutes,
  grants: placesGrants,
};
