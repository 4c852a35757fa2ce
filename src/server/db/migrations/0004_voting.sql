-- Owners' assembly voting (业主大会表决). The counting rules and the published
-- record are fixed by docs/vote-record-format.md (gongzhi.vote-record/1); 民法典 第278条, 第1259条.
-- Every table carries district_id and quarter_id, like every tenant table.

-- A vote of the owners' assembly of a quarter (civil-code-278), or of the household
-- representatives of one building (building-majority, HZ 5.1.3.2.2.5).
CREATE TABLE votes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  -- The whole path of the quarter, copied when the vote is made, so that the module checks
  -- scope on its own rows without reading the registry's tables.
  street_id uuid NOT NULL,
  community_id uuid NOT NULL,
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  building_id uuid REFERENCES buildings(id),
  -- The quarter's name as it stands in the record; fixed when the vote opens.
  quarter_name text NOT NULL,
  title text NOT NULL,
  rule text NOT NULL CHECK (rule IN ('civil-code-278', 'building-majority')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed', 'published')),
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL,
  -- Days after closing during which owners may object before the result is final.
  objection_days integer NOT NULL DEFAULT 7 CHECK (objection_days BETWEEN 0 AND 60),
  -- Frozen when the vote opens: the roll's totals and fingerprint, the genesis hash.
  roll_fingerprint text,
  roll_members integer,
  roll_area bigint,
  genesis text,
  -- The chain's head hash and the last seq: the next ballot's prev and seq - 1. Appending a
  -- ballot locks this row (SELECT … FOR UPDATE), so that the chain has no forks or gaps.
  head text,
  last_seq integer NOT NULL DEFAULT 0,
  -- The result at close, in exactly the shape `gongzhi tally` prints.
  result jsonb,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  opened_at timestamptz,
  opened_by uuid,
  closed_at timestamptz,
  closed_by uuid,
  objection_ends_at timestamptz,
  published_at timestamptz,
  published_by uuid,
  CHECK (closes_at > opens_at),
  -- A building-majority vote is a building's; an owners' assembly vote is the quarter's.
  CHECK ((rule = 'building-majority') = (building_id IS NOT NULL)),
  CHECK (status = 'draft' OR (roll_fingerprint IS NOT NULL AND genesis IS NOT NULL AND head IS NOT NULL)),
  CHECK (status NOT IN ('closed', 'published') OR result IS NOT NULL)
);
CREATE INDEX votes_quarter_idx ON votes (quarter_id, created_at);
CREATE INDEX votes_district_idx ON votes (district_id);
CREATE INDEX votes_open_idx ON votes (status, closes_at);

-- The items put to the vote, ids "1", "2", … in order.
CREATE TABLE vote_items (
  vote_id uuid NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
  id text NOT NULL,
  position integer NOT NULL,
  district_id uuid NOT NULL,
  quarter_id uuid NOT NULL,
  title text NOT NULL,
  matter text NOT NULL CHECK (matter IN ('ordinary', 'special')),
  -- The item of 民法典 第278条 第1款 (1–9) the matter falls under; items 6–8 are special.
  article278_item integer CHECK (article278_item BETWEEN 1 AND 9),
  PRIMARY KEY (vote_id, id),
  UNIQUE (vote_id, position),
  CHECK (article278_item IS NULL OR (matter = 'special') = (article278_item BETWEEN 6 AND 8))
);

-- The voter roll (表决权人名册), frozen when the vote opens: one row per voting member, with
-- a pseudonym stable within this vote only and the sum of the member's exclusive areas.
CREATE TABLE vote_roll (
  vote_id uuid NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
  member text NOT NULL,
  district_id uuid NOT NULL,
  quarter_id uuid NOT NULL,
  area bigint NOT NULL CHECK (area >= 0),
  PRIMARY KEY (vote_id, member)
);

-- Which owners and units each member stood for when the roll was frozen. Private: never
-- exported, never shown; used to verify an owner, to find the member of a paper ballot and to
-- remind members who have not voted. No foreign keys on purpose: a later change to the
-- registry must not change (or be blocked by) a frozen roll.
CREATE TABLE vote_roll_links (
  vote_id uuid NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
  member text NOT NULL,
  unit_id uuid NOT NULL,
  owner_id uuid NOT NULL,
  district_id uuid NOT NULL,
  quarter_id uuid NOT NULL,
  PRIMARY KEY (vote_id, unit_id, owner_id),
  FOREIGN KEY (vote_id, member) REFERENCES vote_roll (vote_id, member) ON DELETE CASCADE
);
CREATE INDEX vote_roll_links_member_idx ON vote_roll_links (vote_id, member);
CREATE INDEX vote_roll_links_owner_idx ON vote_roll_links (vote_id, owner_id);

-- Scans of signed paper ballots and proxy letters, kept in the database so that every server
-- process sees them and a backup holds them.
CREATE TABLE vote_scans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  vote_id uuid NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
  district_id uuid NOT NULL,
  quarter_id uuid NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by uuid,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX vote_scans_vote_idx ON vote_scans (vote_id);

-- Ballots (选票), each sealed into the vote's hash chain as the format document says. One
-- ballot per member, whatever the channel, is enforced here: UNIQUE (vote_id, member).
CREATE TABLE ballots (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  vote_id uuid NOT NULL REFERENCES votes(id),
  district_id uuid NOT NULL,
  quarter_id uuid NOT NULL,
  seq integer NOT NULL CHECK (seq >= 1),
  member text NOT NULL,
  choices jsonb NOT NULL,
  channel text NOT NULL CHECK (channel IN ('online', 'paper', 'proxy')),
  -- Exactly the string that was hashed and is published (ISO 8601, +08:00).
  cast_at text NOT NULL,
  prev text NOT NULL,
  hash text NOT NULL,
  -- Who entered a paper or proxy ballot (staff); null for a ballot the owner cast online.
  entered_by uuid,
  entered_by_name text,
  -- Which owner verified and cast an online ballot (for a co-owned unit, which co-owner).
  cast_by_owner uuid,
  scan_id uuid REFERENCES vote_scans(id),
  proxy_holder text,
  -- The unit a paper or proxy ballot was entered for, as staff saw it (building and number).
  unit_label text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT ballots_one_per_member UNIQUE (vote_id, member),
  CONSTRAINT ballots_seq_unique UNIQUE (vote_id, seq),
  FOREIGN KEY (vote_id, member) REFERENCES vote_roll (vote_id, member),
  CHECK (channel <> 'paper' OR scan_id IS NOT NULL),
  CHECK (channel <> 'proxy' OR proxy_holder IS NOT NULL),
  CHECK (channel = 'online' OR entered_by IS NOT NULL)
);
-- A scan proves one paper ballot or proxy letter; it cannot stand behind a second ballot.
CREATE UNIQUE INDEX ballots_scan_uq ON ballots (scan_id) WHERE scan_id IS NOT NULL;

-- An owner proves who they are once per vote (ID number + property certificate number,
-- matched by keyed hash against the registry and the frozen roll) and gets a voter token
-- bound to their member. Only the token's SHA-256 is stored.
CREATE TABLE owner_verifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  vote_id uuid NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
  district_id uuid NOT NULL,
  quarter_id uuid NOT NULL,
  member text NOT NULL,
  owner_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  FOREIGN KEY (vote_id, member) REFERENCES vote_roll (vote_id, member) ON DELETE CASCADE
);
CREATE INDEX owner_verifications_vote_idx ON owner_verifications (vote_id, member);

-- Failed verifications, counted per vote and address to slow down guessing.
CREATE TABLE owner_verification_failures (
  id bigserial PRIMARY KEY,
  vote_id uuid NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
  ip text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX owner_verification_failures_idx ON owner_verification_failures (vote_id, ip, at);

-- Objections (异议) raised during the objection period after the vote closes; the result is
-- published only when the period is over and every objection has an answer.
CREATE TABLE vote_objections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  vote_id uuid NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
  district_id uuid NOT NULL,
  quarter_id uuid NOT NULL,
  -- Raised by a verified member, or recorded by staff from a letter.
  member text,
  filed_by uuid,
  filed_by_name text,
  text text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered')),
  response text,
  answered_by uuid,
  answered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (member IS NOT NULL OR filed_by IS NOT NULL)
);
CREATE INDEX vote_objections_vote_idx ON vote_objections (vote_id, created_at);
