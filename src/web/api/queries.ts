import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { AuditEntry, Listed, Paged, PlaceNode, UserAccount } from './types';

// The queries every part of the app shares; a module's own live in modules/<m>/api.ts.
// Query keys start with the resource so that a write can invalidate everything it touches
// with one prefix.
export const keys = {
  placesTree: ['places', 'tree'] as const,
  audit: (params: AuditParams) => ['audit', params] as const,
  users: ['users'] as const,
};

export function usePlacesTree(enabled = true) {
  return useQuery({
    queryKey: keys.placesTree,
    queryFn: () => api.get<Listed<PlaceNode>>('/api/places/tree'),
    select: (data) => data.items,
    staleTime: 60_000,
    enabled,
  });
}

export interface AuditParams {
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
