// The deliberation module's API as the web app uses it (server: src/server/modules/deliberation/routes.ts).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Wire } from '../../../contracts/common';
import type * as C from '../../../contracts/deliberation';
import { api } from '../../api/client';

type Out<T extends z.ZodType> = Wire<z.output<T>>;

export type ProposalStage = z.output<typeof C.proposalStage>;
export type PipelineStep = z.output<typeof C.pipelineStep>;
export type TopicChannel = z.output<typeof C.topicChannel>;
export type Party = z.output<typeof C.party>;
export type ResponsibleParty = z.output<typeof C.responsibleParty>;
export type MeetingKind = z.output<typeof C.meetingKind>;
export type MeetingStatus = z.output<typeof C.meetingStatus>;
export type ActionStatus = z.output<typeof C.actionStatus>;
export type Rating = z.output<typeof C.rating>;
export type ProposalSummary = Out<typeof C.proposalSummary>;
export type ProposalDetail = Out<typeof C.proposalDetail>;
export type MeetingSummary = Out<typeof C.meetingSummary>;
export type MeetingDetail = Out<typeof C.meetingDetail>;
export type ActionSummary = Out<typeof C.actionSummary>;
export type ActionDetail = Out<typeof C.actionDetail>;
export type CosignAnswer = Out<typeof C.cosignAnswer>;
export type StageAnswer = Out<typeof C.stageAnswer>;
export type CreateProposalBody = z.input<typeof C.createProposalBody>;
export type AdvanceBody = z.input<typeof C.advanceBody>;
export type CreateMeetingBody = z.input<typeof C.createMeetingBody>;
export type ResolutionBody = z.input<typeof C.resolutionBody>;
export type LivelihoodList = Out<typeof C.livelihoodList>;

export const PIPELINE: PipelineStep[] = ['proposed', 'discussed', 'reviewed', 'resolved', 'published', 'filed'];
export const CHANNELS: TopicChannel[] = ['visit', 'resident', 'mailbox', 'owners_group', 'reception', 'online'];
export const PARTIES: Party[] = ['community', 'committee', 'company', 'other'];
export const RESPONSIBLE: ResponsibleParty[] = ['community', 'committee', 'company'];
export const RATINGS: Rating[] = ['satisfied', 'basic', 'dissatisfied'];

export const deliberationKeys = {
  all: ['deliberation'] as const,
  proposals: (quarterId?: string) => ['deliberation', 'proposals', quarterId ?? ''] as const,
  proposal: (id: string) => ['deliberation', 'proposal', id] as const,
  meetings: (quarterId?: string) => ['deliberation', 'meetings', quarterId ?? ''] as const,
  meeting: (id: string) => ['deliberation', 'meeting', id] as const,
  actions: (quarterId?: string) => ['deliberation', 'actions', quarterId ?? ''] as const,
  action: (id: string) => ['deliberation', 'action', id] as const,
};

/**
 * The newest proposals of a quarter (or of the scope), for a picker or a short list: the longest
 * page the server answers. A list the user pages through reads useProposalPage.
 */
export function useProposals(quarterId?: string, enabled = true) {
  return useQuery({
    queryKey: [...deliberationKeys.proposals(quarterId), 'latest'],
    queryFn: () => api.get<Out<typeof C.proposalList>>('/api/proposals', { quarterId, pageSize: LATEST }),
    select: (d) => d.items,
    enabled,
  });
}

/** How many of the newest rows a picker or a short list reads (the longest page, contracts/common.ts). */
const LATEST = 200;

export type ProposalPageQuery = { quarterId?: string; stage?: ProposalStage; page: number; pageSize: number };
/** One page of the proposals with the total (GET /api/proposals pages on the server). */
export function useProposalPage(query: ProposalPageQuery) {
  return useQuery({
    queryKey: [...deliberationKeys.proposals(query.quarterId), query],
    queryFn: () => api.get<Out<typeof C.proposalList>>('/api/proposals', query),
    placeholderData: keepPreviousData,
  });
}

export function useProposal(id: string, enabled = true) {
  return useQuery({ queryKey: deliberationKeys.proposal(id), queryFn: () => api.get<ProposalDetail>(`/api/proposals/${id}`), enabled });
}

export function useMeetings(quarterId?: string, enabled = true) {
  return useQuery({
    queryKey: [...deliberationKeys.meetings(quarterId), 'latest'],
    queryFn: () => api.get<Out<typeof C.meetingList>>('/api/meetings', { quarterId, pageSize: LATEST }),
    select: (d) => d.items,
    enabled,
  });
}

/** One page of the joint meetings with the total (GET /api/meetings pages on the server). */
export function useMeetingPage(query: { quarterId?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...deliberationKeys.meetings(query.quarterId), query],
    queryFn: () => api.get<Out<typeof C.meetingList>>('/api/meetings', query),
    placeholderData: keepPreviousData,
  });
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: deliberationKeys.meeting(id), queryFn: () => api.get<MeetingDetail>(`/api/meetings/${id}`) });
}

export function useActions(quarterId?: string, enabled = true) {
  return useQuery({
    queryKey: [...deliberationKeys.actions(quarterId), 'latest'],
    queryFn: () => api.get<Out<typeof C.actionList>>('/api/actions', { quarterId, pageSize: LATEST }),
    select: (d) => d.items,
    enabled,
  });
}

/** One page of the actions with the total (GET /api/actions pages on the server); overdue: those past their due day. */
export function useActionPage(query: { quarterId?: string; overdue?: boolean; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...deliberationKeys.actions(query.quarterId), query],
    queryFn: () => api.get<Out<typeof C.actionList>>('/api/actions', { ...query, overdue: query.overdue ? 'true' : undefined }),
    placeholderData: keepPreviousData,
  });
}

export function useAction(id: string) {
  return useQuery({ queryKey: deliberationKeys.action(id), queryFn: () => api.get<ActionDetail>(`/api/actions/${id}`) });
}

/** A change that refreshes everything of the module afterwards; errors are shown by the caller's form. */
export function useDeliberationMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>, handlesErrors = false) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, meta: { handlesErrors }, onSuccess: () => client.invalidateQueries({ queryKey: deliberationKeys.all }) });
}

export function useLivelihood(quarterId: string | undefined, year: number) {
  return useQuery({
    queryKey: [...deliberationKeys.all, 'livelihood', quarterId ?? '', year] as const,
    queryFn: () => api.get<LivelihoodList>(`/api/quarters/${quarterId}/livelihood-projects`, { year: String(year) }),
    enabled: !!quarterId,
  });
}
