-- Deliberation, continued (issue 13).

-- ---- Evidence of an action's progress (督办事项 进展及佐证, T/ZAS 4006.1—2020 6.1.6) ----------
-- The photos and documents attached to one progress report or the closure, their type read from
-- their content. Kept in the database like the cases' photos: a few a report, each a few MB.
CREATE TABLE deliberation_action_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  update_id uuid NOT NULL REFERENCES deliberation_action_updates(id),
  action_id uuid NOT NULL REFERENCES deliberation_actions(id),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('photo', 'document')),
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  added_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deliberation_action_files_action_idx ON deliberation_action_files (action_id, update_id);

-- ---- The deliberation lists at district scale (test/api/scale-plans.test.ts) -------------------
-- A quarter's proposals, meetings and actions already read their quarter's index; a district's
-- list (its newest 500) sorted the whole district's rows of each table first. These let it read
-- the district's rows in the list's order and stop at the limit.
CREATE INDEX proposals_district_created_idx ON proposals (district_id, created_at DESC) WHERE merged_into IS NULL;
CREATE INDEX joint_meetings_district_starts_idx ON joint_meetings (district_id, starts_at DESC);
CREATE INDEX deliberation_actions_district_due_idx ON deliberation_actions (district_id, due_date);
