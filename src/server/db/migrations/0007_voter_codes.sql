-- One-time codes sent to the phone on record of an owner who has verified for a vote with the
-- two numbers (ID number, property certificate number). Those numbers are held by whoever
-- imported the registry; the code proves that the person asking also holds the owner's phone
-- (issue 11 point 3). The code itself is stored only as a keyed hash.
CREATE TABLE owner_verification_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  vote_id uuid NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
  member text NOT NULL,
  owner_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  -- Wrong entries so far; the code is dead at the limit.
  tries integer NOT NULL DEFAULT 0,
  used_at timestamptz,
  ip text NOT NULL,
  FOREIGN KEY (vote_id, member) REFERENCES vote_roll (vote_id, member) ON DELETE CASCADE
);
CREATE INDEX owner_verification_codes_member_idx ON owner_verification_codes (vote_id, member, created_at);
CREATE INDEX owner_verification_codes_ip_idx ON owner_verification_codes (vote_id, ip, created_at);
