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
