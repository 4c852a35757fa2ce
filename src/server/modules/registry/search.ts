// One search box for quarters, owners and units within the caller's scope.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { can, scopeFilter, type Actor } from '../../platform/access';
import { maskPhone } from '../../../core/idnumber';
import { listQuarters } from './quarters';

type DB = Kysely<Database>;

const likeOf = (text: string) => `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export async function searchRegistry(db: DB, actor: Actor, text: string) {
  const quarters = (await listQuarters(db, actor, { q: text })).slice(0, 20);
  const like = likeOf(text);
  // A unit as people say it: "3幢 2-301", "3幢2-301" or "2-301".
  const compact = likeOf(text.replace(/\s+/g, ''));
  // Owners are found by phone from a few digits on (the list shows the phone masked), so that
  // "8000" finds the owner whose number ends in it without the full number being typed.
  const digits = text.replace(/[\s-]/g, '');
  const byPhone = /^\d{4,11}$/.test(digits) ? likeOf(digits) : null;
  const scope = scopeFilter(actor);
  const col = `q.${scope.column === 'quarter_id' ? 'id' : scope.column}` as const;
  const owners = can(actor, 'owners.read')
    ? await db
        .selectFrom('owners as o')
        .innerJoin('quarters as q', 'q.id', 'o.quarter_id')
        .select(['o.id', 'o.name', 'o.kind', 'o.id_number_masked as idNumberMasked', 'o.phone', 'q.id as quarterId', 'q.name as quarterName'])
        .where(col, '=', scope.value)
        .where((eb) => eb.or([eb('o.name', 'like', like), ...(byPhone ? [eb('o.phone', 'like', byPhone)] : [])]))
        .orderBy('o.name')
        .limit(20)
        .execute()
    : [];
  let unitQuery = db
    .selectFrom('units as u')
    .innerJoin('buildings as b', 'b.id', 'u.building_id')
    .innerJoin('quarters as q', 'q.id', 'u.quarter_id')
    .select(['u.id', 'u.number', 'b.name as buildingName', 'q.id as quarterId', 'q.name as quarterName'])
    .where(col, '=', scope.value)
    .where((eb) => eb.or([eb('u.number', 'like', like), eb(sql<string>`b.name || u.number`, 'like', compact)]));
  if (actor.scope.level === 'building') unitQuery = unitQuery.where('u.building_id', '=', actor.scope.id);
  const units = can(actor, 'registry.read')
    ? (await unitQuery.orderBy('q.name').orderBy('u.number').limit(20).execute()).map((u) => ({
        id: u.id,
        label: `${u.buildingName} ${u.number}`,
        quarterId: u.quarterId,
        quarterName: u.quarterName,
      }))
    : [];
  return { quarters, owners: owners.map(({ phone, ...o }) => ({ ...o, phoneMasked: phone ? maskPhone(phone) : null })), units };
}
