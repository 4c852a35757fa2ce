-- A district of 2,000 quarters, the lists that still grew with it (issue 9, docs/scaling.md).

-- ---- The organisations' to-do list: each quarter's judged checks, kept ----------------------
-- GET /api/organizations/actions pages the failing checks of every quarter in scope. Judging
-- every quarter on each call cost what the district costs; instead each quarter's result is kept
-- here with the day and the policy pack it was judged under, and re-judged only when it is stale:
-- judged on another day (the rules depend on the date), under another pack, or marked stale by a
-- write to a record the rules read (the triggers below), or never judged (a new quarter).
CREATE TABLE quarter_check_state (
  quarter_id uuid PRIMARY KEY REFERENCES quarters(id) ON DELETE CASCADE,
  -- Raised by every write that changes the quarter's facts: a judgement started before such a
  -- write keeps the row stale instead of storing what it read (see organizations/check-cache.ts).
  generation bigint NOT NULL DEFAULT 0,
  stale boolean NOT NULL DEFAULT true,
  judged_on date,
  pack text,
  district_id uuid,
  street_id uuid,
  community_id uuid,
  quarter_name text,
  -- The last day of the committee in office while no successor is elected (the terms list).
  term_end date
);
CREATE INDEX quarter_check_state_district_idx ON quarter_check_state (district_id);
CREATE INDEX quarter_check_state_street_idx ON quarter_check_state (street_id);
CREATE INDEX quarter_check_state_community_idx ON quarter_check_state (community_id);
-- The committees whose term runs out (the terms list): a few rows of the district.
CREATE INDEX quarter_check_state_term_idx ON quarter_check_state (district_id, term_end) WHERE term_end IS NOT NULL;

-- The failing checks of each quarter as last judged, in the order the rules gave them.
CREATE TABLE quarter_failing_checks (
  quarter_id uuid NOT NULL REFERENCES quarters(id) ON DELETE CASCADE,
  position integer NOT NULL,
  district_id uuid NOT NULL,
  street_id uuid NOT NULL,
  community_id uuid NOT NULL,
  quarter_name text NOT NULL,
  rule text NOT NULL,
  citation text NOT NULL,
  message_zh text NOT NULL,
  message_en text NOT NULL,
  PRIMARY KEY (quarter_id, position)
);
-- A page of the scope in the list's order (quarter name, then the rules' order).
CREATE INDEX quarter_failing_checks_district_idx ON quarter_failing_checks (district_id, quarter_name, quarter_id, position);
CREATE INDEX quarter_failing_checks_street_idx ON quarter_failing_checks (street_id, quarter_name, quarter_id, position);
CREATE INDEX quarter_failing_checks_community_idx ON quarter_failing_checks (community_id, quarter_name, quarter_id, position);

-- Marks a quarter's kept checks stale and drops its failing rows, so that no list shows them
-- before the quarter is judged again. A quarter being deleted is left alone (its rows go with it).
CREATE FUNCTION quarter_checks_stale(q uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF q IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO quarter_check_state (quarter_id, generation, stale)
  SELECT q, 1, true WHERE EXISTS (SELECT 1 FROM quarters WHERE id = q)
  ON CONFLICT (quarter_id) DO UPDATE SET generation = quarter_check_state.generation + 1, stale = true;
  DELETE FROM quarter_failing_checks WHERE quarter_id = q;
END $$;

-- A row of a table the rules read, by its quarter_id column (or, for quarters, its id).
CREATE FUNCTION quarter_checks_stale_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  col text := TG_ARGV[0];
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM quarter_checks_stale((to_jsonb(OLD) ->> col)::uuid);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM quarter_checks_stale((to_jsonb(NEW) ->> col)::uuid);
  END IF;
  RETURN NULL;
END $$;

-- A property company (or its party organisation) counts in every quarter it has a contract with.
CREATE FUNCTION quarter_checks_stale_company() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  col text := TG_ARGV[0];
  company uuid;
  q uuid;
BEGIN
  FOREACH company IN ARRAY ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN (to_jsonb(OLD) ->> col)::uuid END, CASE WHEN TG_OP <> 'DELETE' THEN (to_jsonb(NEW) ->> col)::uuid END] LOOP
    IF company IS NOT NULL THEN
      FOR q IN SELECT DISTINCT quarter_id FROM service_contracts WHERE property_company_id = company LOOP
        PERFORM quarter_checks_stale(q);
      END LOOP;
    END IF;
  END LOOP;
  RETURN NULL;
END $$;

-- Ownerships decide whether a committee member owns a unit of the quarter (T/ZAS 4006.1—2020
-- 5.4.3); they are written by the hundred thousand in an import, so per statement.
CREATE FUNCTION quarter_checks_stale_ownerships() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  q uuid;
BEGIN
  FOR q IN SELECT DISTINCT quarter_id FROM changed_rows LOOP
    PERFORM quarter_checks_stale(q);
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER quarter_checks_stale AFTER UPDATE ON quarters FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION quarter_checks_stale_row('id');
CREATE TRIGGER quarter_checks_stale AFTER INSERT OR UPDATE OR DELETE ON owners_committees FOR EACH ROW EXECUTE FUNCTION quarter_checks_stale_row('quarter_id');
CREATE TRIGGER quarter_checks_stale AFTER INSERT OR UPDATE OR DELETE ON committee_members FOR EACH ROW EXECUTE FUNCTION quarter_checks_stale_row('quarter_id');
CREATE TRIGGER quarter_checks_stale AFTER INSERT OR UPDATE OR DELETE ON committee_trainings FOR EACH ROW EXECUTE FUNCTION quarter_checks_stale_row('quarter_id');
CREATE TRIGGER quarter_checks_stale AFTER INSERT OR UPDATE OR DELETE ON committee_training_attendees FOR EACH ROW EXECUTE FUNCTION quarter_checks_stale_row('quarter_id');
CREATE TRIGGER quarter_checks_stale AFTER INSERT OR UPDATE OR DELETE ON committee_appraisals FOR EACH ROW EXECUTE FUNCTION quarter_checks_stale_row('quarter_id');
CREATE TRIGGER quarter_checks_stale AFTER INSERT OR UPDATE OR DELETE ON commissioners FOR EACH ROW EXECUTE FUNCTION quarter_checks_stale_row('quarter_id');
CREATE TRIGGER quarter_checks_stale AFTER INSERT OR UPDATE OR DELETE ON service_contracts FOR EACH ROW EXECUTE FUNCTION quarter_checks_stale_row('quarter_id');
CREATE TRIGGER quarter_checks_stale AFTER INSERT OR UPDATE OR DELETE ON candidates FOR EACH ROW EXECUTE FUNCTION quarter_checks_stale_row('quarter_id');
CREATE TRIGGER quarter_checks_stale AFTER INSERT OR UPDATE OR DELETE ON party_organizations FOR EACH ROW EXECUTE FUNCTION quarter_checks_stale_row('quarter_id');
CREATE TRIGGER quarter_checks_stale_company AFTER INSERT OR UPDATE OR DELETE ON party_organizations FOR EACH ROW EXECUTE FUNCTION quarter_checks_stale_company('property_company_id');
CREATE TRIGGER quarter_checks_stale AFTER UPDATE ON property_companies FOR EACH ROW EXECUTE FUNCTION quarter_checks_stale_company('id');
CREATE TRIGGER quarter_checks_stale_insert AFTER INSERT ON unit_owners REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION quarter_checks_stale_ownerships();
CREATE TRIGGER quarter_checks_stale_update AFTER UPDATE ON unit_owners REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION quarter_checks_stale_ownerships();
CREATE TRIGGER quarter_checks_stale_delete AFTER DELETE ON unit_owners REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION quarter_checks_stale_ownerships();

-- ---- Search by a surname --------------------------------------------------------------------
-- One character searched is a surname: the owners whose name begins with it, in name order
-- (byte order, COLLATE "C", whatever the database's collation), a page of them read from here
-- and stopped at the page instead of walking the district's owners (pg_trgm has no trigram for
-- one character). The district first: the search is the caller's district's.
CREATE INDEX owners_district_name_idx ON owners (district_id, (name COLLATE "C"), id);

-- ---- The vetting queue ------------------------------------------------------------------------
-- The candidates waiting for a step in the district, found without listing its quarters first.
CREATE INDEX candidates_district_status_idx ON candidates (district_id, status);
