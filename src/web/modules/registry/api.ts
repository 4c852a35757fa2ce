// The registry's API as the web app uses it (server: src/server/modules/registry/routes.ts):
// quarters, the dossier, buildings, units, owners, residents and the import. The shapes come
// from the contract (src/contracts/registry.ts) as types only, so zod stays out of the bundle.
// Areas are integers in 0.01 m².
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as C from '../../../contracts/registry';
import type { Wire } from '../../../contracts/common';
import { api } from '../../api/client';
import type { Listed, Paged, Quarter, QuarterType } from '../../api/types';

// The quarter and building lists serve other modules too, so they are shared (src/web/api).
export { useBuildings, useQuarterPage, useQuarters, type QuarterListParams, type QuarterPage } from '../../api/queries';
export type { Building, Quarter, QuarterType } from '../../api/types';

type Out<T extends z.ZodType> = Wire<z.output<T>>;

export const QUARTER_TYPES: QuarterType[] = ['commercial', 'resettlement', 'old', 'mixed', 'other'];
export type OwnerKind = (typeof C.ownerKinds)[number];
export const OWNER_KINDS: OwnerKind[] = ['person', 'developer', 'organization'];
export type UnitUse = (typeof C.unitUses)[number];
export const UNIT_USES: UnitUse[] = ['residential', 'commercial', 'other'];
export type ResidentKind = (typeof C.residentKinds)[number];
export const RESIDENT_KINDS: ResidentKind[] = ['permanent', 'floating', 'tenant'];

/** The body of POST /api/quarters (communityId) and of PATCH /api/quarters/:id (without it). */
export type QuarterInput = Omit<z.input<typeof C.quarterCreateBody>, 'communityId'> & { communityId?: string };
export type Contact = Out<typeof C.contactSchema>;
export type Dossier = Out<typeof C.dossierSchema>;
/** A section another module adds to the dossier: its own `data`, in the shape its contract gives. */
export type DossierSection = Dossier['sections'][number];
export type DossierStats = Dossier['stats'];
export type Unit = Out<typeof C.unitSchema>;
export type Owner = Out<typeof C.ownerSchema>;
export type OwnerRow = Out<typeof C.ownerRowSchema>;
export type OwnerUnit = OwnerRow['units'][number];
export type Resident = Out<typeof C.residentSchema>;
export type ImportRun = Out<typeof C.importRunSchema>;
export type ImportRowError = Out<typeof C.importRowErrorSchema>;
export type ImportStarted = Out<typeof C.importStartedSchema>;
export type ImportStatus = 'rejected' | 'writing' | 'done' | 'failed';
export type OwnerHome = Out<typeof C.ownerHomeSchema>;
export type SearchAnswer = Out<typeof C.searchSchema>;

// Query keys start with the resource so that a write can invalidate everything it touches
// with one prefix (e.g. ['quarter', id] covers the quarter, its dossier, units and owners).
export const registryKeys = {
  quarter: (id: string) => ['quarter', id] as const,
  dossier: (id: string) => ['quarter', id, 'dossier'] as const,
  units: (id: string, params: UnitListParams) => ['quarter', id, 'units', params] as const,
  owners: (id: string, params: OwnerListParams) => ['quarter', id, 'owners', params] as const,
  owner: (id: string) => ['owner', id] as const,
  residents: (id: string, kind?: ResidentKind, q?: string) => ['quarter', id, 'residents', kind ?? 'all', q ?? ''] as const,
  importRun: (id: string) => ['import', id] as const,
};

export function useQuarter(id: string | undefined) {
  return useQuery({
    queryKey: registryKeys.quarter(id ?? ''),
    queryFn: () => api.get<Quarter>(`/api/quarters/${id}`),
    enabled: !!id,
  });
}

export function useDossier(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: registryKeys.dossier(id ?? ''),
    queryFn: () => api.get<Dossier>(`/api/quarters/${id}/dossier`),
    enabled: !!id && enabled,
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
    queryKey: registryKeys.units(quarterId, params),
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
    queryKey: registryKeys.owners(quarterId, params),
    queryFn: () => api.get<Paged<OwnerRow>>(`/api/quarters/${quarterId}/owners`, { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOwner(id: string | null | undefined) {
  return useQuery({
    queryKey: registryKeys.owner(id ?? ''),
    queryFn: () => api.get<Owner>(`/api/owners/${id}`),
    enabled: !!id,
  });
}

export function useResidents(quarterId: string, kind?: ResidentKind, enabled = true, q?: string) {
  return useQuery({
    queryKey: registryKeys.residents(quarterId, kind, q),
    queryFn: () => api.get<Listed<Resident>>(`/api/quarters/${quarterId}/residents`, { kind, q }),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useImportRun(id: string | null, polling: boolean) {
  return useQuery({
    queryKey: registryKeys.importRun(id ?? ''),
    queryFn: () => api.get<ImportRun>(`/api/imports/${id}`),
    enabled: !!id,
    // While the server writes, ask every 500 ms so the progress bar moves.
    refetchInterval: (query) => (polling && (!query.state.data || query.state.data.status === 'writing') ? 500 : false),
  });
}
