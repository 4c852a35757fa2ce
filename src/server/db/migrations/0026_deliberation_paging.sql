-- Deliberation's lists answer one page with its total (GET /api/proposals, /api/meetings,
-- /api/actions; docs/scaling.md). A street's and a community's list had no index in the list's
-- order (the district's are 0022's), and a list of one stage read every proposal of the district
-- to count and sort them. Each page and its total now read the scope's rows from one of these.
CREATE INDEX proposals_district_stage_idx ON proposals (district_id, stage, created_at DESC) WHERE merged_into IS NULL;
CREATE INDEX proposals_street_created_idx ON proposals (street_id, created_at DESC) WHERE merged_into IS NULL;
CREATE INDEX proposals_community_created_idx ON proposals (community_id, created_at DESC) WHERE merged_into IS NULL;
CREATE INDEX proposals_street_stage_idx ON proposals (street_id, stage, created_at DESC) WHERE merged_into IS NULL;
CREATE INDEX proposals_community_stage_idx ON proposals (community_id, stage, created_at DESC) WHERE merged_into IS NULL;
CREATE INDEX joint_meetings_street_starts_idx ON joint_meetings (street_id, starts_at DESC);
CREATE INDEX joint_meetings_community_starts_idx ON joint_meetings (community_id, starts_at DESC);
-- 0025's actions indexes lead with the status, for the dashboard's open ones; a list is in due order.
CREATE INDEX deliberation_actions_street_due_idx ON deliberation_actions (street_id, due_date);
CREATE INDEX deliberation_actions_community_due_idx ON deliberation_actions (community_id, due_date);
