// The voting module's API as the web app uses it (server: src/server/modules/voting/routes.ts,
// docs/api.md "Owners' assembly voting").
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as C from '../../../contracts/voting';
import { api } from '../../api/client';
import { findByReceipt, normalizeReceiptCode } from '../../../core/voting/receipt';

// The answers' and requests' types come from the contract (src/contracts/voting.ts), types
// only: zod itself stays out of the web bundle.
type Out<T extends z.ZodType> = z.output<T>;

export type VoteStatus = Out<typeof C.voteStatus>;
export type VotePhase = Out<typeof C.votePhase>;
export type VerifyCodeAnswer = Out<typeof C.verifyCodeAnswer>;
export type VoteRule = Out<typeof C.voteRule>;
export type Matter = Out<typeof C.matter>;
export type Choice = Out<typeof C.choice>;
export type Channel = Out<typeof C.channel>;
export type Count = Out<typeof C.turnout>['totals'];
export type VoteSummary = Out<typeof C.voteSummary>;
export type VoteItem = Out<typeof C.voteItem>;
export type VoteDetail = Out<typeof C.voteDetail>;
export type Article278Item = Out<typeof C.article278ItemList>['items'][number];
export type Turnout = Out<typeof C.turnout>;
export type TallyResult = Out<typeof C.tallyResult>;
export type Receipt = Out<typeof C.receipt>;
export type RollUnit = Out<typeof C.rollUnitList>['items'][number];
export type BallotEntry = Out<typeof C.ballotEntryList>['items'][number];
export type Objection = Out<typeof C.objectionList>['items'][number];
export type PublicVote = Out<typeof C.publicVote>;
export type MyVote = Out<typeof C.myVoteList>['items'][number];
export type VerifyAnswer = Out<typeof C.verifyAnswer>;
export type NotVotedList = Out<typeof C.notVotedList>;
export type UploadedScan = Out<typeof C.uploadedScan>;
export type OpenedVote = Out<typeof C.openedVote>;
export type ClosedVote = Out<typeof C.closedVote>;
export type Created = Out<typeof C.created>;
export type CreateVoteBody = z.input<typeof C.createVoteBody>;

/**
 * The published record, as far as the pages read it: version 1 numbers its ballots (seq);
 * version 2 has no seq, and its ballots carry their choices and the vote its item titles.
 */
export interface VoteRecordFile {
  format: string;
  vote?: { items?: { id: string; title: string }[] };
  ballots: { seq?: number; hash: string; castAt?: string; channel?: string; choices?: Record<string, string> }[];
  [key: string]: unknown;
}

export const voteKeys = {
  all: ['votes'] as const,
  list: (quarterId?: string, paging: VotePaging = {}) => ['votes', 'list', quarterId ?? '', paging] as const,
  vote: (id: string) => ['votes', id] as const,
  turnout: (id: string) => ['votes', id, 'turnout'] as const,
  entries: (id: string) => ['votes', id, 'entries'] as const,
  rollUnits: (id: string, q: string) => ['votes', id, 'roll-units', q] as const,
  objections: (id: string) => ['votes', id, 'objections'] as const,
  result: (id: string) => ['votes', id, 'result'] as const,
  mine: ['votes', 'mine'] as const,
  public: (id: string) => ['votes', 'public', id] as const,
  article278: ['votes', 'article-278'] as const,
};

type VoteList = Out<typeof C.voteList>;

/** Which page of GET /api/votes (contracts/voting voteListQuery), of which phase. */
export interface VotePaging {
  page?: number;
  pageSize?: number;
  phase?: VoteSummary['phase'];
}

const voteList = (quarterId?: string, paging: VotePaging = {}) => ({
  queryKey: voteKeys.list(quarterId, paging),
  queryFn: () => api.get<VoteList>('/api/votes', { quarterId, ...paging }),
});

/** A page of the votes (of a quarter), with the total: the list pages on the server. */
export function useVotePage(quarterId: string | undefined, paging: VotePaging) {
  return useQuery({ ...voteList(quarterId, paging), placeholderData: keepPreviousData });
}

/** The quarters where the caller may create and run votes (empty: offer no 新建表决); a page of one vote carries them. */
export function useQuartersRunBy() {
  return useQuery({ ...voteList(undefined, { pageSize: 1 }), select: (d) => d.runsVotesIn });
}

/**
 * Whether the caller runs the quarter's votes: the community office does only while no owners'
 * committee is in office (西政办〔2020〕29号 二（五）15). Undefined while unknown.
 */
export function useRunsVotes(quarterId: string | undefined) {
  return useQuery({ ...voteList(quarterId, { pageSize: 1 }), select: (d) => d.runsVotes ?? false, enabled: !!quarterId });
}

export function useVote(id: string) {
  return useQuery({ queryKey: voteKeys.vote(id), queryFn: () => api.get<VoteDetail>(`/api/votes/${id}`) });
}

export function useArticle278Items() {
  return useQuery({
    queryKey: voteKeys.article278,
    queryFn: () => api.get<Out<typeof C.article278ItemList>>('/api/votes/article-278-items'),
    select: (d) => d.items,
    staleTime: Infinity,
  });
}

/** Live turnout: refreshed every 10 s while the window is open. */
export function useTurnout(id: string, enabled: boolean, live: boolean) {
  return useQuery({
    queryKey: voteKeys.turnout(id),
    queryFn: () => api.get<Turnout>(`/api/votes/${id}/turnout`),
    enabled,
    refetchInterval: live ? 10_000 : false,
  });
}

export function useEntries(id: string, enabled: boolean) {
  return useQuery({
    queryKey: voteKeys.entries(id),
    queryFn: () => api.get<Out<typeof C.ballotEntryList>>(`/api/votes/${id}/entries`),
    select: (d) => d.items,
    enabled,
  });
}

export function useRollUnits(id: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: voteKeys.rollUnits(id, q),
    queryFn: () => api.get<Out<typeof C.rollUnitList>>(`/api/votes/${id}/roll-units`, { q }),
    select: (d) => d.items,
    enabled,
  });
}

export function useNotVoted(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...voteKeys.turnout(id), 'not-voted'] as const,
    queryFn: () => api.get<NotVotedList>(`/api/votes/${id}/not-voted`),
    enabled,
  });
}

export function useObjections(id: string, enabled: boolean) {
  return useQuery({
    queryKey: voteKeys.objections(id),
    queryFn: () => api.get<Out<typeof C.objectionList>>(`/api/votes/${id}/objections`),
    select: (d) => d.items,
    enabled,
  });
}

export function useResult(id: string, enabled: boolean) {
  return useQuery({ queryKey: voteKeys.result(id), queryFn: () => api.get<TallyResult>(`/api/votes/${id}/result`), enabled });
}

export function useMyVotes(enabled = true) {
  return useQuery({
    queryKey: voteKeys.mine,
    queryFn: () => api.get<Out<typeof C.myVoteList>>('/api/me/votes'),
    select: (d) => d.items,
    enabled,
  });
}

export function usePublicVote(id: string) {
  return useQuery({ queryKey: voteKeys.public(id), queryFn: () => api.get<PublicVote>(`/api/public/votes/${id}`) });
}

/** A mutation that refreshes everything about the vote afterwards. */
export function useVoteMutation<TVars, TResult>(id: string, fn: (vars: TVars) => Promise<TResult>, handlesErrors = false) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { handlesErrors },
    onSuccess: () => client.invalidateQueries({ queryKey: voteKeys.all }),
  });
}

export async function uploadScan(voteId: string, file: File): Promise<UploadedScan> {
  const form = new FormData();
  form.append('file', file);
  return api.upload(`/api/votes/${voteId}/scans`, form);
}

/** The published record, fetched to look a receipt up in it. */
export function fetchRecord(voteId: string): Promise<VoteRecordFile> {
  return api.get<VoteRecordFile>(`/api/votes/${voteId}/record`);
}

/** Finds the ballot of a receipt code in a record ('invalid' when the code is not 16 hex digits). */
export function findReceipt(record: VoteRecordFile, code: string): VoteRecordFile['ballots'][number] | null | 'invalid' {
  if (normalizeReceiptCode(code) === null) return 'invalid';
  return findByReceipt(record, code) ?? null;
}
