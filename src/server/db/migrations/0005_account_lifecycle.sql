-- Account lifecycle (disable, reset, move) and the link from an account to the organisation
-- record its role comes from (docs/architecture.md, "Accounts and the offices they hold").

-- Sessions started before this instant no longer count: a reset password or a moved account
-- ends every session at once, in the same transaction as the change, without the users module
-- writing the sessions table (the auth module compares it with each session's start).
ALTER TABLE users ADD COLUMN sessions_ended_at timestamptz;
-- Set by a password reset: the account may do nothing but change its password until it has.
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
-- The office the account's role comes from: a member of the owners' or supervisory committee,
-- a commissioner's appointment, a building leader, a party organisation or the property company
-- serving the account's quarter. The role's permissions hold only while that record is current.
ALTER TABLE users ADD COLUMN office_kind text
  CHECK (office_kind IN ('committee_member', 'supervisory_member', 'commissioner', 'building_leader', 'party_organization', 'property_company'));
ALTER TABLE users ADD COLUMN office_id uuid;
ALTER TABLE users ADD CONSTRAINT users_office_pair CHECK ((office_kind IS NULL) = (office_id IS NULL));
CREATE INDEX users_office_idx ON users (office_kind, office_id) WHERE office_id IS NOT NULL;
