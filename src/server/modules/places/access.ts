// The places module's permissions; its authorize… functions (scope, then permission) go here too.
import { defineGrants } from '../../platform/access';

// Streets and communities are created by the district and street offices.
export const placesGrants = defineGrants({
  'places.manage': ['district_office', 'street_office'],
});

declare module '../../platform/access' {
  interface PermissionRegistry extends Record<keyof typeof placesGrants, true> {}
}
