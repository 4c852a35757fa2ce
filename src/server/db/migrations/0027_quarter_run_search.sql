-- A quarter's name or address searched by a run of three or more letters or digits (an address's
-- number, "4321"), as a unit number is (0024): on the text itself pg_trgm takes the run's own
-- trigrams ("432", "321"), which few quarters hold (registry/search-text.ts, containsIndexed).
-- IF NOT EXISTS: for a while these two stood in 0024, and a database that ran that copy has them.
CREATE INDEX IF NOT EXISTS quarters_name_run_trgm_idx ON quarters USING gin (name gin_trgm_ops);
CREATE INDEX IF NOT EXISTS quarters_address_run_trgm_idx ON quarters USING gin (address gin_trgm_ops);
