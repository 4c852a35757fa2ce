// Table types of the cases module (诉求), added to the Database interface by module
// augmentation; migration 0013_cases.sql.
import type { Generated, Selectable } from 'kysely';
import type { DateOnly, DefaultTimestamp, Json, Timestamp } from '../../db/schema';

export interface CaseCategoriesTable {
  district_id: string;
  code: string;
  name_zh: string;
  name_en: string;
  handler_kind: string;
  department: string | null;
  citation: string;
  acknowledge_amount: number;
  acknowledge_unit: string;
  resolve_amount: number;
  resolve_unit: string;
  updated_at: DefaultTimestamp;
}

export interface CaseDepartmentMembersTable {
  user_id: string;
  district_id: string;
  department: string;
}

export interface CasesTable {
  id: Generated<string>;
  district_id: string;
  street_id: string;
  community_id: string;
  quarter_id: string;
  tracking_code: string;
  category: string;
  category_name: string;
  citation: string;
  description: string;
  location: string | null;
  channel: string;
  status: Generated<string>;
  handler_kind: string;
  handler_department: string | null;
  raiser_name: string | null;
  raiser_phone: string | null;
  raised_by: string | null;
  received_at: DefaultTimestamp;
  acknowledge_due_at: Timestamp;
  resolve_due_at: Timestamp;
  acknowledged_at: Timestamp | null;
  assigned_at: Timestamp | null;
  replied_at: Timestamp | null;
  closed_at: Timestamp | null;
  reply: string | null;
  rating: string | null;
  rating_comment: string | null;
  reopen_count: Generated<number>;
  reminded_at: Timestamp | null;
  escalated_at: Timestamp | null;
  updated_at: DefaultTimestamp;
  patrol_id: string | null;
}

export interface CaseEventsTable {
  id: Generated<string>;
  case_id: string;
  district_id: string;
  quarter_id: string;
  at: DefaultTimestamp;
  action: string;
  from_status: string | null;
  to_status: string | null;
  actor_id: string | null;
  actor_office: string;
  actor_name: string | null;
  note: string | null;
  handler_kind: string | null;
  handler_department: string | null;
  rating: string | null;
}

export interface CasePhotosTable {
  id: Generated<string>;
  case_id: string;
  district_id: string;
  quarter_id: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_at: DefaultTimestamp;
}

export interface CasePhoneCodesTable {
  id: Generated<string>;
  district_id: string;
  quarter_id: string;
  phone_hash: string;
  code_hash: string;
  ip: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  tries: Generated<number>;
  used_at: Timestamp | null;
  token_hash: string | null;
  token_expires_at: Timestamp | null;
  token_used_at: Timestamp | null;
}

export interface HazardsTable {
  id: Generated<string>;
  district_id: string;
  street_id: string;
  community_id: string;
  quarter_id: string;
  class: string;
  level: string;
  location: string;
  description: string;
  status: Generated<string>;
  found_by: string | null;
  found_at: DefaultTimestamp;
  due_at: Timestamp;
  handled_by: string | null;
  verified_by: string | null;
  verified_at: Timestamp | null;
  updated_at: DefaultTimestamp;
  patrol_id: string | null;
}

export interface PatrolsTable {
  id: Generated<string>;
  district_id: string;
  street_id: string;
  community_id: string;
  quarter_id: string;
  patrolled_by: string;
  patrolled_at: DefaultTimestamp;
  items: Json;
  note: string | null;
  findings: Generated<number>;
}

export interface HazardEventsTable {
  id: Generated<string>;
  hazard_id: string;
  district_id: string;
  quarter_id: string;
  at: DefaultTimestamp;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  actor_office: string;
  actor_name: string | null;
  note: string | null;
}

export interface DisputesTable {
  id: Generated<string>;
  district_id: string;
  street_id: string;
  community_id: string;
  quarter_id: string;
  subject: string;
  parties: string;
  description: string;
  risk: string;
  /** What it is about (core/cases disputeCategories; migration 0020). */
  category: Generated<string>;
  status: Generated<string>;
  mediation_kind: string | null;
  mediation_at: Timestamp | null;
  mediation_place: string | null;
  mediator_name: string | null;
  agreement: string | null;
  follow_up: string | null;
  registered_by: string | null;
  registered_at: DefaultTimestamp;
  reported_up_at: Timestamp | null;
  updated_at: DefaultTimestamp;
}

export interface DisputeEventsTable {
  id: Generated<string>;
  dispute_id: string;
  district_id: string;
  quarter_id: string;
  at: DefaultTimestamp;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  actor_office: string;
  actor_name: string | null;
  note: string | null;
}

/** The other quarters of a joint mediation (联合调解, HZ 5.1.4.2), with their places for the scope filter. */
export interface DisputeQuartersTable {
  dispute_id: string;
  district_id: string;
  street_id: string;
  community_id: string;
  quarter_id: string;
}

export interface EmergencyPlansTable {
  id: Generated<string>;
  district_id: string;
  street_id: string;
  community_id: string;
  quarter_id: string;
  plan_class: string;
  title: string;
  contacts: string;
  approved_on: DateOnly;
  created_at: DefaultTimestamp;
}

export interface EmergencyDrillsTable {
  id: Generated<string>;
  district_id: string;
  street_id: string;
  community_id: string;
  quarter_id: string;
  plan_class: string | null;
  held_on: DateOnly;
  attendance: number;
  note: string | null;
  created_at: DefaultTimestamp;
}

/** Photos of a hazard (migration 0021), as case_photos. */
export interface HazardPhotosTable {
  id: Generated<string>;
  hazard_id: string;
  district_id: string;
  quarter_id: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_at: DefaultTimestamp;
}

/** The State Council's holidays and make-up working days (migration 0021). */
export interface PublicCalendarDaysTable {
  day: DateOnly;
  kind: 'holiday' | 'workday';
  name: string;
  source: Generated<string>;
  updated_at: DefaultTimestamp;
}

export type CaseRow = Selectable<CasesTable>;
export type DisputeRow = Selectable<DisputesTable>;
export type HazardRow = Selectable<HazardsTable>;

declare module '../../db/schema' {
  interface Database {
    case_categories: CaseCategoriesTable;
    case_department_members: CaseDepartmentMembersTable;
    cases: CasesTable;
    case_events: CaseEventsTable;
    case_photos: CasePhotosTable;
    case_phone_codes: CasePhoneCodesTable;
    hazards: HazardsTable;
    hazard_events: HazardEventsTable;
    disputes: DisputesTable;
    patrols: PatrolsTable;
    emergency_plans: EmergencyPlansTable;
    emergency_drills: EmergencyDrillsTable;
    dispute_events: DisputeEventsTable;
    dispute_quarters: DisputeQuartersTable;
    public_calendar_days: PublicCalendarDaysTable;
    hazard_photos: HazardPhotosTable;
  }
}
