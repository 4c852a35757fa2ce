// Table types of the voting module (migration 0004_voting.sql), added to the Database
// interface by module augmentation so that schema.ts stays the registry's and the platform's.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Int8 = ColumnType<number, number | bigint, number | bigint>;
type Json = ColumnType<unknown, string, string>;

export interface VotesTable {
  id: Generated<string>;
  district_id: string;
  street_id: string;
  community_id: string;
  quarter_id: string;
  building_id: string | null;
  quarter_name: string;
  title: string;
  rule: string;
  status: Generated<string>;
  opens_at: Timestamp;
  closes_at: Timestamp;
  objection_days: Generated<number>;
  roll_fingerprint: string | null;
  roll_members: number | null;
  roll_area: Int8 | null;
  genesis: string | null;
  head: string | null;
  last_seq: Generated<number>;
  result: Json | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  opened_at: Timestamp | null;
  opened_by: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  objection_ends_at: Timestamp | null;
  published_at: Timestamp | null;
  published_by: string | null;
  /** 1 or 2: the gongzhi.vote-record version the vote was sealed with (migration 0005). */
  record_format: Generated<number>;
  /** Ballots voided while the vote was open (migration 0011): the ballots that stand are last_seq - 2 × voids. */
  voids: Generated<number>;
}

export interface VoteItemsTable {
  vote_id: string;
  id: string;
  position: number;
  district_id: string;
  quarter_id: string;
  title: string;
  matter: string;
  article278_item: number | null;
}

export interface VoteRollTable {
  vote_id: string;
  member: string;
  district_id: string;
  quarter_id: string;
  area: Int8;
}

export interface VoteRollLinksTable {
  vote_id: string;
  member: string;
  unit_id: string;
  owner_id: string;
  district_id: string;
  quarter_id: string;
}

export interface VoteScansTable {
  id: Generated<string>;
  vote_id: string;
  district_id: string;
  quarter_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: string | null;
  uploaded_at: DefaultTimestamp;
}

export interface BallotsTable {
  id: Generated<string>;
  vote_id: string;
  district_id: string;
  quarter_id: string;
  seq: number;
  member: string;
  choices: Json;
  channel: string;
  cast_at: string;
  prev: string;
  hash: string;
  entered_by: string | null;
  entered_by_name: string | null;
  cast_by_owner: string | null;
  scan_id: string | null;
  proxy_holder: string | null;
  unit_label: string | null;
  /** Version 2 only (migration 0005): the published ballot's nonce, area salt and commitment, hash. */
  nonce: string | null;
  area_salt: string | null;
  area_commitment: string | null;
  record_hash: string | null;
  created_at: DefaultTimestamp;
}

/**
 * A staff-entered ballot voided before the close (migration 0011): the ballot as it was sealed,
 * and the void's own entry in the server's cast-order chain.
 */
export interface VoidedBallotsTable extends Omit<BallotsTable, 'id' | 'created_at'> {
  id: string;
  created_at: Timestamp;
  void_seq: number;
  void_prev: string;
  void_hash: string;
  voided_at: string;
  voided_by: string;
  voided_by_name: string | null;
  reason: string;
}

export interface OwnerVerificationsTable {
  id: Generated<string>;
  vote_id: string;
  district_id: string;
  quarter_id: string;
  member: string;
  owner_id: string;
  unit_id: string;
  token_hash: string;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  ip: string | null;
}

export interface OwnerVerificationFailuresTable {
  id: Generated<number>;
  vote_id: string;
  ip: string;
  at: DefaultTimestamp;
}

export interface OwnerVerificationCodesTable {
  id: Generated<string>;
  vote_id: string;
  member: string;
  owner_id: string;
  unit_id: string;
  code_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  tries: Generated<number>;
  used_at: Timestamp | null;
  ip: string;
}

export interface VoteObjectionsTable {
  id: Generated<string>;
  vote_id: string;
  district_id: string;
  quarter_id: string;
  member: string | null;
  filed_by: string | null;
  filed_by_name: string | null;
  text: string;
  status: Generated<string>;
  response: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

declare module '../../db/schema' {
  interface Database {
    votes: VotesTable;
    vote_items: VoteItemsTable;
    vote_roll: VoteRollTable;
    vote_roll_links: VoteRollLinksTable;
    vote_scans: VoteScansTable;
    ballots: BallotsTable;
    voided_ballots: VoidedBallotsTable;
    owner_verifications: OwnerVerificationsTable;
    owner_verification_failures: OwnerVerificationFailuresTable;
    owner_verification_codes: OwnerVerificationCodesTable;
    vote_objections: VoteObjectionsTable;
  }
}
