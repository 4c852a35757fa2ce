// Livelihood projects (民生实事): every year the quarter settles a batch of them by consultation
// (T/ZAS 4006.1—2020 6.2.5.2 每年协商确定一批民生实事). A candidate is a topic marked with its year;
// it is chosen by consultation when a joint meeting's resolution names it (the resolution's action
// then tracks it, 督办事项) or by the owners' assembly when the pipeline resolves it; the year's list
// shows each with its actions. The candidates may also be put to one vote among them
// (livelihood-vote.ts): those whose item passes are chosen by vote and tracked as actions.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/access';
import type { ProposalStage } from '../../../core/deliberation';
import { actionSummaries } from './actions';
import { authorizeDeliberationQuarter } from './access';
import { shanghaiDate } from '../../../core/dates';
import { livelihoodVotesOf, resolveLivelihoodVotes } from './livelihood-vote';

type DB = Kysely<Database>;
const BY_VOTE: ProposalStage[] = ['resolved', 'published', 'filed'];

export async function livelihoodProjects(db: DB, actor: Actor, quarterId: string, year?: number) {
  await authorizeDeliberationQuarter(db, actor, quarterId, 'proposals.read');
  await resolveLivelihoodVotes(db, quarterId);
  const y = year ?? Number(shanghaiDate(new Date()).slice(0, 4));
  const rows = await db
    .selectFrom('proposals')
    .select(['id', 'title', 'stage', 'raised_by_name'])
    .where('quarter_id', '=', quarterId)
    .where('livelihood_year', '=', y)
    .where('merged_into', 'is', null)
    .orderBy('created_at')
    .execute();
  const ids = rows.map((r) => r.id);
  const resolutions = ids.length
    ? await db
        .selectFrom('joint_meeting_resolutions')
        .select(['id', 'proposal_id'])
        .where('quarter_id', '=', quarterId)
        .where('proposal_id', 'in', ids)
        .execute()
    : [];
  const [actions, voted] = await Promise.all([actionSummaries(db, quarterId), livelihoodVotesOf(db, quarterId, y)]);
  const items = rows.map((r) => {
    const mine = new Set(resolutions.filter((x) => x.proposal_id === r.id).map((x) => x.id));
    const byMeeting = actions.filter((a) => a.resolutionId && mine.has(a.resolutionId));
    const byVote = actions.filter((a) => a.voteId && a.proposalId === r.id);
    const vote = voted.byCandidate.get(r.id) ?? null;
    const chosenBy = byMeeting.length ? ('consultation' as const) : vote?.chosen || BY_VOTE.includes(r.stage as ProposalStage) ? ('vote' as const) : null;
    return { id: r.id, title: r.title, stage: r.stage as ProposalStage, raisedByName: r.raised_by_name, chosenBy, vote, actions: [...byMeeting, ...byVote] };
  });
  const chosen = items.filter((i) => i.chosenBy);
  return {
    year: y,
    items,
    votes: voted.votes,
    candidates: items.length,
    chosen: chosen.length,
    done: chosen.filter((i) => i.actions.length > 0 && i.actions.every((a) => a.status === 'closed')).length,
  };
}
