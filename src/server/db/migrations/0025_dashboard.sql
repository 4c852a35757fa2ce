-- The supervision dashboard (GET /api/dashboard, docs/architecture.md "The supervision
-- dashboard"): each module's card counts the rows of a district, street, community or quarter.
-- The cases have an index on each of those columns (0013); the joint meetings' actions had one on
-- the quarter only, so a community's, a street's or a district's card read every action of every
-- district. These read only the place's actions, the open ones in due order.
CREATE INDEX deliberation_actions_community_idx ON deliberation_actions (community_id, status, due_date);
CREATE INDEX deliberation_actions_street_idx ON deliberation_actions (street_id, status, due_date);
CREATE INDEX deliberation_actions_district_idx ON deliberation_actions (district_id, status, due_date);
