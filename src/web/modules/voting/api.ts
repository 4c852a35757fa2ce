// The voting module's API as the web app uses it (server: src/server/modules/voting/routes.ts,
// docs/api.md "Owners' assembly voting").
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { findByReceipt, normalizeReceiptCode } from '../../../core/voting/receipt';

export type VoteStatus = 'draft' | 'open' | 'closed' | 'published';
export type VoteRule = 'civil-code-278' | 'building-majority';
export type Matter = 'ordinary' | 'special';
export type Choice = 'yes' | 'no' | 'abstain';
export type Channel = 'online' | 'paper' | 'proxy';

export interface Count {
  members: number;
  /** Area in 0.01 m², as everywhere in the registry. */
  area: number;
}

export interface VoteSummary {
  id: string;
  quarterId: string;
  quarterName: string;
  buildingId: string | null;
  title: string;
  rule: VoteRule;
  status: VoteStatus;
  opensAt: string;
  closesAt: string;
  objectionDays: number;
  objectionEndsAt: string | null;
  rollMembers: number | null;
  ballotCount: number;
  createdAt: string;
}

export interface VoteItem {
  id: string;
  title: string;
  matter: Matter;
  article278Item: number | null;
}

export interface VoteDetail extends VoteSummary {
  items: VoteItem[];
  rollFingerprint: string | null;
  rollArea: number | null;
  head: string | null;
  openedAt: string | null;
  closedAt: string | null;
  publishedAt: string | null;
  canManage: boolean;
  canEnterBallots: boolean;
}

export interface Article278Item {
  item: number;
  matter: Matter;
  'zh-CN': string;
  en: string;
}

export interface Turnout {
  status: VoteStatus;
  rule: VoteRule;
  totals: Count;
  cast: Count;
  needed: Count;
  areaWeighed: boolean;
  quorumMet: boolean;
  byChannel: Record<Channel, Count>;
  closesAt: string;
}

/** Exactly what `gongzhi tally` prints (docs/vote-record-format.md, "`gongzhi tally FILE`"). */
export interface TallyResult {
  valid: boolean;
  errors: string[];
  rollFingerprint: string;
  head: string;
  totals: Count;
  participation: Count & { quorumMet: boolean };
  items: { id: string; matter: Matter | null; yes: Count; no: Count; abstain: Count; passed: boolean }[];
}

export interface Receipt {
  seq: number;
  castAt: string;
  hash: string;
  receiptCode: string;
  channel: Channel;
}

export interface RollUnit {
  unitId: string;
  label: string;
  votedChannel: Channel | null;
}

export interface BallotEntry {
  seq: number;
  channel: Channel;
  castAt: string;
  enteredBy: string | null;
  unit: string | null;
  proxyHolder: string | null;
  scanId: string | null;
}

export interface Objection {
  id: string;
  text: string;
  filedBy: string;
  status: 'open' | 'answered';
  response: string | null;
  createdAt: string;
  answeredAt: string | null;
}

export interface PublicVote {
  id: string;
  quarterId: string;
  quarterName: string;
  title: string;
  rule: VoteRule;
  status: VoteStatus;
  opensAt: string;
  closesAt: string;
  objectionEndsAt: string | null;
  publishedAt: string | null;
  items: VoteItem[];
  rollFingerprint: string | null;
  rollMembers: number | null;
  rollArea: number | null;
  result: TallyResult | null;
}

export interface MyVote extends VoteSummary {
  voted: boolean;
}

export interface VerifyAnswer {
  voterToken: string;
  expiresAt: string;
  alreadyVoted: { channel: Channel; castAt: string; receiptCode: string } | null;
}

/** The published record (gongzhi.vote-record/1), as far as the pages read it. */
export interface VoteRecordFile {
  format: string;
  ballots: { seq: number; hash: string; castAt?: string; channel?: string }[];
  [key: string]: unknown;
}

export const voteKeys = {
  all: ['votes'] as const,
  list: (quarterId?: string) => ['votes', 'list', quarterId ?? ''] as const,
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

interface VoteList {
  items: VoteSummary[];
  /** With a quarter: whether the caller may create and run votes there. */
  runsVotes?: boolean;
}

const voteList = (quarterId?: string) => ({ queryKey: voteKeys.list(quarterId), queryFn: () => api.get<VoteList>('/api/votes', { quarterId }) });

export function useVotes(quarterId?: string) {
  return useQuery({ ...voteList(quarterId), select: (d) => d.items });
}

/**
 * Whether the caller runs the quarter's votes: the community office does only while no owners'
 * committee is in office (西政办〔2020〕29号 二（五）15). Undefined while unknown.
 */
export function useRunsVotes(quarterId: string | undefined) {
  return useQuery({ ...voteList(quarterId), select: (d) => d.runsVotes ?? false, enabled: !!quarterId });
}

export function useVote(id: string) {
  return useQuery({ queryKey: voteKeys.vote(id), queryFn: () => api.get<VoteDetail>(`/api/votes/${id}`) });
}

export function useArticle278Items() {
  return useQuery({
    queryKey: voteKeys.article278,
    queryFn: () => api.get<{ items: Article278Item[] }>('/api/votes/article-278-items'),
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
    queryFn: () => api.get<{ items: BallotEntry[] }>(`/api/votes/${id}/entries`),
    select: (d) => d.items,
    enabled,
  });
}

export function useRollUnits(id: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: voteKeys.rollUnits(id, q),
    queryFn: () => api.get<{ items: RollUnit[] }>(`/api/votes/${id}/roll-units`, { q }),
    select: (d) => d.items,
    enabled,
  });
}

export interface NotVotedList {
  members: number;
  area: number;
  items: { units: string[]; owners: { name: string; phoneMasked: string | null }[]; area: number }[];
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
    queryFn: () => api.get<{ items: Objection[] }>(`/api/votes/${id}/objections`),
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
    queryFn: () => api.get<{ items: MyVote[] }>('/api/me/votes'),
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

export async function uploadScan(voteId: string, file: File): Promise<{ id: string; sha256: string }> {
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
