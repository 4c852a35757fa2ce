-- Organisations (组织建设, T/ZAS 4006.1—2020 5; 百委〔2023〕37号 二（一）–（二）;
-- 西政办〔2020〕29号 二（三）7): the people and bodies of tripartite governance. Every table carries
-- district_id, and quarter_id where the record belongs to one quarter, so that the data can later
-- be sharded by district. Areas are 0.01 m² and money is fen, both bigint; days are date.

-- Tripartite offices (三方办 / 微治办) at district, street or community level (ZAS 5.2, BG 二（一）1).
CREATE TABLE tripartite_offices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  level text NOT NULL CHECK (level IN ('district', 'street', 'community')),
  street_id uuid REFERENCES streets(id),
  community_id uuid REFERENCES communities(id),
  name text NOT NULL,
  established_on date,
  address text NOT NULL DEFAULT '',
  phone text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((level = 'district' AND street_id IS NULL AND community_id IS NULL)
      OR (level = 'street' AND street_id IS NOT NULL AND community_id IS NULL)
      OR (level = 'community' AND street_id IS NOT NULL AND community_id IS NOT NULL))
);
-- One office per place.
CREATE UNIQUE INDEX tripartite_offices_place_uq
  ON tripartite_offices (district_id, level, coalesce(street_id, district_id), coalesce(community_id, district_id));

CREATE TABLE office_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  office_id uuid NOT NULL REFERENCES tripartite_offices(id) ON DELETE CASCADE,
  name text NOT NULL,
  -- 主任, 常务副主任, 副主任, 成员 …, as the office's own document names them.
  position text NOT NULL DEFAULT '',
  -- The department the member comes from (组织, 城建, 民政, 综治, 城管, 公安 …, ZAS 5.2.1).
  department text NOT NULL DEFAULT '',
  phone text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX office_members_office_idx ON office_members (office_id);

-- Property service companies (物业服务企业). A company is registered once per district and may
-- serve several quarters; its party members are counted for ZAS 5.1.2 / BG 二（四）11.
CREATE TABLE property_companies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  name text NOT NULL,
  -- 统一社会信用代码, 18 characters (GB 32100).
  credit_code text NOT NULL,
  phone text,
  address text NOT NULL DEFAULT '',
  party_member_count integer NOT NULL DEFAULT 0 CHECK (party_member_count >= 0),
  -- Full (正式) party members, where known; BG 二（四）11 counts only these.
  full_party_member_count integer CHECK (full_party_member_count IS NULL OR full_party_member_count >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (full_party_member_count IS NULL OR full_party_member_count <= party_member_count),
  UNIQUE (district_id, credit_code)
);

-- Owners' committees (业主委员会), one row per term (届). 'forming' is the preparation of an
-- election (筹备), 'active' the committee in office, 'ended' a past term.
CREATE TABLE owners_committees (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  term_number integer CHECK (term_number IS NULL OR term_number > 0),
  term_start date NOT NULL,
  -- The last day of the term (see core/policy/rules/committee-term.ts).
  term_end date NOT NULL,
  status text NOT NULL CHECK (status IN ('forming', 'active', 'ended')),
  elected_on date,
  ended_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (term_end >= term_start)
);
CREATE INDEX owners_committees_quarter_idx ON owners_committees (quarter_id);
-- One committee in office and one in preparation per quarter at a time.
CREATE UNIQUE INDEX owners_committees_active_uq ON owners_committees (quarter_id) WHERE status = 'active';
CREATE UNIQUE INDEX owners_committees_forming_uq ON owners_committees (quarter_id) WHERE status = 'forming';

-- Candidates for the owners' committee and their vetting (BG 二（二）5–6): recommendation →
-- community pre-review → street review → joint department review.
CREATE TABLE candidates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  owner_id uuid NOT NULL REFERENCES owners(id),
  name text NOT NULL,
  recommended_by text NOT NULL CHECK (recommended_by IN ('party-organization', 'co-signing-owners')),
  party_organization_id uuid,
  co_signer_count integer CHECK (co_signer_count IS NULL OR co_signer_count > 0),
  recommended_on date NOT NULL,
  -- Professional skills sought for the reserve pool (BG 二（二）6): finance, law, engineering.
  skills jsonb NOT NULL DEFAULT '[]'::jsonb,
  is_party_member boolean NOT NULL DEFAULT false,
  -- Answers to the qualification checklist (BG 二（二）5, ZAS 5.4.3): {itemId: true|false}.
  checklist jsonb NOT NULL DEFAULT '{}'::jsonb,
  status text NOT NULL DEFAULT 'recommended'
    CHECK (status IN ('recommended', 'community-approved', 'street-approved', 'approved', 'rejected')),
  in_reserve_pool boolean NOT NULL DEFAULT false,
  committee_member_id uuid,
  note text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((recommended_by = 'co-signing-owners') = (co_signer_count IS NOT NULL))
);
CREATE INDEX candidates_quarter_idx ON candidates (quarter_id, status);
-- An owner is in one open vetting at a time.
CREATE UNIQUE INDEX candidates_open_uq ON candidates (quarter_id, owner_id)
  WHERE status <> 'rejected' AND committee_member_id IS NULL;

CREATE TABLE candidate_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  candidate_id uuid NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
  step text NOT NULL CHECK (step IN ('community-pre-review', 'street-review', 'joint-department-review')),
  reviewer_id uuid REFERENCES users(id) ON DELETE SET NULL,
  reviewer_name text NOT NULL,
  reviewed_on date NOT NULL,
  opinion text NOT NULL,
  decision text NOT NULL CHECK (decision IN ('approve', 'reject')),
  -- The departments that gave the joint opinion (部门联合审查), for the last step.
  departments jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Each step is taken once.
  UNIQUE (candidate_id, step)
);

CREATE TABLE committee_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  committee_id uuid NOT NULL REFERENCES owners_committees(id) ON DELETE CASCADE,
  owner_id uuid NOT NULL REFERENCES owners(id),
  candidate_id uuid REFERENCES candidates(id) ON DELETE SET NULL,
  name text NOT NULL,
  position text NOT NULL CHECK (position IN ('chair', 'vice-chair', 'member')),
  is_party_member boolean NOT NULL DEFAULT false,
  joined_on date,
  -- 三承诺 (竞职承诺、干事承诺、辞职承诺, BG 二（二）7): the day they were signed.
  commitments_signed_on date,
  removed_on date,
  removal_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((removed_on IS NULL) = (removal_reason IS NULL))
);
CREATE INDEX committee_members_committee_idx ON committee_members (committee_id);
CREATE UNIQUE INDEX committee_members_owner_uq ON committee_members (committee_id, owner_id) WHERE removed_on IS NULL;

ALTER TABLE candidates ADD CONSTRAINT candidates_member_fk
  FOREIGN KEY (committee_member_id) REFERENCES committee_members(id) ON DELETE SET NULL;

-- Yearly training of committee members (BG 二（二）7): each session and who attended.
CREATE TABLE committee_trainings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  committee_id uuid NOT NULL REFERENCES owners_committees(id) ON DELETE CASCADE,
  held_on date NOT NULL,
  topic text NOT NULL,
  organizer text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX committee_trainings_committee_idx ON committee_trainings (committee_id);

CREATE TABLE committee_training_attendees (
  training_id uuid NOT NULL REFERENCES committee_trainings(id) ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES committee_members(id) ON DELETE CASCADE,
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  PRIMARY KEY (training_id, member_id)
);
CREATE INDEX committee_training_attendees_member_idx ON committee_training_attendees (member_id);

-- Appraisal of the members (考核评价, BG 二（二）7 yearly; HN 四（三） every half year).
CREATE TABLE committee_appraisals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  committee_id uuid NOT NULL REFERENCES owners_committees(id) ON DELETE CASCADE,
  appraised_on date NOT NULL,
  period_label text NOT NULL DEFAULT '',
  led_by text NOT NULL DEFAULT '',
  -- [{memberId, rating: excellent|competent|basically-competent|incompetent, note}]
  results jsonb NOT NULL DEFAULT '[]'::jsonb,
  published_on date,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX committee_appraisals_committee_idx ON committee_appraisals (committee_id);

-- Owners' supervisory committee (业主监督(管理)委员会, DB3305/T 309—2024 3.2).
CREATE TABLE supervisory_committees (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  term_start date NOT NULL,
  term_end date NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'ended')),
  elected_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (term_end >= term_start)
);
CREATE UNIQUE INDEX supervisory_committees_active_uq ON supervisory_committees (quarter_id) WHERE status = 'active';

CREATE TABLE supervisory_committee_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  supervisory_committee_id uuid NOT NULL REFERENCES supervisory_committees(id) ON DELETE CASCADE,
  owner_id uuid NOT NULL REFERENCES owners(id),
  name text NOT NULL,
  position text NOT NULL CHECK (position IN ('chair', 'member')),
  is_party_member boolean NOT NULL DEFAULT false,
  joined_on date,
  removed_on date,
  removal_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((removed_on IS NULL) = (removal_reason IS NULL))
);
CREATE UNIQUE INDEX supervisory_members_owner_uq ON supervisory_committee_members (supervisory_committee_id, owner_id) WHERE removed_on IS NULL;

-- Party organisations (党组织) of a quarter, of its owners' committee, or of a property company
-- (ZAS 5.1, BG 二（四）11). A company's organisation belongs to the company, not to a quarter.
CREATE TABLE party_organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid REFERENCES quarters(id),
  kind text NOT NULL CHECK (kind IN ('quarter', 'committee', 'company')),
  owners_committee_id uuid REFERENCES owners_committees(id) ON DELETE CASCADE,
  property_company_id uuid REFERENCES property_companies(id) ON DELETE CASCADE,
  name text NOT NULL,
  -- branch 党支部, general-branch 党总支, party-committee 党委, joint-branch 联合党支部,
  -- attached (挂靠 a community or quarter organisation, BG 二（四）11).
  form text NOT NULL DEFAULT 'branch' CHECK (form IN ('branch', 'general-branch', 'party-committee', 'joint-branch', 'attached')),
  secretary_name text NOT NULL DEFAULT '',
  secretary_phone text,
  member_count integer NOT NULL DEFAULT 0 CHECK (member_count >= 0),
  established_on date,
  dissolved_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'quarter' AND quarter_id IS NOT NULL AND owners_committee_id IS NULL AND property_company_id IS NULL)
      OR (kind = 'committee' AND quarter_id IS NOT NULL AND owners_committee_id IS NOT NULL AND property_company_id IS NULL)
      OR (kind = 'company' AND quarter_id IS NULL AND owners_committee_id IS NULL AND property_company_id IS NOT NULL))
);
CREATE INDEX party_organizations_quarter_idx ON party_organizations (quarter_id);
CREATE INDEX party_organizations_company_idx ON party_organizations (property_company_id);

ALTER TABLE candidates ADD CONSTRAINT candidates_party_organization_fk
  FOREIGN KEY (party_organization_id) REFERENCES party_organizations(id) ON DELETE SET NULL;

-- Quarter commissioners (小区专员, ZAS 5.3.1; public profile ZAS 6.1.3.5).
CREATE TABLE commissioners (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  name text NOT NULL,
  phone text NOT NULL,
  -- A path or URL of the photo on the public profile, or null.
  photo_path text,
  is_party_member boolean NOT NULL DEFAULT false,
  trained_on date,
  started_on date NOT NULL,
  ended_on date,
  end_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX commissioners_quarter_idx ON commissioners (quarter_id);

-- Property service contracts (物业服务合同), ZAS 5.5.2: how the company was chosen, the term,
-- the fee standard (fen per m² of building area per month) and the service standard.
CREATE TABLE service_contracts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  property_company_id uuid NOT NULL REFERENCES property_companies(id),
  selection_method text NOT NULL CHECK (selection_method IN ('tender', 'direct', 'assembly-vote')),
  starts_on date NOT NULL,
  -- The last day of service; null while open-ended.
  ends_on date,
  -- An early end: the last day of service actually given.
  terminated_on date,
  fee_standard_fen bigint NOT NULL CHECK (fee_standard_fen >= 0),
  service_standard text NOT NULL DEFAULT '',
  signed_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on IS NULL OR ends_on >= starts_on),
  CHECK (terminated_on IS NULL OR terminated_on >= starts_on)
);
CREATE INDEX service_contracts_quarter_idx ON service_contracts (quarter_id);
CREATE INDEX service_contracts_company_idx ON service_contracts (property_company_id);

-- Grids, building leaders, social organisations and volunteers (DB3305/T 309—2024 3.4, A.5–A.6).
CREATE TABLE grids (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  name text NOT NULL,
  leader_name text NOT NULL DEFAULT '',
  leader_phone text,
  note text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (quarter_id, name)
);

CREATE TABLE building_leaders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  building_id uuid NOT NULL REFERENCES buildings(id),
  name text NOT NULL,
  phone text,
  started_on date,
  ended_on date,
  note text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX building_leaders_quarter_idx ON building_leaders (quarter_id);

CREATE TABLE social_organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  name text NOT NULL,
  kind text NOT NULL DEFAULT '',
  contact_name text NOT NULL DEFAULT '',
  contact_phone text,
  note text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (quarter_id, name)
);

CREATE TABLE volunteers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  name text NOT NULL,
  phone text,
  team text NOT NULL DEFAULT '',
  skills text NOT NULL DEFAULT '',
  joined_on date,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX volunteers_quarter_idx ON volunteers (quarter_id);
