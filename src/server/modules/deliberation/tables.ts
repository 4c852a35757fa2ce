// Table types of the deliberation module (migration 0014_deliberation.sql), added to the Database
// interface by module augmentation.
import type { Generated, Selectable } from 'kysely';
import type { DateOnly, DefaultTimestamp, Timestamp } from '../../db/schema';

export interface ProposalsTable {
  id: Generated<string>;
  district_id: string;
  street_id: string;
  community_id: string;
  quarter_id: string;
  building_id: string | null;
  title: string;
  body: Generated<string>;
  channel: string;
  raised_by: string | null;
  raised_by_name: string;
  raised_by_role: string;
  stage: Generated<string>;
  proposed_by: string | null;
  merged_into: string | null;
  vote_id: string | null;
  rejected_at_step: string | null;
  rejected_reason: string | null;
  escalated_from: string | null;
  escalated_to: string | null;
  livelihood_year: number | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface ProposalRatingsTable {
  proposal_id: string;
  owner_id: string;
  district_id: string;
  quarter_id: string;
  user_id: string | null;
  rating: string;
  comment: Generated<string>;
  created_at: DefaultTimestamp;
}

export interface ProposalStepsTable {
  id: Generated<string>;
  proposal_id: string;
  district_id: string;
  quarter_id: string;
  step: string;
  actor_id: string | null;
  actor_name: string;
  actor_role: string;
  opinion: string | null;
  meeting_id: string | null;
  vote_id: string | null;
  notice: string | null;
  taken_at: DefaultTimestamp;
}

export interface ProposalCosignsTable {
  proposal_id: string;
  owner_id: string;
  district_id: string;
  quarter_id: string;
  user_id: string | null;
  created_at: DefaultTimestamp;
}

export interface JointMeetingsTable {
  id: Generated<string>;
  district_id: string;
  street_id: string;
  community_id: string;
  quarter_id: string;
  kind: string;
  title: string;
  starts_at: Timestamp;
  location: Generated<string>;
  status: Generated<string>;
  minutes: string | null;
  held_at: Timestamp | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface JointMeetingAttendeesTable {
  id: Generated<string>;
  meeting_id: string;
  district_id: string;
  quarter_id: string;
  party: string;
  name: string;
  title: Generated<string>;
  present: boolean | null;
}

export interface JointMeetingAgendaTable {
  id: Generated<string>;
  meeting_id: string;
  district_id: string;
  quarter_id: string;
  position: number;
  title: string;
  proposal_id: string | null;
  /** A case of the quarter the item takes up (migration 0022). */
  case_id: Generated<string | null>;
  /** A duty of the compliance calendar (core/deliberation/agenda.ts CALENDAR_DUTIES). */
  duty: Generated<string | null>;
}

export interface JointMeetingResolutionsTable {
  id: Generated<string>;
  meeting_id: string;
  district_id: string;
  quarter_id: string;
  position: number;
  text: string;
  proposal_id: string | null;
  created_at: DefaultTimestamp;
}

export interface DeliberationActionsTable {
  id: Generated<string>;
  /** The meeting's resolution it carries out; null for a candidate chosen by a livelihood vote. */
  resolution_id: string | null;
  meeting_id: string | null;
  /** The livelihood vote that chose its candidate (migration 0022). */
  vote_id: Generated<string | null>;
  proposal_id: Generated<string | null>;
  district_id: string;
  street_id: string;
  community_id: string;
  quarter_id: string;
  title: string;
  responsible: string;
  due_date: DateOnly;
  status: Generated<string>;
  closed_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

export interface DeliberationActionUpdatesTable {
  id: Generated<string>;
  action_id: string;
  district_id: string;
  quarter_id: string;
  kind: string;
  note: string;
  evidence: string | null;
  actor_id: string | null;
  actor_name: string;
  created_at: DefaultTimestamp;
}

export interface DeliberationActionRatingsTable {
  action_id: string;
  owner_id: string;
  district_id: string;
  quarter_id: string;
  user_id: string | null;
  rating: string;
  comment: Generated<string>;
  created_at: DefaultTimestamp;
}

declare module '../../db/schema' {
  interface Database {
    proposals: ProposalsTable;
    proposal_steps: ProposalStepsTable;
    proposal_cosigns: ProposalCosignsTable;
    proposal_ratings: ProposalRatingsTable;
    joint_meetings: JointMeetingsTable;
    joint_meeting_attendees: JointMeetingAttendeesTable;
    joint_meeting_agenda: JointMeetingAgendaTable;
    joint_meeting_resolutions: JointMeetingResolutionsTable;
    deliberation_actions: DeliberationActionsTable;
    deliberation_action_updates: DeliberationActionUpdatesTable;
    deliberation_action_ratings: DeliberationActionRatingsTable;
  }
}

/** A proposal as read (the steps and the proposals' files both use it). */
export type ProposalRow = Selectable<ProposalsTable>;

/** A photo or document attached to a progress report or the closure (migration 0022). */
export interface DeliberationActionFilesTable {
  id: Generated<string>;
  update_id: string;
  action_id: string;
  district_id: string;
  quarter_id: string;
  file_name: string;
  content_type: string;
  kind: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  added_by: string | null;
  created_at: DefaultTimestamp;
}

/** A vote among the year's livelihood-project candidates (migration 0022). */
export interface LivelihoodVotesTable {
  vote_id: string;
  district_id: string;
  street_id: string;
  community_id: string;
  quarter_id: string;
  year: number;
  responsible: string;
  due_date: DateOnly;
  created_by: string | null;
  created_at: DefaultTimestamp;
  resolved_at: Timestamp | null;
}

export interface LivelihoodVoteCandidatesTable {
  vote_id: string;
  proposal_id: string;
  district_id: string;
  quarter_id: string;
  position: number;
  chosen: boolean | null;
}

declare module '../../db/schema' {
  interface Database {
    deliberation_action_files: DeliberationActionFilesTable;
    livelihood_votes: LivelihoodVotesTable;
    livelihood_vote_candidates: LivelihoodVoteCandidatesTable;
  }
}
