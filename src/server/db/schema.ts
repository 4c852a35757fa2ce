// The base of the Kysely Database interface: the platform's own tables and the column types
// every module's tables.ts uses. Each module adds its tables by module augmentation in its own
// tables.ts (e.g. modules/registry/tables.ts), so a module's tables stay in its folder.
import type { ColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp with a database default: optional on insert. */
export type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
// Areas (0.01 m²) and money (fen) are bigint in the database and plain numbers in code:
// the parsers in db/index.ts turn int8 into numbers, which stay exact below 2^53.
export type Int8 = ColumnType<number, number | bigint, number | bigint>;
export type DateOnly = ColumnType<string, string, string>;
export type Json = ColumnType<unknown, string, string>;
export type DefaultJson = ColumnType<unknown, string | undefined, string>;
export type DefaultInt8 = ColumnType<number, number | bigint | undefined, number | bigint>;

export interface PlatformSettingsTable {
  key: string;
  value: string;
}

/** The platform's tables; the modules' tables are added by their tables.ts. */
export interface Database {
  platform_settings: PlatformSettingsTable;
}
