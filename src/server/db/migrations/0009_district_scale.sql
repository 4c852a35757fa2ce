-- A district of 2,000 quarters (issue 9, docs/scaling.md): the indexes the per-quarter and the
-- paged district-wide queries use, and trigram indexes for search.

-- The audit log is read newest first (by id) within a scope or a quarter.
CREATE INDEX audit_log_district_id_idx ON audit_log (district_id, id);
CREATE INDEX audit_log_street_id_idx ON audit_log (street_id, id);
CREATE INDEX audit_log_community_id_idx ON audit_log (community_id, id);
CREATE INDEX audit_log_quarter_id_idx ON audit_log (quarter_id, id);

-- The quarter list is paged by name within a scope.
CREATE INDEX quarters_district_name_idx ON quarters (district_id, name);
CREATE INDEX quarters_community_name_idx ON quarters (community_id, name);

-- Residents of a quarter by kind; ownerships of a quarter by unit (the dossier's figures).
CREATE INDEX residents_quarter_kind_idx ON residents (quarter_id, kind);
CREATE INDEX unit_owners_quarter_unit_idx ON unit_owners (quarter_id, unit_id);

-- Search (substring of a name, an address or a unit number). pg_trgm takes a run of letters as a
-- word, so a name of two Chinese characters gives no trigram inside a LIKE '%…%' pattern; the
-- indexed form puts a space after every character, which makes each character a word of its
-- own: '% 王 芳 %' then asks for the trigrams of 王 and of 芳, and LIKE on the same form checks
-- that they stand together. The search query builds its pattern the same way (search-text.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX owners_name_trgm_idx ON owners USING gin ((' ' || regexp_replace(name, '(.)', '\1 ', 'g')) gin_trgm_ops);
CREATE INDEX units_number_trgm_idx ON units USING gin ((' ' || regexp_replace(number, '(.)', '\1 ', 'g')) gin_trgm_ops);
CREATE INDEX quarters_name_trgm_idx ON quarters USING gin ((' ' || regexp_replace(name, '(.)', '\1 ', 'g')) gin_trgm_ops);
CREATE INDEX quarters_address_trgm_idx ON quarters USING gin ((' ' || regexp_replace(address, '(.)', '\1 ', 'g')) gin_trgm_ops);
