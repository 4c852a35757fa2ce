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

-- ---- What an agenda item takes up (T/ZAS 4006.1—2020 6.1.1.3) ----------------------------------
-- Besides a proposal: a case raised in the quarter (6.1.6.3 诉求…提交三方联席会议协商), or a duty of
-- the compliance calendar (a periodic rule of the policy packs, by its id). One of them at most.
ALTER TABLE joint_meeting_agenda ADD COLUMN case_id uuid REFERENCES cases(id);
ALTER TABLE joint_meeting_agenda ADD COLUMN duty text;
ALTER TABLE joint_meeting_agenda ADD CONSTRAINT joint_meeting_agenda_one_reference CHECK (num_nonnulls(proposal_id, case_id, duty) <= 1);

-- ---- A vote among the year's livelihood-project candidates (T/ZAS 4006.1—2020 6.2.5.2) ---------
-- The candidates gathered for the year are chosen by consultation or by vote: one owners'
-- assembly vote of the voting module (民法典 第278条), one item per candidate, each candidate
-- chosen when its own item passes. Once the vote is published, each chosen candidate becomes an
-- action (督办事项) with the responsible party and due date given when the vote was opened.
CREATE TABLE livelihood_votes (
  vote_id uuid PRIMARY KEY,
  district_id uuid NOT NULL REFERENCES districts(id),
  street_id uuid NOT NULL,
  community_id uuid NOT NULL,
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  responsible text NOT NULL CHECK (responsible IN ('community', 'committee', 'company')),
  due_date date NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- When the published result made the chosen candidates actions.
  resolved_at timestamptz
);
CREATE INDEX livelihood_votes_quarter_idx ON livelihood_votes (quarter_id, year);
CREATE INDEX livelihood_votes_pending_idx ON livelihood_votes (created_at) WHERE resolved_at IS NULL;

CREATE TABLE livelihood_vote_candidates (
  vote_id uuid NOT NULL REFERENCES livelihood_votes(vote_id),
  proposal_id uuid NOT NULL REFERENCES proposals(id),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL,
  -- The candidate's item of the vote (vote_items.position).
  position integer NOT NULL,
  -- Whether its item passed, once the result is published.
  chosen boolean,
  PRIMARY KEY (vote_id, proposal_id),
  UNIQUE (vote_id, position)
);
CREATE INDEX livelihood_vote_candidates_proposal_idx ON livelihood_vote_candidates (proposal_id);

-- An action comes from a meeting's resolution, or from a candidate chosen by such a vote.
ALTER TABLE deliberation_actions ALTER COLUMN resolution_id DROP NOT NULL;
ALTER TABLE deliberation_actions ALTER COLUMN meeting_id DROP NOT NULL;
ALTER TABLE deliberation_actions ADD COLUMN vote_id uuid REFERENCES livelihood_votes(vote_id);
ALTER TABLE deliberation_actions ADD COLUMN proposal_id uuid REFERENCES proposals(id);
ALTER TABLE deliberation_actions ADD CONSTRAINT deliberation_actions_origin CHECK (
  (resolution_id IS NOT NULL AND meeting_id IS NOT NULL AND vote_id IS NULL)
  OR (resolution_id IS NULL AND meeting_id IS NULL AND vote_id IS NOT NULL AND proposal_id IS NOT NULL)
);
CREATE UNIQUE INDEX deliberation_actions_vote_candidate_idx ON deliberation_actions (vote_id, proposal_id) WHERE vote_id IS NOT NULL;
