-- Owners are searched by four or more digits of their phone (the answer masks it): a trigram
-- index on the phone answers LIKE '%digits%' without reading the district's owners (pg_trgm,
-- migration 0009; docs/scaling.md).
CREATE INDEX owners_phone_trgm_idx ON owners USING gin (phone gin_trgm_ops);
