import { useCallback, useMemo, useState } from 'react';
import { keepPreviousData, useInfiniteQuery, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { z } from 'zod';
import type { quarterPageSchema, quarterSorts, searchSchema } from '../../contracts/registry';
import type { inboxItemSchema, inboxPageSchema } from '../../contracts/notifications';
import type { userSorts } from '../../contracts/users';
import type { Wire } from '../../contracts/common';
import type { AuditEntry, Building, Listed, Paged, PlaceNode, Quarter, Role, UserAccount } from './types';

// The queries that several modules and the shared pages use (the places tree, the quarter and
// building lists, accounts, the audit log); a module's own live in modules/<m>/api.ts.
// Query keys start with the resource so that a write can invalidate everything it touches
// with one prefix.
export const keys = {
  placesTree: ['places', 'tree', 'community'] as const,
  communityQuarters: (communityId: string) => ['places', 'quarters', communityId] as const,
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

/** A page of the inbox with its total and the unread count (notifications' inboxPageSchema). */
export type InboxPage = Wire<z.output<typeof inboxPageSchema>>;
const INBOX_PAGE = 20;

/**
 * The caller's open to-dos and reminders, a page at a time (`fetchNextPage` for more); asked
 * again every minute for the header's count, which the server counts over the whole inbox.
 */
export function useInbox(enabled = true) {
  return useInfiniteQuery({
    queryKey: keys.inbox,
    queryFn: ({ pageParam }) => api.get<InboxPage>('/api/inbox', { page: pageParam, pageSize: INBOX_PAGE }),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (pages.length * INBOX_PAGE < last.total ? pages.length + 1 : undefined),
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

/**
 * A community's quarters as nodes of the tree: every page of GET /api/quarters?communityId= (a
 * community holds tens of quarters, a district thousands).
 */
async function communityQuarters(communityId: string): Promise<PlaceNode[]> {
  const nodes: PlaceNode[] = [];
  for (let page = 1; ; page++) {
    const answer = await api.get<QuarterPage>('/api/quarters', { communityId, page, pageSize: 200, sort: 'name' });
    nodes.push(...answer.items.map((q) => ({ id: q.id, level: 'quarter' as const, name: q.name, children: [] })));
    if (nodes.length >= answer.total || !answer.items.length) return nodes;
  }
}

const withQuarters = (nodes: PlaceNode[], quarters: Map<string, PlaceNode[]>): PlaceNode[] =>
  nodes.map((n) => (n.level === 'community' && quarters.has(n.id) ? { ...n, children: quarters.get(n.id)! } : { ...n, children: withQuarters(n.children, quarters) }));

/**
 * The caller's part of the hierarchy down to the communities (GET /api/places/tree?depth=community),
 * with the quarters of each community opened so far: `loadCommunity` fetches them when a tree or a
 * picker opens the community (docs/scaling.md: the whole district's quarters are ≈200 KB).
 */
export function usePlacesTree(enabled = true) {
  const queryClient = useQueryClient();
  const tree = useQuery({
    queryKey: keys.placesTree,
    queryFn: () => api.get<Listed<PlaceNode>>('/api/places/tree', { depth: 'community' }),
    select: (data) => data.items,
    staleTime: 60_000,
    enabled,
  });
  const [opened, setOpened] = useState<string[]>([]);
  const loaded = useQueries({
    queries: opened.map((id) => ({ queryKey: keys.communityQuarters(id), queryFn: () => communityQuarters(id), staleTime: 60_000 })),
  });
  const version = loaded.map((q) => q.dataUpdatedAt).join(',');
  const data = useMemo(() => {
    if (!tree.data) return undefined;
    const quarters = new Map<string, PlaceNode[]>();
    opened.forEach((id, i) => loaded[i]?.data && quarters.set(id, loaded[i].data));
    return quarters.size ? withQuarters(tree.data, quarters) : tree.data;
    // `loaded` is a new array on every render; its data changes only with `version`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tree.data, opened, version]);
  const loadCommunity = useCallback(
    async (communityId: string) => {
      await queryClient.fetchQuery({ queryKey: keys.communityQuarters(communityId), queryFn: () => communityQuarters(communityId), staleTime: 60_000 });
      setOpened((prev) => (prev.includes(communityId) ? prev : [...prev, communityId]));
    },
    [queryClient],
  );
  return { data, isPending: tree.isPending, error: tree.error, refetch: tree.refetch, loadCommunity };
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

/** GET /api/users: filters, the page, the server-side sort (contracts/users userListQuery). */
export interface UserListParams {
  q?: string;
  role?: Role;
  status?: 'active' | 'disabled';
  page?: number;
  pageSize?: number;
  sort?: (typeof userSorts)[number];
  order?: 'asc' | 'desc';
}

/** One page of the accounts in scope with its total; keys.users invalidates every page. */
export function useUsers(params: UserListParams = {}, enabled = true) {
  return useQuery({
    queryKey: [...keys.users, params] as const,
    queryFn: () => api.get<Paged<UserAccount>>('/api/users', { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
