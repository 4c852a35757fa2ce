// Table types of the finance module (migration 0015_finance.sql), added to the Database
// interface by module augmentation.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
// bigint columns (fen) arrive as numbers: see the int8 parser in db/index.ts.
type Int8 = ColumnType<number, number | bigint, number | bigint>;
type DefaultInt8 = ColumnType<number, number | bigint | undefined, number | bigint>;
type DateOnly = ColumnType<string, string, string>;
type Json = ColumnType<unknown, string, string>;
type DefaultJson = ColumnType<unknown, string | undefined, string>;
type DefaultText = ColumnType<string, string | undefined, string>;

export interface FinanceSettingsTable {
  quarter_id: string;
  district_id: string;
  street_id: string;
  community_id: string;
  holder: DefaultText;
  large_threshold_fen: DefaultInt8;
  updated_by: string | null;
  updated_at: DefaultTimestamp;
}

export interface LedgerVouchersTable {
  id: Generated<string>;
  district_id: string;
  street_id: string;
  community_id: string;
  quarter_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: string | null;
  uploaded_at: DefaultTimestamp;
}

export interface FundProjectsTable {
  id: Generated<string>;
  district_id: string;
  street_id: string;
  community_id: string;
  quarter_id: string;
  title: string;
  purpose: DefaultText;
  amount_fen: Int8;
  category: string;
  quotes: DefaultJson;
  threshold_fen: Int8;
  large: boolean;
  stage: DefaultText;
  vote_id: string | null;
  vote_item_id: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface FundProjectStepsTable {
  id: Generated<string>;
  project_id: string;
  district_id: string;
  quarter_id: string;
  step: string;
  outcome: string;
  note: DefaultText;
  taken_by: string | null;
  taken_by_name: string | null;
  taken_by_role: string | null;
  taken_at: DefaultTimestamp;
}

export interface LedgerEntriesTable {
  id: Generated<string>;
  district_id: string;
  street_id: string;
  community_id: string;
  quarter_id: string;
  seq: number;
  entry_date: DateOnly;
  memo: string;
  reverses_id: string | null;
  project_id: string | null;
  voucher_id: string | null;
  booked_by: string | null;
  booked_by_name: string;
  booked_at: DefaultTimestamp;
  hash: string;
}

export interface LedgerLinesTable {
  entry_id: string;
  position: number;
  district_id: string;
  quarter_id: string;
  account: string;
  debit_fen: Int8;
  credit_fen: Int8;
}

export interface DisclosuresTable {
  id: Generated<string>;
  district_id: string;
  street_id: string;
  community_id: string;
  quarter_id: string;
  period: string;
  status: DefaultText;
  figures: Json;
  income_fen: Int8;
  spending_fen: Int8;
  balance_fen: Int8;
  generated_by: string | null;
  generated_by_name: string | null;
  generated_at: DefaultTimestamp;
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  reviewed_at: Timestamp | null;
  review_note: string | null;
  published_by: string | null;
  published_by_name: string | null;
  published_at: Timestamp | null;
}

export interface FinanceAuditsTable {
  id: Generated<string>;
  district_id: string;
  street_id: string;
  community_id: string;
  quarter_id: string;
  kind: string;
  period_label: string;
  auditor: string;
  audited_on: DateOnly;
  findings: DefaultText;
  follow_up: DefaultText;
  status: DefaultText;
  resolved_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface InventoryItemsTable {
  id: Generated<string>;
  district_id: string;
  street_id: string;
  community_id: string;
  quarter_id: string;
  kind: string;
  name: string;
  description: DefaultText;
  quantity: DefaultText;
  location: DefaultText;
  value_fen: ColumnType<number | null, number | null | undefined, number | null>;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface FeeCollectionReportsTable {
  id: Generated<string>;
  district_id: string;
  street_id: string;
  community_id: string;
  quarter_id: string;
  period: string;
  receivable_fen: Int8;
  collected_fen: Int8;
  households_due: number;
  households_paid: number;
  note: DefaultText;
  reported_by: string | null;
  reported_by_name: string | null;
  reported_at: DefaultTimestamp;
}

export interface MaintenanceFundRecordsTable {
  id: Generated<string>;
  district_id: string;
  street_id: string;
  community_id: string;
  quarter_id: string;
  kind: string;
  record_date: DateOnly;
  amount_fen: Int8;
  memo: string;
  vote_id: string;
  vote_item_id: string;
  recorded_by: string | null;
  recorded_by_name: string | null;
  recorded_at: DefaultTimestamp;
}

// migration 0018_arrears.sql
export interface ArrearsListsTable {
  id: Generated<string>;
  district_id: string;
  street_id: string;
  community_id: string;
  quarter_id: string;
  period: string;
  rows: Json;
  recorded_by: string | null;
  recorded_by_name: string | null;
  recorded_at: DefaultTimestamp;
  published_at: Timestamp | null;
  published_by: string | null;
}

declare module '../../db/schema' {
  interface Database {
    finance_settings: FinanceSettingsTable;
    ledger_vouchers: LedgerVouchersTable;
    fund_projects: FundProjectsTable;
    fund_project_steps: FundProjectStepsTable;
    ledger_entries: LedgerEntriesTable;
    ledger_lines: LedgerLinesTable;
    disclosures: DisclosuresTable;
    finance_audits: FinanceAuditsTable;
    inventory_items: InventoryItemsTable;
    fee_collection_reports: FeeCollectionReportsTable;
    maintenance_fund_records: MaintenanceFundRecordsTable;
    arrears_lists: ArrearsListsTable;
  }
}
