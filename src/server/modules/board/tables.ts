// Table types of the public board module (migration 0016_public_board.sql), added to the
// Database interface by module augmentation. The board owns only its short codes: everything it
// shows is read from the other modules through their index.ts.
import type { ColumnType } from 'kysely';

type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface BoardCodesTable {
  quarter_id: string;
  district_id: string;
  code: string;
  created_at: DefaultTimestamp;
}

declare module '../../db/schema' {
  interface Database {
    board_codes: BoardCodesTable;
  }
}
