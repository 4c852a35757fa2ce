// The registry module's permissions; its authorize… functions (scope, then permission) go here too.
import { defineGrants, OFFICES } from '../../platform/access';

// Who may do what with the registry. Owners' personal data is read by those who serve or
// represent the owners; residents' data (including people needing care) by those who look
// after them (ZAS 6.2.2.2). Departments and mediators see quarters, not people.
export const registryGrants = defineGrants({
  'quarter.create': OFFICES,
  'quarter.update': [...OFFICES, 'commissioner'],
  'registry.read': [...OFFICES, 'commissioner', 'party_secretary', 'committee', 'supervisory', 'company', 'building_leader', 'grid_worker'],
  'registry.write': [...OFFICES, 'commissioner', 'company'],
  'registry.import': [...OFFICES, 'commissioner', 'company'],
  'owners.read': [...OFFICES, 'commissioner', 'party_secretary', 'committee', 'company'],
  'residents.read': [...OFFICES, 'commissioner', 'grid_worker', 'building_leader'],
  'residents.write': [...OFFICES, 'commissioner', 'grid_worker'],
});

declare module '../../platform/access' {
  interface PermissionRegistry extends Record<keyof typeof registryGrants, true> {}
}
