-- A district of 2,000 quarters (issue 9, docs/scaling.md): the last searches and sorts that
-- grew with the district.

-- An owner is found by the last four digits of the phone (the part its masked form shows:
-- registry/search.ts). The phone's trigram index (0010) gathered every phone holding the
-- trigrams of those digits anywhere; this index finds the district's phones that end in them.
-- The whole-number form ("139****4321") is the same lookup with its first three digits checked
-- on the rows found, so the trigram index has no query left and is dropped.
CREATE INDEX owners_phone_last4_idx ON owners (district_id, right(phone, 4)) WHERE phone IS NOT NULL;
DROP INDEX owners_phone_trgm_idx;

-- A unit number searched by a run of three or more letters or digits ("4321", "102"). The spread
-- form (0009) makes each character a word, so that one or two characters can be found; but a
-- digit is then a word that nearly every unit of the district holds, and the index read the
-- posting lists of the district's units for each digit typed. On the number itself pg_trgm
-- takes the run's own trigrams ("432", "321"), which few numbers hold.
CREATE INDEX units_number_run_trgm_idx ON units USING gin (number gin_trgm_ops);

-- The quarter list sorts by its buildings and units (GET /api/quarters?sort=buildings|units):
-- the counts are kept a quarter, so that a page does not count the district's units. A quarter
-- with no row has none. The triggers keep them under every insert, delete and move, a statement
-- at a time (an import writes a quarter's units in a few statements, the seed many quarters'
-- in one). They are kept apart from `quarters` so that a unit written does not change the
-- quarter's row (its updated_at, its audit, the to-do list's stale marks of 0012).
CREATE TABLE quarter_counts (
  quarter_id uuid PRIMARY KEY REFERENCES quarters(id) ON DELETE CASCADE,
  buildings integer NOT NULL DEFAULT 0,
  units integer NOT NULL DEFAULT 0
);

INSERT INTO quarter_counts (quarter_id, buildings, units)
SELECT q.id, coalesce(b.n, 0), coalesce(u.n, 0)
FROM quarters q
LEFT JOIN (SELECT quarter_id, count(*) AS n FROM buildings GROUP BY quarter_id) b ON b.quarter_id = q.id
LEFT JOIN (SELECT quarter_id, count(*) AS n FROM units GROUP BY quarter_id) u ON u.quarter_id = q.id;

-- Adds the rows of the statement's transition table to the quarters' count named by the
-- trigger's first argument ('buildings' or 'units'), times its second (1 inserted, -1 deleted).
-- A quarter being deleted has lost its row already (the cascade), and its rows' deletion counts
-- for nothing: quarters that no longer exist are skipped. The rows are taken in the order of
-- their quarters, so that two statements never wait for each other's quarters crosswise.
CREATE FUNCTION quarter_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sign integer := TG_ARGV[1]::integer;
BEGIN
  IF TG_ARGV[0] = 'buildings' THEN
    INSERT INTO quarter_counts AS c (quarter_id, buildings)
    SELECT r.quarter_id, sign * count(*) FROM counted_rows r JOIN quarters q ON q.id = r.quarter_id GROUP BY r.quarter_id ORDER BY r.quarter_id
    ON CONFLICT (quarter_id) DO UPDATE SET buildings = c.buildings + EXCLUDED.buildings;
  ELSE
    INSERT INTO quarter_counts AS c (quarter_id, units)
    SELECT r.quarter_id, sign * count(*) FROM counted_rows r JOIN quarters q ON q.id = r.quarter_id GROUP BY r.quarter_id ORDER BY r.quarter_id
    ON CONFLICT (quarter_id) DO UPDATE SET units = c.units + EXCLUDED.units;
  END IF;
  RETURN NULL;
END $$;

-- A building or unit moved to another quarter (no write path does it today): a row at a time.
CREATE FUNCTION quarter_counts_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_ARGV[0] = 'buildings' THEN
    UPDATE quarter_counts SET buildings = buildings - 1 WHERE quarter_id = OLD.quarter_id;
    INSERT INTO quarter_counts AS c (quarter_id, buildings) VALUES (NEW.quarter_id, 1)
    ON CONFLICT (quarter_id) DO UPDATE SET buildings = c.buildings + 1;
  ELSE
    UPDATE quarter_counts SET units = units - 1 WHERE quarter_id = OLD.quarter_id;
    INSERT INTO quarter_counts AS c (quarter_id, units) VALUES (NEW.quarter_id, 1)
    ON CONFLICT (quarter_id) DO UPDATE SET units = c.units + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER quarter_counts_insert AFTER INSERT ON buildings REFERENCING NEW TABLE AS counted_rows FOR EACH STATEMENT EXECUTE FUNCTION quarter_counts_changed('buildings', 1);
CREATE TRIGGER quarter_counts_delete AFTER DELETE ON buildings REFERENCING OLD TABLE AS counted_rows FOR EACH STATEMENT EXECUTE FUNCTION quarter_counts_changed('buildings', '-1');
CREATE TRIGGER quarter_counts_move AFTER UPDATE OF quarter_id ON buildings FOR EACH ROW WHEN (OLD.quarter_id IS DISTINCT FROM NEW.quarter_id) EXECUTE FUNCTION quarter_counts_moved('buildings');
CREATE TRIGGER quarter_counts_insert AFTER INSERT ON units REFERENCING NEW TABLE AS counted_rows FOR EACH STATEMENT EXECUTE FUNCTION quarter_counts_changed('units', 1);
CREATE TRIGGER quarter_counts_delete AFTER DELETE ON units REFERENCING OLD TABLE AS counted_rows FOR EACH STATEMENT EXECUTE FUNCTION quarter_counts_changed('units', '-1');
CREATE TRIGGER quarter_counts_move AFTER UPDATE OF quarter_id ON units FOR EACH ROW WHEN (OLD.quarter_id IS DISTINCT FROM NEW.quarter_id) EXECUTE FUNCTION quarter_counts_moved('units');
