// `gongzhi holiday list|set|remove`: the State Council's holiday calendar (国务院办公厅 部分节假日安排)
// by which working-day time limits count, from the server's shell, for the next year's notice
// when it comes out. The calendar is national; the command acts as the district office (of the
// first district of the installation, to which its audit entries, as "gongzhi-cli", belong)
// through the cases module's service: the same checks as the API.
import type { Kysely } from 'kysely';
import type { Database } from '../server/db/schema';
import { listCalendarDays, removeCalendarDay, setCalendarDay } from '../server/modules/cases';
import { AppError } from '../server/platform/errors';
import { isIsoDate } from '../core/dates';
import { cliContext, UsageError, type Out } from './users';

type DB = Kysely<Database>;

async function context(db: DB) {
  const district = await db.selectFrom('districts').select('id').orderBy('created_at').executeTakeFirst();
  if (!district) throw new UsageError('No district yet: create one first (gongzhi add-district).');
  return cliContext(district.id);
}

function day(text: string): string {
  if (!isIsoDate(text)) throw new UsageError(`"${text}" is not a day; write it as YYYY-MM-DD, e.g. 2027-01-01`);
  return text;
}

export async function listHolidays(db: DB, opts: { year?: string }, out: Out): Promise<void> {
  const year = opts.year === undefined ? undefined : Number(opts.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2199)) throw new UsageError('--year takes a year, e.g. 2026');
  const { items } = await listCalendarDays(db, (await context(db)).actor, year);
  for (const d of items) out.write(`${d.day}  ${d.kind === 'holiday' ? 'holiday 放假  ' : 'workday 调休上班'}  ${d.name}${d.source ? `  (${d.source})` : ''}\n`);
  out.write(`${items.length} day(s)\n`);
}

export async function setHoliday(db: DB, text: string, kind: string, name: string, opts: { source?: string }, out: Out): Promise<void> {
  if (kind !== 'holiday' && kind !== 'workday') throw new UsageError('The kind is holiday (放假) or workday (调休上班)');
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 50) throw new UsageError('The name is 1 to 50 characters, e.g. 元旦');
  try {
    const d = await setCalendarDay(db, await context(db), day(text), { kind, name: trimmed, source: opts.source?.trim() || null });
    out.write(`${d.day} is now a ${d.kind === 'holiday' ? 'holiday (放假)' : 'make-up working day (调休上班)'}: ${d.name}\n`);
  } catch (err) {
    if (err instanceof AppError) throw new UsageError(err.localizedMessage('en'));
    throw err;
  }
}

export async function removeHoliday(db: DB, text: string, out: Out): Promise<void> {
  try {
    await removeCalendarDay(db, await context(db), day(text));
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw new UsageError(`${text} is not on the calendar`);
    throw err;
  }
  out.write(`${text} is off the calendar: a working day again exactly when Monday to Friday.\n`);
}
