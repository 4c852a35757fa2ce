import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type {
  AuditEntry,
  Building,
  Dossier,
  ImportRun,
  Listed,
  Owner,
  Paged,
  PlaceNode,
  Quarter,
  Resident,
  ResidentKind,
  Unit,
  UserAccount,
} from './types';

// Query keys start with the resource so that a write can invalidate everything it touches
// with one prefix (e.g. ['quarter', id] covers the quarter, its dossier, units and owners).
export const keys = {
  placesTree: ['places', 'tree'] as const,
  quarters: (params: QuarterListParams) => ['quarters', params] as const,
  quarter: (id: string) => ['quarter', id] as const,
  dossier: (id: string) => ['quarter', id, 'dossier'] as const,
  buildings: (id: string) => ['quarter', id, 'buildings'] as const,
  units: (id: string, params: UnitListParams) => ['quarter', id, 'units', params] as const,
  owners: (id: string, params: OwnerListParams) => ['quarter', id, 'owners', params] as const,
  owner: (id: string) => ['owner', id] as const,
  residents: (id: string, kind?: ResidentKind) => ['quarter', id, 'residents', kind ?? 'all'] as const,
  audit: (params: AuditParams) => ['audit', params] as const,
  users: ['users'] as const,
  importRun: (id: string) => ['import', id] as const,
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

export interface QuarterListParams {
  q?: string;
  streetId?: string;
  communityId?: string;
}

export function useQuarters(params: QuarterListParams, enabled = true) {
  return useQuery({
    queryKey: keys.quarters(params),
    queryFn: () => api.get<Listed<Quarter>>('/api/quarters', { ...params }),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useQuarter(id: string | undefined) {
  return useQuery({
    queryKey: keys.quarter(id ?? ''),
    queryFn: () => api.get<Quarter>(`/api/quarters/${id}`),
    enabled: !!id,
  });
}

export function useDossier(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: keys.dossier(id ?? ''),
    queryFn: () => api.get<Dossier>(`/api/quarters/${id}/dossier`),
    enabled: !!id && enabled,
  });
}

export function useBuildings(quarterId: string) {
  return useQuery({
    queryKey: keys.buildings(quarterId),
    queryFn: () => api.get<Listed<Building>>(`/api/quarters/${quarterId}/buildings`),
    select: (data) => data.items,
  });
}

export interface UnitListParams {
  buildingId?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export function useUnits(quarterId: string, params: UnitListParams, enabled = true) {
  return useQuery({
    queryKey: keys.units(quarterId, params),
    queryFn: () => api.get<Paged<Unit>>(`/api/quarters/${quarterId}/units`, { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export interface OwnerListParams {
  q?: string;
  page: number;
  pageSize: number;
}

export function useOwners(quarterId: string, params: OwnerListParams, enabled = true) {
  return useQuery({
    queryKey: keys.owners(quarterId, params),
    queryFn: () => api.get<Paged<Owner>>(`/api/quarters/${quarterId}/owners`, { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOwner(id: string | null | undefined) {
  return useQuery({
    queryKey: keys.owner(id ?? ''),
    queryFn: () => api.get<Owner>(`/api/owners/${id}`),
    enabled: !!id,
  });
}

export function useResidents(quarterId: string, kind?: ResidentKind, enabled = true) {
  return useQuery({
    queryKey: keys.residents(quarterId, kind),
    queryFn: () => api.get<Listed<Resident>>(`/api/quarters/${quarterId}/residents`, { kind }),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
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

export function useImportRun(id: string | null, polling: boolean) {
  return useQuery({
    queryKey: keys.importRun(id ?? ''),
    queryFn: () => api.get<ImportRun>(`/api/imports/${id}`),
    enabled: !!id,
    // While the server writes, ask every 500 ms so the progress bar moves.
    refetchInterval: (query) => (polling && (!query.state.data || query.state.data.status === 'writing') ? 500 : false),
  });
}
