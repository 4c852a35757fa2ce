// One search box for quarters, owners and units within the caller's scope.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { can, scopeFilter, type Actor } from '../../platform/access';
import { maskPhone } from '../../../core/idnumber';
import { listQuarters } from './quarters';
import { containsIndexed, containsText } from './search-text';

type DB = Kysely<Database>;

/**
 * How to find a phone by the parts its masked form shows, or null: its last four digits (which
 * the index on them finds, migration 0024) and the LIKE pattern the whole phone must match.
 */
export function phonePattern(text: string): { last4: string; like: string } | null {
  const typed = text.replace(/[\s-]/g, '');
  if (/^\d{4}$/.test(typed)) return { last4: typed, like: `%${typed}` };
  const ends = /^(\d{3})(?:\*+|\d{4})(\d{4})$/.exec(typed);
  return ends ? { last4: ends[2], like: `${ends[1]}%${ends[2]}` } : null;
}

/**
 * A page of each kind of match (quarters, owners, units), `pageSize` of each; `nextPage` is the
 * page to ask for when any kind has more, else null. One row past the page tells whether there
 * is more, so no match is counted in full (a common surname matches a tenth of a district).
 */
export async function searchRegistry(db: DB, actor: Actor, text: string, paging: { page: number; pageSize: number } = { page: 1, pageSize: 20 }) {
  const { page, pageSize } = paging;
  const offset = (page - 1) * pageSize;
  const quarterPage = await listQuarters(db, actor, { q: text, page, pageSize });
  const quarters = quarterPage.items;
  const scope = scopeFilter(actor);
  const col = `q.${scope.column === 'quarter_id' ? 'id' : scope.column}` as const;
  const single = [...text].length === 1;
  // Owners are found by what their masked phone shows (maskPhone: the first three and the last
  // four digits): "4321" by its last four digits, "139****4321" or the whole number by both ends.
  // Never by the hidden middle, which a search by any run of digits would give away one digit
  // at a time. The district's index on the last four digits (owners_phone_last4_idx) answers
  // both; the first three are checked on the phones it finds.
  const byPhone = phonePattern(text);
  const ownersOf = (d: DB) =>
    d
      .selectFrom('owners as o')
      .innerJoin('quarters as q', 'q.id', 'o.quarter_id')
      .select(['o.id', 'o.name', 'o.kind', 'o.id_number_masked as idNumberMasked', 'o.phone', 'q.id as quarterId', 'q.name as quarterName'])
      .where(col, '=', scope.value);
  const matches = (d: DB) =>
    ownersOf(d).where((eb) =>
      byPhone
        ? eb.or([
            containsText('o.name', text),
            eb.and([eb('o.district_id', '=', actor.path.districtId), eb(sql`right(o.phone, 4)`, '=', byPhone.last4), eb('o.phone', 'like', byPhone.like)]),
          ])
        : containsText('o.name', text),
    );
  // One character is a surname: the owners whose name begins with it, read in name order from
  // the district's name index (owners_district_name_idx, migration 0012) and stopped at the page,
  // whatever the size of the district; pg_trgm has no trigram for one character. Two or more
  // characters are rare enough that the trigram index gathers them all first; the materialised
  // CTE keeps the planner from walking the names instead when its estimate of the matches is off.
  const owners = !can(actor, 'owners.read')
    ? []
    : single
      ? await ownersOf(db)
          .where('o.district_id', '=', actor.path.districtId)
          .where(sql<boolean>`(o.name collate "C") like ${`${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}`)
          .orderBy(sql`o.name collate "C"`)
          .orderBy('o.id')
          .limit(pageSize + 1)
          .offset(offset)
          .execute()
      : await db
          .with((cte) => cte('m').materialized(), (d) => matches(d as DB))
          .selectFrom('m')
          .selectAll()
          .orderBy('m.name')
          .orderBy('m.id')
          .limit(pageSize + 1)
          .offset(offset)
          .execute();
  let unitQuery = db
    .selectFrom('units as u')
    .innerJoin('buildings as b', 'b.id', 'u.building_id')
    .innerJoin('quarters as q', 'q.id', 'u.quarter_id')
    .select(['u.id', 'u.number', 'b.name as buildingName', 'q.id as quarterId', 'q.name as quarterName'])
    .where(col, '=', scope.value);
  // A unit as people say it: "3幢 2-301" or "3幢2-301" (the building, then the number), or "2-301".
  const said = /^(.+?[幢栋座号楼])\s*(\S+)$/.exec(text.trim());
  unitQuery = said ? unitQuery.where('b.name', '=', said[1]).where(containsIndexed('u.number', said[2])) : unitQuery.where(containsIndexed('u.number', text));
  if (actor.scope.level === 'building') unitQuery = unitQuery.where('u.building_id', '=', actor.scope.id);
  // One character is a surname (see the owners above), not a unit: a unit number is looked for
  // from two characters on ("12", "1-", "3幢 …"), which the trigram indexes answer; a plain LIKE of
  // one character walked every unit of the district whenever nothing matched.
  const units = can(actor, 'registry.read') && !single
    ? (await unitQuery.orderBy('q.name').orderBy('u.number').orderBy('u.id').limit(pageSize + 1).offset(offset).execute()).map((u) => ({
        id: u.id,
        label: `${u.buildingName} ${u.number}`,
        quarterId: u.quarterId,
        quarterName: u.quarterName,
      }))
    : [];
  const more = quarterPage.total > offset + pageSize || owners.length > pageSize || units.length > pageSize;
  const ownerPage = owners.slice(0, pageSize);
  return {
    quarters,
    owners: ownerPage.map(({ phone, ...o }) => ({ ...o, phoneMasked: phone ? maskPhone(phone) : null })),
    units: units.slice(0, pageSize),
    page,
    nextPage: more ? page + 1 : null,
  };
}
