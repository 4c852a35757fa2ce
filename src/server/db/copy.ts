// Copies a whole database into an empty one with the same migrations: the way from a first run
// on embedded PGlite to PostgreSQL in production (`gongzhi copy-to-postgres`). Tables are read
// from the catalogue, so every module's tables come along without being listed here.
import { sql } from 'kysely';
import { migrate, type Db } from './index';

const PAGE = 1000;

interface TableInfo {
  name: string;
  jsonColumns: Set<string>;
}

async function tablesInDependencyOrder(db: Db): Promise<TableInfo[]> {
  const tables = (
    await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'schema_migrations'
      order by table_name`.execute(db.kysely)
  ).rows.map((r) => r.table_name);
  const deps = (
    await sql<{ child: string; parent: string }>`
      select c.relname as child, p.relname as parent
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_class p on p.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = 'public'`.execute(db.kysely)
  ).rows;
  const json = (
    await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type in ('json', 'jsonb')`.execute(db.kysely)
  ).rows;
  // Parents before children, so that every foreign key finds its row.
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (ordered.includes(t) || visiting.has(t)) return;
    visiting.add(t);
    for (const d of deps) if (d.child === t && d.parent !== t) visit(d.parent);
    visiting.delete(t);
    ordered.push(t);
  };
  tables.forEach(visit);
  return ordered.map((name) => ({ name, jsonColumns: new Set(json.filter((j) => j.table_name === name).map((j) => j.column_name)) }));
}

export async function copyDatabase(
  source: Db,
  target: Db,
  onTable?: (table: string, rows: number) => void,
): Promise<Record<string, number>> {
  await migrate(target);
  const existing = await target.kysely.selectFrom('districts').select('id').limit(1).executeTakeFirst();
  if (existing) throw new Error('The target database already has data; copy only into an empty database.');
  const tables = await tablesInDependencyOrder(source);
  const counts: Record<string, number> = {};
  await target.kysely.transaction().execute(async (tx) => {
    // The target holds only what its migrations wrote (e.g. the State Council's holiday calendar)
    // and what their triggers derive from other tables (a quarter's kept counts, its checks kept
    // stale). Those rows are the source's to give: the target's are removed, children first, and
    // the tables' own triggers are off while the rows come, so that nothing is counted twice. The
    // user who ran the migrations owns the tables and may switch them (no superuser needed); the
    // foreign keys stay checked.
    for (const table of tables) await sql`alter table ${sql.table(table.name)} disable trigger user`.execute(tx);
    for (const table of [...tables].reverse()) await sql`delete from ${sql.table(table.name)}`.execute(tx);
    for (const table of tables) {
      let copied = 0;
      for (let offset = 0; ; offset += PAGE) {
        const rows = (
          await sql<Record<string, unknown>>`select * from ${sql.table(table.name)} order by ctid limit ${PAGE} offset ${offset}`.execute(source.kysely)
        ).rows;
        if (!rows.length) break;
        const values = rows.map((row) => {
          const out: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(row)) out[k] = table.jsonColumns.has(k) && v !== null ? JSON.stringify(v) : v;
          return out;
        });
        await tx.insertInto(table.name as never).values(values as never).execute();
        copied += rows.length;
        if (rows.length < PAGE) break;
      }
      counts[table.name] = copied;
      onTable?.(table.name, copied);
    }
    for (const table of tables) await sql`alter table ${sql.table(table.name)} enable trigger user`.execute(tx);
    // Serial columns continue after the copied ids.
    const serials = (
      await sql<{ table_name: string; column_name: string }>`
        select table_name, column_name from information_schema.columns
        where table_schema = 'public' and column_default like 'nextval(%'`.execute(tx)
    ).rows;
    for (const s of serials) {
      await sql`select setval(pg_get_serial_sequence(${s.table_name}, ${s.column_name}), coalesce((select max(${sql.ref(s.column_name)}) from ${sql.table(s.table_name)}), 1), (select count(*) > 0 from ${sql.table(s.table_name)}))`.execute(tx);
    }
  });
  return counts;
}
