// The organisations module's API as the web app uses it (server: src/server/modules/organizations).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as C from '../../../contracts/organizations';
import type * as R from '../../../contracts/registry';
import { api, ApiError } from '../../api/client';
import type { DashboardView } from '../module';

// The answers' types come from the contract (src/contracts/organizations.ts), types only: zod
// itself stays out of the web bundle.
type Out<T extends z.ZodType> = z.output<T>;

export type CheckItem = Out<typeof C.checkItem>;
export type CheckStatus = CheckItem['status'];
export type Violation = Out<typeof C.violation>;
export type ChecklistEntry = Out<typeof C.checklistEntry>;
export type Candidate = Out<typeof C.candidateView>;
export type Review = Candidate['reviews'][number];
export type VettingStep = (typeof C.vettingSteps)[number];
export type Committee = Out<typeof C.committeeView>;
export type CommitteeMember = Committee['members'][number];
export type SupervisoryCommittee = Out<typeof C.supervisoryView>;
export type SupervisoryMember = SupervisoryCommittee['members'][number];
export type PartyOrganization = Out<typeof C.partyOrganizationView>;
export type Contract = Out<typeof C.contractView>;
/** The quarter's community people, as the API paths name them (POST /api/quarters/:id/<kind>, DELETE /api/<kind>/:id). */
export type PeopleKind = (typeof C.peopleKinds)[number];
export type Organizations = Out<typeof C.quarterOrganizationsView>;
export type RulesInForce = Out<typeof C.rulesInForceView>;
export type RuleEntry = RulesInForce['rules'][number];
export type Actions = Out<typeof C.actionsView>;
export type PropertyCompany = Out<typeof C.companyView>;
export type TripartiteOffice = Out<typeof C.officeView>;
/** The answer types an office's level as a string; it is one of the levels an office is created at. */
export type OfficeLevel = Out<typeof C.officeBody>['level'];
type OwnerList = Out<typeof R.ownerRowSchema>;

const orgKey = (quarterId: string) => ['organizations', quarterId] as const;

export function useOrganizations(quarterId: string) {
  return useQuery({ queryKey: orgKey(quarterId), queryFn: () => api.get<Organizations>(`/api/quarters/${quarterId}/organizations`) });
}
export function useRulesInForce() {
  return useQuery({ queryKey: ['organizations', 'rules'], queryFn: () => api.get<RulesInForce>('/api/organizations/rules') });
}
/** The to-do list; its failing checks a page at a time (the server pages and filters by rule). */
export function useActions(params: { page: number; pageSize: number; rule?: string }) {
  return useQuery({
    queryKey: ['organizations', 'actions', params],
    queryFn: () => api.get<Actions>('/api/organizations/actions', { ...params }),
    placeholderData: keepPreviousData,
  });
}
export function useQuarterOwners(quarterId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['organizations', quarterId, 'owners'],
    queryFn: () => api.get<{ items: OwnerList[] }>(`/api/quarters/${quarterId}/owners`, { pageSize: 200 }),
    enabled,
  });
}

/** A write of this module; refreshes the quarter's organisations, the dossier and the action lists. */
export function useOrgWrite<TBody, TResult = unknown>(method: 'post' | 'patch', path: string | ((body: TBody) => string), quarterId?: string) {
  const client = useQueryClient();
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: (body: TBody) => api[method]<TResult>(typeof path === 'function' ? path(body) : path, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['organizations'] });
      if (quarterId) void client.invalidateQueries({ queryKey: ['quarter', quarterId, 'dossier'] });
    },
  });
}

/** The property companies of the caller's district (a company is a district-wide record). */
export function useCompanies(enabled: boolean) {
  return useQuery({ queryKey: ['organizations', 'companies'], queryFn: () => api.get<{ items: PropertyCompany[] }>('/api/property-companies'), enabled });
}

export interface RecordWrite {
  method: 'post' | 'patch' | 'delete';
  path: string;
  body?: unknown;
}
/**
 * Writes of the record forms, whose path depends on the record (a member, a commissioner) and
 * some of which take two steps (a new company, then its contract); refreshes like useOrgWrite.
 */
export function useRecordWrite(quarterId?: string) {
  const client = useQueryClient();
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: (w: RecordWrite) => (w.method === 'delete' ? api.delete<unknown>(w.path) : api[w.method]<unknown>(w.path, w.body)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['organizations'] });
      // Offices belong to a district, street or community, not to a quarter: no dossier to refresh.
      if (quarterId) void client.invalidateQueries({ queryKey: ['quarter', quarterId, 'dossier'] });
    },
  });
}

/** The tripartite offices the caller may see (its own, those below it, those on its path), with members. */
export function useOffices(enabled: boolean) {
  return useQuery({ queryKey: ['organizations', 'offices'], queryFn: () => api.get<{ items: TripartiteOffice[] }>('/api/tripartite-offices'), enabled });
}

/** The rule violations of a 422 answer: `error.details.violations` (or `error.violations`). */
export function violationsOf(error: unknown): Violation[] {
  if (!(error instanceof ApiError)) return [];
  const found = (error.details as { violations?: unknown } | undefined)?.violations ?? error.violations;
  return Array.isArray(found) ? (found as Violation[]) : [];
}

/** The supervision dashboard of the caller's scope, or of a street, community or quarter in it. */
export function useDashboard(placeId: string | undefined) {
  return useQuery({
    queryKey: ['dashboard', placeId ?? ''] as const,
    queryFn: () => api.get<DashboardView>('/api/dashboard', placeId ? { placeId } : undefined),
    placeholderData: keepPreviousData,
  });
}
