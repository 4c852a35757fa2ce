-- Deliberation (议事协商) and joint meetings (三方联席会议): topics and proposals on the quarter's
-- pipeline (DB3305/T 309—2024 5.1.3.2.1.3), co-signatures, the record of each step, joint
-- meetings with attendance, agenda, minutes and resolutions (T/ZAS 4006.1—2020 6.1.1.3, 6.1.6;
-- 百委〔2023〕37号 3), and the actions the resolutions become (督办事项, 5.1.3.2.1.5).
-- Every table carries district_id and quarter_id, like every tenant table; the aggregates carry
-- the whole path, so that the module checks scope on its own rows.

-- A topic (议题) and, once proposed, a proposal (提议) on its way through the pipeline.
CREATE TABLE proposals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  street_id uuid NOT NULL,
  community_id uuid NOT NULL,
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  -- A building's own topic (楼道议事, 5.1.3.2.2); null for the quarter's pipeline.
  building_id uuid REFERENCES buildings(id),
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  -- Where the topic came in (5.1.3.2.1.1): a building leader's or grid worker's visit, a resident
  -- to the committee, the mailbox, the owners' group, the reception day, the web or phone page.
  channel text NOT NULL CHECK (channel IN ('visit', 'resident', 'mailbox', 'owners_group', 'reception', 'online')),
  raised_by uuid,
  raised_by_name text NOT NULL,
  raised_by_role text NOT NULL,
  stage text NOT NULL DEFAULT 'topic' CHECK (stage IN ('topic', 'proposed', 'discussed', 'reviewed', 'resolved', 'published', 'filed', 'rejected')),
  -- How it became a proposal: raised by the owners' committee, or co-signed by 20% of the owners.
  proposed_by text CHECK (proposed_by IN ('committee', 'cosign')),
  -- A similar topic merged into another keeps its row, its channel and who raised it.
  merged_into uuid REFERENCES proposals(id),
  -- The owners' assembly vote that resolves it (voting module), one proposal per vote.
  vote_id uuid UNIQUE,
  rejected_at_step text,
  rejected_reason text,
  -- A building's topic the building could not settle goes to the quarter's pipeline (5.1.3.2.2.5):
  -- the quarter's topic names where it came from, the building's where it went.
  escalated_from uuid REFERENCES proposals(id),
  escalated_to uuid REFERENCES proposals(id),
  -- A candidate for the year's livelihood projects (民生实事, T/ZAS 4006.1—2020 6.2.5.2 每年协商确定
  -- 一批民生实事): chosen by consultation at a joint meeting (a resolution naming it, whose action
  -- tracks it) or by the owners' assembly vote (the pipeline's 决议).
  livelihood_year integer CHECK (livelihood_year BETWEEN 2000 AND 2100),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((stage = 'rejected') = (rejected_at_step IS NOT NULL)),
  CHECK (building_id IS NULL OR stage IN ('topic', 'resolved', 'published', 'rejected')),
  CHECK (merged_into IS NULL OR stage = 'topic')
);
CREATE INDEX proposals_quarter_idx ON proposals (quarter_id, created_at);
CREATE INDEX proposals_community_idx ON proposals (community_id);
CREATE INDEX proposals_livelihood_idx ON proposals (quarter_id, livelihood_year) WHERE livelihood_year IS NOT NULL;

-- Households' rating of a building's posted result (5.1.3.2.2.7), once per owner.
CREATE TABLE proposal_ratings (
  proposal_id uuid NOT NULL REFERENCES proposals(id),
  owner_id uuid NOT NULL,
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL,
  user_id uuid,
  rating text NOT NULL CHECK (rating IN ('satisfied', 'basic', 'dissatisfied')),
  comment text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (proposal_id, owner_id)
);

-- Each step taken, with its role, its record and its date.
CREATE TABLE proposal_steps (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  proposal_id uuid NOT NULL REFERENCES proposals(id),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL,
  step text NOT NULL CHECK (step IN ('proposed', 'discussed', 'reviewed', 'resolved', 'published', 'filed', 'rejected', 'merged', 'escalated')),
  actor_id uuid,
  actor_name text NOT NULL,
  actor_role text NOT NULL,
  opinion text,
  meeting_id uuid,
  vote_id uuid,
  notice text,
  taken_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX proposal_steps_proposal_idx ON proposal_steps (proposal_id, taken_at);

-- An owner's co-signature, once per owner and proposal.
CREATE TABLE proposal_cosigns (
  proposal_id uuid NOT NULL REFERENCES proposals(id),
  owner_id uuid NOT NULL,
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL,
  user_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (proposal_id, owner_id)
);

-- A joint meeting of the three parties.
CREATE TABLE joint_meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES districts(id),
  street_id uuid NOT NULL,
  community_id uuid NOT NULL,
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  -- dispute_analysis: the owners' committee's monthly dispute-analysis meeting (矛盾纠纷分析例会,
  -- DB3305/T 309—2024 5.1.4.1.3), which the HZ pack checks month by month.
  kind text NOT NULL CHECK (kind IN ('regular', 'ad_hoc', 'dispute_analysis')),
  title text NOT NULL,
  starts_at timestamptz NOT NULL,
  location text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'cancelled')),
  minutes text,
  held_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'held' OR minutes IS NOT NULL)
);
CREATE INDEX joint_meetings_quarter_idx ON joint_meetings (quarter_id, starts_at);

-- Who is invited, for which party, and whether they came.
CREATE TABLE joint_meeting_attendees (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES joint_meetings(id),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL,
  party text NOT NULL CHECK (party IN ('community', 'committee', 'company', 'other')),
  name text NOT NULL,
  title text NOT NULL DEFAULT '',
  present boolean
);
CREATE INDEX joint_meeting_attendees_meeting_idx ON joint_meeting_attendees (meeting_id);

CREATE TABLE joint_meeting_agenda (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES joint_meetings(id),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL,
  position integer NOT NULL,
  title text NOT NULL,
  proposal_id uuid REFERENCES proposals(id)
);
CREATE INDEX joint_meeting_agenda_meeting_idx ON joint_meeting_agenda (meeting_id, position);

CREATE TABLE joint_meeting_resolutions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES joint_meetings(id),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL,
  position integer NOT NULL,
  text text NOT NULL,
  proposal_id uuid REFERENCES proposals(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX joint_meeting_resolutions_meeting_idx ON joint_meeting_resolutions (meeting_id, position);

-- The action (督办事项) a resolution becomes.
CREATE TABLE deliberation_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  resolution_id uuid NOT NULL UNIQUE REFERENCES joint_meeting_resolutions(id),
  meeting_id uuid NOT NULL REFERENCES joint_meetings(id),
  district_id uuid NOT NULL REFERENCES districts(id),
  street_id uuid NOT NULL,
  community_id uuid NOT NULL,
  quarter_id uuid NOT NULL REFERENCES quarters(id),
  title text NOT NULL,
  responsible text NOT NULL CHECK (responsible IN ('community', 'committee', 'company')),
  due_date date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'closed')),
  closed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX deliberation_actions_quarter_idx ON deliberation_actions (quarter_id, status, due_date);
CREATE INDEX deliberation_actions_open_due_idx ON deliberation_actions (due_date) WHERE status <> 'closed';

-- Progress reports and the closure, each with its evidence.
CREATE TABLE deliberation_action_updates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  action_id uuid NOT NULL REFERENCES deliberation_actions(id),
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('progress', 'close')),
  note text NOT NULL,
  evidence text,
  actor_id uuid,
  actor_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deliberation_action_updates_action_idx ON deliberation_action_updates (action_id, created_at);

-- Residents' rating of a closed action (满意 / 基本满意 / 不满意), once per owner.
CREATE TABLE deliberation_action_ratings (
  action_id uuid NOT NULL REFERENCES deliberation_actions(id),
  owner_id uuid NOT NULL,
  district_id uuid NOT NULL REFERENCES districts(id),
  quarter_id uuid NOT NULL,
  user_id uuid,
  rating text NOT NULL CHECK (rating IN ('satisfied', 'basic', 'dissatisfied')),
  comment text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (action_id, owner_id)
);

-- The HZ pack's monthly dispute-analysis rule reads the held meetings (through the module's
-- quarterFacts), so a meeting written marks its quarter's kept checks stale (0012, the
-- organisations' to-do list) like the organisations' own records do.
CREATE TRIGGER quarter_checks_stale AFTER INSERT OR UPDATE OR DELETE ON joint_meetings FOR EACH ROW EXECUTE FUNCTION quarter_checks_stale_row('quarter_id');
