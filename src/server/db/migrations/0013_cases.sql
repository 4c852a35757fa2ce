-- Cases (诉求): complaints and requests from every door, dispatched to the quarter's parties or
-- a functional department, with their time limits, every step, photos and the one-time codes
-- of people who raise a case without an account (issue 12; SPEC module 6).

-- A district's own version of a category (the default list is in src/core/cases/categories.ts,
-- from the duty list annexed to 湘建房〔2021〕231号): a changed handler, name or limits, or a
-- category of its own. A district without rows uses the defaults as they are.
CREATE TABLE case_categories (
  district_id uuid NOT NULL,
  code text NOT NULL,
  name_zh text NOT NULL,
  name_en text NOT NULL,
  handler_kind text NOT NULL CHECK (handler_kind IN ('company', 'committee', 'community', 'department', 'street', 'utility')),
  department text,
  citation text NOT NULL,
  acknowledge_amount integer NOT NULL CHECK (acknowledge_amount >= 1),
  acknowledge_unit text NOT NULL CHECK (acknowledge_unit IN ('hours', 'working_days', 'calendar_days')),
  resolve_amount integer NOT NULL CHECK (resolve_amount >= 1),
  resolve_unit text NOT NULL CHECK (resolve_unit IN ('hours', 'working_days', 'calendar_days')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (district_id, code),
  CHECK ((handler_kind = 'department') = (department IS NOT NULL))
);

-- The department an account of the `department` role belongs to (住建, 公安, …): the account
-- sees the cases dispatched to that department in its district. Kept by the cases module, so
-- the accounts' own table carries no field that only this module reads.
CREATE TABLE case_department_members (
  user_id uuid PRIMARY KEY,
  district_id uuid NOT NULL,
  department text NOT NULL
);
CREATE INDEX case_department_members_dept_idx ON case_department_members (district_id, department);

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL,
  street_id uuid NOT NULL,
  community_id uuid NOT NULL,
  quarter_id uuid NOT NULL,
  -- What the raiser follows the case by, without an account: random, not guessable.
  tracking_code text NOT NULL UNIQUE,
  category text NOT NULL,
  category_name text NOT NULL,
  citation text NOT NULL,
  description text NOT NULL,
  location text,
  channel text NOT NULL CHECK (channel IN ('public', 'owner', 'phone', 'visit', 'patrol', 'reception')),
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'acknowledged', 'assigned', 'in_progress', 'replied', 'reopened', 'closed')),
  handler_kind text NOT NULL CHECK (handler_kind IN ('company', 'committee', 'community', 'department', 'street', 'utility')),
  handler_department text,
  -- The raiser's name (optional) and phone, for the return visit (回访); shown masked in lists.
  raiser_name text,
  raiser_phone text,
  -- The account that raised or entered it (an owner's own, or staff's); null from the public page.
  raised_by uuid,
  received_at timestamptz NOT NULL DEFAULT now(),
  acknowledge_due_at timestamptz NOT NULL,
  resolve_due_at timestamptz NOT NULL,
  acknowledged_at timestamptz,
  assigned_at timestamptz,
  replied_at timestamptz,
  closed_at timestamptz,
  reply text,
  rating text CHECK (rating IN ('satisfied', 'basically_satisfied', 'unsatisfied')),
  rating_comment text,
  reopen_count integer NOT NULL DEFAULT 0,
  reminded_at timestamptz,
  -- Overdue and sent up to the street (街乡吹哨、部门报到, 湘建房〔2021〕231号 五（二）).
  escalated_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_quarter_idx ON cases (quarter_id, received_at DESC);
CREATE INDEX cases_community_idx ON cases (community_id, received_at DESC);
CREATE INDEX cases_street_idx ON cases (street_id, received_at DESC);
CREATE INDEX cases_district_idx ON cases (district_id, received_at DESC);
-- A department's queue over a whole district.
CREATE INDEX cases_department_idx ON cases (district_id, handler_department, received_at DESC) WHERE handler_kind = 'department';
CREATE INDEX cases_raised_by_idx ON cases (raised_by) WHERE raised_by IS NOT NULL;
-- The deadline job reads only the open cases.
CREATE INDEX cases_open_idx ON cases (resolve_due_at) WHERE status <> 'closed';

-- Every step: who (account, or the raiser), when, what, and the status before and after.
CREATE TABLE case_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  district_id uuid NOT NULL,
  quarter_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  action text NOT NULL,
  from_status text,
  to_status text,
  actor_id uuid,
  -- The office as the public may see it (物业服务企业, 城管部门, 社区…); the person's name only for staff.
  actor_office text NOT NULL,
  actor_name text,
  note text,
  handler_kind text,
  handler_department text,
  rating text
);
CREATE INDEX case_events_case_idx ON case_events (case_id, at);

CREATE TABLE case_photos (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  district_id uuid NOT NULL,
  quarter_id uuid NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_photos_case_idx ON case_photos (case_id);

-- One-time codes to the phone of someone raising a case without an account; the code and the
-- token it earns are stored only as keyed hashes, the phone as a keyed hash for the limits.
CREATE TABLE case_phone_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL,
  quarter_id uuid NOT NULL,
  phone_hash text NOT NULL,
  code_hash text NOT NULL,
  ip text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  tries integer NOT NULL DEFAULT 0,
  used_at timestamptz,
  token_hash text UNIQUE,
  token_expires_at timestamptz,
  token_used_at timestamptz
);
CREATE INDEX case_phone_codes_phone_idx ON case_phone_codes (phone_hash, created_at);
CREATE INDEX case_phone_codes_ip_idx ON case_phone_codes (ip, created_at);

-- The hazard database (风险隐患信息数据库, T/ZAS 4006.1—2020 6.2.4.3): class, level, place, the
-- loop found → dissuaded → reported → handled → verified (湘建房〔2021〕231号 五（二）), its
-- deadline and who verified it.
CREATE TABLE hazards (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL,
  street_id uuid NOT NULL,
  community_id uuid NOT NULL,
  quarter_id uuid NOT NULL,
  class text NOT NULL CHECK (class IN ('fire', 'electricity', 'gas', 'structure', 'elevator', 'public-health', 'flood', 'public-order', 'other')),
  level text NOT NULL CHECK (level IN ('general', 'major', 'severe')),
  location text NOT NULL,
  description text NOT NULL,
  status text NOT NULL DEFAULT 'found' CHECK (status IN ('found', 'dissuaded', 'reported', 'handling', 'verified')),
  found_by uuid,
  found_at timestamptz NOT NULL DEFAULT now(),
  due_at timestamptz NOT NULL,
  handled_by uuid,
  verified_by uuid,
  verified_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hazards_quarter_idx ON hazards (quarter_id, found_at DESC);
CREATE INDEX hazards_community_idx ON hazards (community_id, found_at DESC);
CREATE INDEX hazards_street_idx ON hazards (street_id, found_at DESC);
CREATE INDEX hazards_district_idx ON hazards (district_id, found_at DESC);

CREATE TABLE hazard_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  hazard_id uuid NOT NULL REFERENCES hazards(id) ON DELETE CASCADE,
  district_id uuid NOT NULL,
  quarter_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_id uuid,
  actor_office text NOT NULL,
  actor_name text,
  note text
);
CREATE INDEX hazard_events_hazard_idx ON hazard_events (hazard_id, at);

-- The dispute register (HZ DB3305/T 309—2024 5.1.4; T/ZAS 4006.1—2020 6.3.3): the parties, the
-- subject, the risk level (a major one is reported upward), the mediation (simple, public with
-- its time and place announced, or joint across quarters), the agreement and the follow-up.
CREATE TABLE disputes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL,
  street_id uuid NOT NULL,
  community_id uuid NOT NULL,
  quarter_id uuid NOT NULL,
  subject text NOT NULL,
  parties text NOT NULL,
  description text NOT NULL,
  risk text NOT NULL CHECK (risk IN ('low', 'medium', 'high', 'major')),
  status text NOT NULL DEFAULT 'registered' CHECK (status IN ('registered', 'mediating', 'agreed', 'failed', 'closed')),
  mediation_kind text CHECK (mediation_kind IN ('simple', 'public', 'joint')),
  mediation_at timestamptz,
  mediation_place text,
  mediator_name text,
  agreement text,
  follow_up text,
  registered_by uuid,
  registered_at timestamptz NOT NULL DEFAULT now(),
  reported_up_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX disputes_quarter_idx ON disputes (quarter_id, registered_at DESC);
CREATE INDEX disputes_community_idx ON disputes (community_id, registered_at DESC);
CREATE INDEX disputes_street_idx ON disputes (street_id, registered_at DESC);
CREATE INDEX disputes_district_idx ON disputes (district_id, registered_at DESC);

CREATE TABLE dispute_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dispute_id uuid NOT NULL REFERENCES disputes(id) ON DELETE CASCADE,
  district_id uuid NOT NULL,
  quarter_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_id uuid,
  actor_office text NOT NULL,
  actor_name text,
  note text
);
CREATE INDEX dispute_events_dispute_idx ON dispute_events (dispute_id, at);

-- Patrol records (巡查) of grid workers and building leaders: the check items with what was found,
-- and the cases and hazards its findings became in the same step.
CREATE TABLE patrols (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL,
  street_id uuid NOT NULL,
  community_id uuid NOT NULL,
  quarter_id uuid NOT NULL,
  patrolled_by uuid NOT NULL,
  patrolled_at timestamptz NOT NULL DEFAULT now(),
  items jsonb NOT NULL,
  note text,
  findings integer NOT NULL DEFAULT 0
);
CREATE INDEX patrols_quarter_idx ON patrols (quarter_id, patrolled_at DESC);
CREATE INDEX patrols_community_idx ON patrols (community_id, patrolled_at DESC);
CREATE INDEX patrols_street_idx ON patrols (street_id, patrolled_at DESC);
CREATE INDEX patrols_district_idx ON patrols (district_id, patrolled_at DESC);
ALTER TABLE cases ADD COLUMN patrol_id uuid REFERENCES patrols(id);
ALTER TABLE hazards ADD COLUMN patrol_id uuid REFERENCES patrols(id);

-- Emergency plans of a quarter by class, with their contacts, and drills with their date and
-- attendance (T/ZAS 4006.1—2020 6.2.4.1).
CREATE TABLE emergency_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL,
  street_id uuid NOT NULL,
  community_id uuid NOT NULL,
  quarter_id uuid NOT NULL,
  plan_class text NOT NULL CHECK (plan_class IN ('accident', 'public-health', 'committee-unable', 'company-leaving', 'facility-failure')),
  title text NOT NULL,
  contacts text NOT NULL,
  approved_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX emergency_plans_quarter_idx ON emergency_plans (quarter_id);
CREATE TABLE emergency_drills (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL,
  street_id uuid NOT NULL,
  community_id uuid NOT NULL,
  quarter_id uuid NOT NULL,
  plan_class text CHECK (plan_class IN ('accident', 'public-health', 'committee-unable', 'company-leaving', 'facility-failure')),
  held_on date NOT NULL,
  attendance integer NOT NULL CHECK (attendance >= 0),
  note text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX emergency_drills_quarter_idx ON emergency_drills (quarter_id, held_on DESC);
