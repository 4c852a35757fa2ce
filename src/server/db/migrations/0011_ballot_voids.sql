-- Voiding a staff-entered ballot that was entered wrongly (issue 10, point 5): a paper or proxy
-- ballot entered on the wrong unit is voided before the close, with a reason, and the unit can
-- then be entered again. Only version 2 votes allow it (docs/vote-record-format.md, "Voided
-- ballots"): a version 1 record publishes the cast-order chain itself and has no entry for a void.
--
-- The voided ballot leaves `ballots` for this table, as it was sealed, so that everything that
-- counts ballots (turnout, the result, the record, who has not voted) and the rules of one
-- ballot per member and one ballot per scan apply to the ballots that stand, and the unit's
-- member can cast again. The void is an entry of the server's own cast-order chain: its seq
-- follows the last entry, its prev is the chain's head, and its hash names the voided entry
-- (void_seq, void_prev, void_hash). With the ballots, these rows are the whole chain.
CREATE TABLE voided_ballots (
  -- The ballot exactly as it stood in `ballots`.
  id uuid PRIMARY KEY,
  vote_id uuid NOT NULL REFERENCES votes(id),
  district_id uuid NOT NULL,
  quarter_id uuid NOT NULL,
  seq integer NOT NULL CHECK (seq >= 1),
  member text NOT NULL,
  choices jsonb NOT NULL,
  channel text NOT NULL CHECK (channel IN ('paper', 'proxy')),
  cast_at text NOT NULL,
  prev text NOT NULL,
  hash text NOT NULL,
  entered_by uuid NOT NULL,
  entered_by_name text,
  cast_by_owner uuid,
  scan_id uuid REFERENCES vote_scans(id),
  proxy_holder text,
  unit_label text,
  nonce text,
  area_salt text,
  area_commitment text,
  record_hash text,
  created_at timestamptz NOT NULL,
  -- The void: its entry in the cast-order chain, when (the string that was hashed, +08:00),
  -- who and why.
  void_seq integer NOT NULL CHECK (void_seq > seq),
  void_prev text NOT NULL,
  void_hash text NOT NULL,
  voided_at text NOT NULL,
  voided_by uuid NOT NULL,
  voided_by_name text,
  reason text NOT NULL CHECK (char_length(reason) >= 2),
  FOREIGN KEY (vote_id, member) REFERENCES vote_roll (vote_id, member),
  CONSTRAINT voided_ballots_seq_unique UNIQUE (vote_id, seq),
  CONSTRAINT voided_ballots_void_seq_unique UNIQUE (vote_id, void_seq)
);

-- How many ballots of the vote were voided: each void adds one entry to the chain and takes one
-- ballot out, so the ballots that stand are last_seq - 2 × voids, without counting rows.
ALTER TABLE votes ADD COLUMN voids integer NOT NULL DEFAULT 0 CHECK (voids >= 0);
