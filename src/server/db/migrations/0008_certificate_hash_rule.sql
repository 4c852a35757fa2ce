-- Property certificate numbers are hashed in a normal form since this migration (full-width as
-- half-width, no spaces, upper case, one kind of bracket: registry/identifiers.ts). The number
-- itself was never stored, so the hashes made before cannot be recomputed here: they are marked
-- as rule 1, matched against the usual ways of writing the number, and replaced by a rule-2
-- hash the next time the number is typed (a voter's verification, an edit of the unit).
ALTER TABLE units ADD COLUMN certificate_hash_rule smallint NOT NULL DEFAULT 2;
UPDATE units SET certificate_hash_rule = 1 WHERE certificate_hash IS NOT NULL;
