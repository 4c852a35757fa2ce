// The voting module's public surface: its descriptor, and the functions other modules may call.
// Owners' assembly votes (业主大会表决, 民法典 第278条; docs/vote-record-format.md).
import type { ModuleDescriptor } from '../../platform/module';
import { votingGrants } from './access';
import { votingErrors } from './errors';
import { votesDossierSection } from './dossier';
import { votingRegistryHold } from './holds';
import { voteRemindersJob } from './reminders';
import { votingRoutes } from './routes';

// For `gongzhi vote-openings`: an auditor's view of a version 2 vote's withheld areas.
export { voteOpenings } from './record-v2';
// For the deliberation module: the roll its co-signers are counted against, the assembly vote
// that resolves a proposal, and that vote's outcome.
export { quarterRoll, voteItemOutcomes, voteOutcomes, type QuarterRoll, type VoteItemOutcome, type VoteOutcome } from './queries-for-deliberation';
export { createVote, type VoteInput } from './lifecycle';
// For the finance module: the assembly's decision a fund-use project rests on, and the check of
// an uploaded voucher (the same whole-file check as a ballot scan).
export { voteDecision, type VoteDecision } from './decisions';
export { checkScanContent } from './scan-content';

export const votingModule: ModuleDescriptor = {
  name: 'voting',
  tables: ['votes', 'vote_items', 'vote_roll', 'vote_roll_links', 'vote_scans', 'ballots', 'owner_verifications', 'owner_verification_failures', 'owner_verification_codes', 'vote_objections', 'voided_ballots'],
  routes: votingRoutes,
  grants: votingGrants,
  errors: votingErrors,
  dossierSections: [votesDossierSection],
  registryHolds: [votingRegistryHold],
  jobs: [voteRemindersJob],
  // The record is public once the result is published (docs/vote-record-format.md: anyone may re-tally).
  publicEndpoints: ['GET /api/public/votes/:id', 'GET /api/public/quarters/:id/votes', 'GET /api/votes/:id/record'],
};
// The quarter's public board (码上办): its votes that have opened, with the published outcomes.
export { publicVotesForBoard, type BoardVote } from './public-board';
