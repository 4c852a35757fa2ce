// The supervision dashboard (工作台/数据看板) of the tripartite offices: a place of the caller's
// scope (the whole scope, or a street, community or quarter inside it) with the platform's own
// figures and every installed module's card (the descriptors' `dashboardAggregates`, asked at
// once). It belongs here because the offices' work is this module's (its to-do list too), and it
// reads the other modules only through what their descriptors give (docs/architecture.md,
// "The supervision dashboard").
import { assertCan, assertInScope, type Actor } from '../../platform/access';
import type { Locale } from '../../platform/i18n';
import type { DashboardAggregate, DashboardAggregates, DashboardPlace } from '../../platform/module';
import { placesWithin, upperPlace } from '../places';
import { quarterCountIn, quarterPlaceById } from '../registry';
import type { DB } from './shared';

const columnOf = { district: 'district_id', street: 'street_id', community: 'community_id', quarter: 'quarter_id' } as const;

/**
 * The place a `placeId` names: a quarter, community, street or district (each looked up by its
 * key), by default the caller's own; 404 when it is none of them or lies outside the caller's
 * scope, exactly as for an unknown id.
 */
async function placeOf(db: DB, actor: Actor, placeId: string | undefined): Promise<DashboardPlace> {
  const id = placeId ?? (actor.scope.level === 'building' ? actor.path.quarterId! : actor.scope.id);
  // The caller's own place is of its own level; another id is looked up at every level at once.
  const own = placeId === undefined ? (actor.scope.level === 'building' ? 'quarter' : actor.scope.level) : null;
  const at = (level: DashboardPlace['level']) => (own === null || own === level ? lookUp[level](db, id) : Promise.resolve(null));
  const [quarter, community, street, district] = await Promise.all([at('quarter'), at('community'), at('street'), at('district')]);
  const found = quarter
    ? { level: 'quarter' as const, path: quarter }
    : community
      ? { level: 'community' as const, path: community }
      : street
        ? { level: 'street' as const, path: street }
        : district
          ? { level: 'district' as const, path: district }
          : null;
  assertInScope(actor, found?.path, { parentRead: true });
  return { level: found!.level, id, name: found!.path.name, column: columnOf[found!.level] };
}

const lookUp = {
  quarter: (db: DB, id: string) => quarterPlaceById(db, id),
  community: (db: DB, id: string) => upperPlace(db, 'community', id),
  street: (db: DB, id: string) => upperPlace(db, 'street', id),
  district: (db: DB, id: string) => upperPlace(db, 'district', id),
};

export async function dashboardOf(db: DB, actor: Actor, query: { placeId?: string }, locale: Locale, providers: readonly DashboardAggregate[]) {
  const place = await placeOf(db, actor, query.placeId);
  assertCan(actor, 'dashboard.read');
  const upper = place.column === 'district_id' || place.column === 'street_id' ? { column: place.column, id: place.id } : null;
  const [quarters, communities, figures] = await Promise.all([
    quarterCountIn(db, place),
    upper ? placesWithin(db, 'community', upper).then((c) => c.length) : Promise.resolve(place.level === 'community' ? 1 : 0),
    Promise.all(providers.map(async (p) => [p.key, await p.figures(db, actor, place, locale)] as const)),
  ]);
  const aggregates: Partial<DashboardAggregates> = {};
  for (const [key, value] of figures) if (value !== null) Object.assign(aggregates, { [key]: value });
  return { place: { level: place.level, id: place.id, name: place.name }, platform: { quarters, communities }, aggregates };
}
