-- Foundation: places, registry (一小区一档案, T/ZAS 4006.1—2020 6.1.3.2), accounts, sessions, audit.
-- Every tenant table carries district_id (and quarter_id where it belongs to one) so that the
-- data can later be sharded by district without a redesign.

CREATE TABLE districts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  policy_pack text NOT NULL DEFAULT 'ZAS',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE streets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (district_id, name)
);

CREATE TABLE communities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  street_id uuid NOT NULL REFERENCES streets(id),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (street_id, name)
);

-- A quarter is one property management area (物业管理区域, ZAS 3.2).
CREATE TABLE quarters (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  street_id uuid NOT NULL REFERENCES streets(id),
  community_id uuid NOT NULL REFERENCES communities(id),
  name text NOT NULL,
  type text NOT NULL DEFAULT 'commercial'
    CHECK (type IN ('commercial', 'resettlement', 'old', 'mixed', 'other')),
  address text NOT NULL DEFAULT '',
  total_building_area bigint NOT NULL CHECK (total_building_area > 0),
  sold_area bigint NOT NULL DEFAULT 0 CHECK (sold_area >= 0),
  delivered_area bigint NOT NULL CHECK (delivered_area >= 0),
  first_delivery_date date,
  households integer NOT NULL CHECK (households >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (delivered_area <= total_building_area),
  CHECK (sold_area <= total_building_area),
  UNIQUE (community_id, name)
);
CREATE INDEX quarters_street_idx ON quarters (street_id);
CREATE INDEX quarters_district_idx ON quarters (district_id);

CREATE TABLE buildings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  name text NOT NULL,
  floors integer CHECK (floors IS NULL OR floors > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (quarter_id, name)
);

-- A unit is an exclusive part (专有部分) with its exclusive area in 0.01 m².
CREATE TABLE units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  building_id uuid NOT NULL REFERENCES buildings(id),
  number text NOT NULL,
  exclusive_area bigint NOT NULL CHECK (exclusive_area > 0),
  use text NOT NULL DEFAULT 'residential' CHECK (use IN ('residential', 'commercial', 'other')),
  -- The property certificate number is matched when an owner proves who they are for a vote;
  -- it is kept as a keyed hash with a masked form for display.
  certificate_hash text,
  certificate_masked text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (building_id, number)
);
CREATE INDEX units_quarter_idx ON units (quarter_id);

CREATE TABLE owners (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  kind text NOT NULL CHECK (kind IN ('person', 'developer', 'organization')),
  name text NOT NULL,
  -- 个人信息保护法: the ID number is never stored in full; a keyed hash lets the platform match
  -- it, the masked form lets staff recognise it.
  id_number_hash text,
  id_number_masked text,
  phone text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX owners_quarter_idx ON owners (quarter_id);
CREATE UNIQUE INDEX owners_quarter_idnumber_uq ON owners (quarter_id, id_number_hash)
  WHERE id_number_hash IS NOT NULL;

-- Co-ownership: a unit may have several owners, an owner several units.
CREATE TABLE unit_owners (
  unit_id uuid NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  owner_id uuid NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (unit_id, owner_id)
);
CREATE INDEX unit_owners_owner_idx ON unit_owners (owner_id);
CREATE INDEX unit_owners_quarter_idx ON unit_owners (quarter_id);

-- Residents (ZAS 6.2.2.2): permanent, floating, tenants; people needing care flagged.
CREATE TABLE residents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  unit_id uuid REFERENCES units(id) ON DELETE SET NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('permanent', 'floating', 'tenant')),
  needs_care boolean NOT NULL DEFAULT false,
  care_note text,
  phone text,
  id_number_hash text,
  id_number_masked text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX residents_quarter_idx ON residents (quarter_id);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  display_name text NOT NULL,
  role text NOT NULL,
  scope_level text NOT NULL CHECK (scope_level IN ('district', 'street', 'community', 'quarter', 'building')),
  scope_id uuid NOT NULL,
  -- The scope's whole path, fixed when the account is made, so that every request can check
  -- scope without walking the hierarchy.
  district_id uuid NOT NULL REFERENCES districts(id),
  street_id uuid REFERENCES streets(id),
  community_id uuid REFERENCES communities(id),
  quarter_id uuid REFERENCES quarters(id),
  building_id uuid REFERENCES buildings(id),
  owner_id uuid REFERENCES owners(id),
  phone text,
  locale text NOT NULL DEFAULT 'zh-CN',
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz NOT NULL DEFAULT now()
);

-- Sessions live in the database so that several server processes can share them; the
-- cookie carries a random token and only its SHA-256 is stored.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Failed logins, counted per username and per address, for rate limiting that holds across
-- processes.
CREATE TABLE login_attempts (
  id bigserial PRIMARY KEY,
  username text NOT NULL,
  ip text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_username_idx ON login_attempts (username, at);
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, at);

-- Every write, with who, when, what and the state before and after. The place columns let
-- each office read exactly the entries inside its scope.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid,
  username text,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  district_id uuid,
  street_id uuid,
  community_id uuid,
  quarter_id uuid,
  before jsonb,
  after jsonb,
  ip text
);
CREATE INDEX audit_log_quarter_idx ON audit_log (quarter_id, at);
CREATE INDEX audit_log_district_idx ON audit_log (district_id, at);

CREATE TABLE import_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  user_id uuid REFERENCES users(id),
  file_name text NOT NULL,
  status text NOT NULL CHECK (status IN ('rejected', 'writing', 'done', 'failed')),
  total integer NOT NULL DEFAULT 0,
  errors jsonb NOT NULL DEFAULT '[]'::jsonb,
  summary jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

-- Platform settings, e.g. the key for keyed hashes of ID numbers when GONGZHI_SECRET is not set.
CREATE TABLE platform_settings (
  key text PRIMARY KEY,
  value text NOT NULL
);
