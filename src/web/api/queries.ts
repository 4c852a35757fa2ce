import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { z } from 'zod';
import type { quarterPageSchema, quarterSorts, searchSchema } from '../../contracts/registry';
import type { inboxItemSchema } from '../../contracts/notifications';
import type { Wire } from '../../contracts/common';
import type { AuditEntry, Building, Listed, Paged, PlaceNode, Quarter, UserAccount } from './types';

// The queries that several modules and the shared pages use (the places tree, the quarter and
// building lists, accounts, the audit log); a module's own live in modules/<m>/api.ts.
// Query keys start with the resource so that a write can invalidate everything it touches
// with one prefix.
export const keys = {
  placesTree: ['places', 'tree'] as const,
  quarters: (params: QuarterListParams) => ['quarters', params] as const,
  buildings: (quarterId: string) => ['quarter', quarterId, 'buildings'] as const,
  audit: (params: AuditParams) => ['audit', params] as const,
  users: ['users'] as const,
  inbox: ['inbox'] as const,
  search: (q: string) => ['search', q] as const,
};

/** An item of the caller's inbox (notifications module): a to-do or a reminder. */
export type InboxItem = Wire<z.output<typeof inboxItemSchema>>;
export type SearchAnswer = Wire<z.output<typeof searchSchema>>;

/** The caller's open to-dos and reminders; asked again every minute for the header's count. */
export function useInbox(enabled = true) {
  return useQuery({
    queryKey: keys.inbox,
    queryFn: () => api.get<Listed<InboxItem>>('/api/inbox'),
    select: (data) => data.items,
    refetchInterval: 60_000,
    enabled,
  });
}

/** Quarters, owners and units in the caller's scope matching the text (registry's /api/search). */
export function useSearch(q: string) {
  return useQuery({
    queryKey: keys.search(q),
    queryFn: () => api.get<SearchAnswer>('/api/search', { q }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function usePlacesTree(enabled = true) {
  return useQuery({
    queryKey: keys.placesTree,
    queryFn: () => api.get<Listed<PlaceNode>>('/api/places/tree'),
    select: (data) => data.items,
    staleTime: 60_000,
    enabled,
  });
}

/** GET /api/quarters: filters, the page, the server-side sort (contracts/registry quarterListQuery). */
export interface QuarterListParams {
  q?: string;
  streetId?: string;
  communityId?: string;
  page?: number;
  pageSize?: number;
  sort?: (typeof quarterSorts)[number];
  order?: 'asc' | 'desc';
  totals?: boolean;
}

export type QuarterPage = Wire<z.output<typeof quarterPageSchema>>;

/** One page of quarters with its total (and, when asked, the sums over the whole filtered list). */
export function useQuarterPage(params: QuarterListParams, enabled = true) {
  return useQuery({
    queryKey: keys.quarters(params),
    queryFn: () => api.get<QuarterPage>('/api/quarters', { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The first page of quarters matching `params` (pickers search on the server with `q`). */
export function useQuarters(params: QuarterListParams, enabled = true) {
  return useQuery({
    queryKey: keys.quarters(params),
    queryFn: () => api.get<QuarterPage>('/api/quarters', { ...params }),
    select: (data): Quarter[] => data.items,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useBuildings(quarterId: string) {
  return useQuery({
    queryKey: keys.buildings(quarterId),
    queryFn: () => api.get<Listed<Building>>(`/api/quarters/${quarterId}/buildings`),
    select: (data) => data.items,
  });
}

export interface AuditParams {
  /** `changes` to data or the `security` log of sign-ins; both when left out. */
  log?: 'changes' | 'security';
  quarterId?: string;
  entity?: string;
  page: number;
  pageSize: number;
}

export function useAudit(params: AuditParams, enabled = true) {
  return useQuery({
    queryKey: keys.audit(params),
    queryFn: () => api.get<Paged<AuditEntry>>('/api/audit', { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: keys.users,
    queryFn: () => api.get<Listed<UserAccount>>('/api/users'),
    select: (data) => data.items,
    enabled,
  });
}
