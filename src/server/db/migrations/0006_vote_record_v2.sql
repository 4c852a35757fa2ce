-- The published vote record, version 2 (docs/vote-record-format.md, "Version 2"; issue 11,
-- points 1 and 2). A vote keeps the format it was sealed with: the votes opened before now were
-- sealed as version 1 and go on exporting version 1; a vote created from now on is version 2,
-- and so is a draft, which has sealed nothing yet (its roll is frozen when it opens).
ALTER TABLE votes ADD COLUMN record_format integer NOT NULL DEFAULT 1;
ALTER TABLE votes ALTER COLUMN record_format SET DEFAULT 2;
UPDATE votes SET record_format = 2 WHERE status = 'draft';
ALTER TABLE votes ADD CONSTRAINT votes_record_format_known CHECK (record_format IN (1, 2));

-- What a version 2 ballot publishes besides its choices and channel, fixed at cast: a random
-- nonce, the commitment to the member's area with its secret salt, and the ballot's hash (the
-- receipt code). The salt of a withheld area never leaves the server but for an audit
-- (`gongzhi vote-openings`). seq, prev and hash stay: the server's own cast-order chain,
-- never published in version 2.
ALTER TABLE ballots ADD COLUMN nonce text;
ALTER TABLE ballots ADD COLUMN area_salt text;
ALTER TABLE ballots ADD COLUMN area_commitment text;
ALTER TABLE ballots ADD COLUMN record_hash text;
ALTER TABLE ballots ADD CONSTRAINT ballots_v2_fields_together CHECK (
  (nonce IS NULL AND area_salt IS NULL AND area_commitment IS NULL AND record_hash IS NULL)
  OR (nonce IS NOT NULL AND area_salt IS NOT NULL AND area_commitment IS NOT NULL AND record_hash IS NOT NULL)
);
