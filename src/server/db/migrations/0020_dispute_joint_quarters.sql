-- Disputes (issue 12): the kind of a dispute, for the owners' committee's monthly analysis (HZ
-- DB3305/T 309—2024 5.1.4.1.3) and for naming a public mediation on the board without its
-- parties; and the other quarters of a joint mediation (联合调解, HZ 5.1.4.2), whose offices see
-- the dispute and take part in it.
ALTER TABLE disputes ADD COLUMN category text NOT NULL DEFAULT 'other'
  CHECK (category IN ('neighbour', 'property_use', 'property_service', 'parking', 'renovation', 'other'));

CREATE TABLE dispute_quarters (
  dispute_id uuid NOT NULL REFERENCES disputes(id) ON DELETE CASCADE,
  district_id uuid NOT NULL,
  street_id uuid NOT NULL,
  community_id uuid NOT NULL,
  quarter_id uuid NOT NULL,
  PRIMARY KEY (dispute_id, quarter_id)
);
-- A caller's list reads the disputes of its place and those its place joins: one index per scope.
CREATE INDEX dispute_quarters_quarter_idx ON dispute_quarters (quarter_id);
CREATE INDEX dispute_quarters_community_idx ON dispute_quarters (community_id);
CREATE INDEX dispute_quarters_street_idx ON dispute_quarters (street_id);
CREATE INDEX dispute_quarters_district_idx ON dispute_quarters (district_id);
