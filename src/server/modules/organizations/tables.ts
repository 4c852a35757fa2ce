// Table types of the organisations module (migration 0003_organizations.sql). The module owns
// these tables; the Database interface is extended here rather than in db/schema.ts so that the
// module stays in its own folder.
import type { ColumnType, Generated } from 'kysely';

type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
// bigint columns (fen, 0.01 m²) arrive as numbers: see the int8 parser in db/index.ts.
type Int8 = ColumnType<number, number | bigint, number | bigint>;
type DateOnly = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type DefaultJson = ColumnType<unknown, string | undefined, string>;
type DefaultText = ColumnType<string, string | undefined, string>;
type DefaultBool = ColumnType<boolean, boolean | undefined, boolean>;
type DefaultInt = ColumnType<number, number | undefined, number>;
type DefaultInt8 = ColumnType<number, number | bigint | undefined, number | bigint>;

export interface TripartiteOfficesTable {
  id: Generated<string>;
  district_id: string;
  level: string;
  street_id: string | null;
  community_id: string | null;
  name: string;
  established_on: NullableDate;
  address: DefaultText;
  phone: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface OfficeMembersTable {
  id: Generated<string>;
  district_id: string;
  office_id: string;
  name: string;
  position: DefaultText;
  department: DefaultText;
  phone: string | null;
  created_at: DefaultTimestamp;
}
export interface PropertyCompaniesTable {
  id: Generated<string>;
  district_id: string;
  name: string;
  credit_code: string;
  phone: string | null;
  address: DefaultText;
  party_member_count: DefaultInt;
  full_party_member_count: number | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface OwnersCommitteesTable {
  id: Generated<string>;
  district_id: string;
  quarter_id: string;
  term_number: number | null;
  term_start: DateOnly;
  term_end: DateOnly;
  status: string;
  elected_on: NullableDate;
  ended_on: NullableDate;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface CandidatesTable {
  id: Generated<string>;
  district_id: string;
  quarter_id: string;
  owner_id: string;
  name: string;
  recommended_by: string;
  party_organization_id: string | null;
  co_signer_count: number | null;
  recommended_on: DateOnly;
  skills: DefaultJson;
  is_party_member: DefaultBool;
  checklist: DefaultJson;
  status: DefaultText;
  in_reserve_pool: DefaultBool;
  committee_member_id: string | null;
  note: DefaultText;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface CandidateReviewsTable {
  id: Generated<string>;
  district_id: string;
  quarter_id: string;
  candidate_id: string;
  step: string;
  reviewer_id: string | null;
  reviewer_name: string;
  reviewed_on: DateOnly;
  opinion: string;
  decision: string;
  departments: DefaultJson;
  created_at: DefaultTimestamp;
}
export interface CommitteeMembersTable {
  id: Generated<string>;
  district_id: string;
  quarter_id: string;
  committee_id: string;
  owner_id: string;
  candidate_id: string | null;
  name: string;
  position: string;
  is_party_member: DefaultBool;
  joined_on: NullableDate;
  commitments_signed_on: NullableDate;
  removed_on: NullableDate;
  removal_reason: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface CommitteeTrainingsTable {
  id: Generated<string>;
  district_id: string;
  quarter_id: string;
  committee_id: string;
  held_on: DateOnly;
  topic: string;
  organizer: DefaultText;
  created_at: DefaultTimestamp;
}
export interface CommitteeTrainingAttendeesTable {
  training_id: string;
  member_id: string;
  district_id: string;
  quarter_id: string;
}
export interface CommitteeAppraisalsTable {
  id: Generated<string>;
  district_id: string;
  quarter_id: string;
  committee_id: string;
  appraised_on: DateOnly;
  period_label: DefaultText;
  led_by: DefaultText;
  results: DefaultJson;
  published_on: NullableDate;
  created_at: DefaultTimestamp;
}
export interface SupervisoryCommitteesTable {
  id: Generated<string>;
  district_id: string;
  quarter_id: string;
  term_start: DateOnly;
  term_end: DateOnly;
  status: string;
  elected_on: NullableDate;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface SupervisoryCommitteeMembersTable {
  id: Generated<string>;
  district_id: string;
  quarter_id: string;
  supervisory_committee_id: string;
  owner_id: string;
  name: string;
  position: string;
  is_party_member: DefaultBool;
  joined_on: NullableDate;
  removed_on: NullableDate;
  removal_reason: string | null;
  created_at: DefaultTimestamp;
}
export interface PartyOrganizationsTable {
  id: Generated<string>;
  district_id: string;
  quarter_id: string | null;
  kind: string;
  owners_committee_id: string | null;
  property_company_id: string | null;
  name: string;
  form: DefaultText;
  secretary_name: DefaultText;
  secretary_phone: string | null;
  member_count: DefaultInt;
  established_on: NullableDate;
  dissolved_on: NullableDate;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface CommissionersTable {
  id: Generated<string>;
  district_id: string;
  quarter_id: string;
  name: string;
  phone: string;
  photo_path: string | null;
  is_party_member: DefaultBool;
  trained_on: NullableDate;
  started_on: DateOnly;
  ended_on: NullableDate;
  end_reason: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface ServiceContractsTable {
  id: Generated<string>;
  district_id: string;
  quarter_id: string;
  property_company_id: string;
  selection_method: string;
  starts_on: DateOnly;
  ends_on: NullableDate;
  terminated_on: NullableDate;
  fee_standard_fen: Int8;
  service_standard: DefaultText;
  signed_on: NullableDate;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface GridsTable {
  id: Generated<string>;
  district_id: string;
  quarter_id: string;
  name: string;
  leader_name: DefaultText;
  leader_phone: string | null;
  note: DefaultText;
  created_at: DefaultTimestamp;
}
export interface BuildingLeadersTable {
  id: Generated<string>;
  district_id: string;
  quarter_id: string;
  building_id: string;
  name: string;
  phone: string | null;
  started_on: NullableDate;
  ended_on: NullableDate;
  note: DefaultText;
  created_at: DefaultTimestamp;
}
export interface SocialOrganizationsTable {
  id: Generated<string>;
  district_id: string;
  quarter_id: string;
  name: string;
  kind: DefaultText;
  contact_name: DefaultText;
  contact_phone: string | null;
  note: DefaultText;
  created_at: DefaultTimestamp;
}
export interface VolunteersTable {
  id: Generated<string>;
  district_id: string;
  quarter_id: string;
  name: string;
  phone: string | null;
  team: DefaultText;
  skills: DefaultText;
  joined_on: NullableDate;
  created_at: DefaultTimestamp;
}

/** Each quarter's kept judgement (migration 0012; organizations/check-cache.ts). */
export interface QuarterCheckStateTable {
  quarter_id: string;
  generation: DefaultInt8;
  stale: DefaultBool;
  judged_on: NullableDate;
  pack: string | null;
  district_id: string | null;
  street_id: string | null;
  community_id: string | null;
  quarter_name: string | null;
  term_end: NullableDate;
}
export interface QuarterFailingChecksTable {
  quarter_id: string;
  position: number;
  district_id: string;
  street_id: string;
  community_id: string;
  quarter_name: string;
  rule: string;
  citation: string;
  message_zh: string;
  message_en: string;
}

/** The commissioner's photo (ZAS 6.1.3.5), migration 0023. */
export interface CommissionerPhotosTable {
  commissioner_id: string;
  district_id: string;
  quarter_id: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: string | null;
  uploaded_at: DefaultTimestamp;
}

declare module '../../db/schema' {
  interface Database {
    tripartite_offices: TripartiteOfficesTable;
    office_members: OfficeMembersTable;
    property_companies: PropertyCompaniesTable;
    owners_committees: OwnersCommitteesTable;
    candidates: CandidatesTable;
    candidate_reviews: CandidateReviewsTable;
    committee_members: CommitteeMembersTable;
    committee_trainings: CommitteeTrainingsTable;
    committee_training_attendees: CommitteeTrainingAttendeesTable;
    committee_appraisals: CommitteeAppraisalsTable;
    supervisory_committees: SupervisoryCommitteesTable;
    supervisory_committee_members: SupervisoryCommitteeMembersTable;
    party_organizations: PartyOrganizationsTable;
    commissioners: CommissionersTable;
    service_contracts: ServiceContractsTable;
    grids: GridsTable;
    building_leaders: BuildingLeadersTable;
    social_organizations: SocialOrganizationsTable;
    volunteers: VolunteersTable;
    quarter_check_state: QuarterCheckStateTable;
    quarter_failing_checks: QuarterFailingChecksTable;
    commissioner_photos: CommissionerPhotosTable;
  }
}
