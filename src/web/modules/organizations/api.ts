// The organisations module's API as the web app uses it (server: src/server/modules/organizations).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';

export type CheckStatus = 'pass' | 'warn' | 'fail';
export interface CheckItem {
  rule: string;
  status: CheckStatus;
  citation: string;
  message: string;
}
export interface Violation {
  rule: string;
  citation: string;
  message: string;
}
export interface ChecklistEntry {
  id: string;
  kind: 'requirement' | 'exclusion' | 'priority' | 'criterion';
  label: string;
  citation: string;
  quote: string;
  answer?: boolean | null;
}
export interface Review {
  step: string;
  stepLabel: string;
  decision: 'approve' | 'reject';
  reviewerName: string;
  reviewedOn: string;
  opinion: string;
  departments: string[];
}
export type VettingStep = 'community-pre-review' | 'street-review' | 'joint-department-review';
export interface Candidate {
  id: string;
  quarterId: string;
  quarterName?: string;
  ownerId: string;
  name: string;
  recommendedBy: 'party-organization' | 'co-signing-owners';
  coSignerCount: number | null;
  recommendedOn: string;
  skills: string[];
  isPartyMember: boolean;
  inReservePool: boolean;
  status: string;
  statusLabel: string;
  nextStep: VettingStep | null;
  nextStepLabel: string | null;
  seated: boolean;
  checklist: ChecklistEntry[];
  reviews: Review[];
}
export interface CommitteeMember {
  id: string;
  name: string;
  position: 'chair' | 'vice-chair' | 'member';
  positionLabel: string;
  isPartyMember: boolean;
  commitmentsSignedOn: string | null;
  removedOn: string | null;
  removalReason: string | null;
  trainingDates: string[];
}
export interface Committee {
  id: string;
  termNumber: number | null;
  termStart: string;
  termEnd: string;
  status: 'forming' | 'active' | 'ended';
  statusLabel: string;
  memberCount: number;
  partyMemberCount: number;
  partyOrganization: { id: string; name: string } | null;
  members: CommitteeMember[];
  trainings: { id: string; heldOn: string; topic: string }[];
  appraisals: { id: string; appraisedOn: string; periodLabel: string }[];
}
export interface SupervisoryMember {
  id: string;
  ownerId: string;
  name: string;
  position: 'chair' | 'member';
  positionLabel: string;
  isPartyMember: boolean;
  joinedOn: string | null;
  removedOn: string | null;
  removalReason: string | null;
}
export interface SupervisoryCommittee {
  id: string;
  termStart: string;
  termEnd: string;
  electedOn: string | null;
  status: 'active' | 'ended';
  statusLabel: string;
  members: SupervisoryMember[];
}
export interface PartyOrganization {
  id: string;
  kind: 'quarter' | 'committee' | 'company';
  kindLabel: string;
  name: string;
  form: string;
  secretaryName: string;
  secretaryPhone: string | null;
  memberCount: number;
  establishedOn: string | null;
  dissolvedOn: string | null;
}
export interface Contract {
  id: string;
  companyName: string;
  selectionMethodLabel: string;
  startsOn: string;
  endsOn: string | null;
  terminatedOn: string | null;
  signedOn: string | null;
  feeStandardFen: number;
  serviceStandard: string;
  current: boolean;
}
/** The quarter's community people, as the API paths name them (POST /api/quarters/:id/<kind>, DELETE /api/<kind>/:id). */
export type PeopleKind = 'grids' | 'building-leaders' | 'social-organizations' | 'volunteers';
export interface Organizations {
  pack: string;
  checks: CheckItem[];
  committees: Committee[];
  supervisoryCommittees: SupervisoryCommittee[];
  commissioners: { id: string; name: string; phone: string; photoPath: string | null; trainedOn: string | null; startedOn: string; endedOn: string | null; endReason?: string | null; current: boolean }[];
  partyOrganizations: PartyOrganization[];
  contracts: Contract[];
  grids: { id: string; name: string; leaderName: string; leaderPhone: string | null }[];
  buildingLeaders: { id: string; buildingName: string; name: string; phone: string | null }[];
  socialOrganizations: { id: string; name: string; kind: string; contactName: string }[];
  volunteers: { id: string; name: string; team: string }[];
  candidates: Candidate[];
}
export interface RuleEntry {
  id: string;
  title: string;
  description: string;
  severity: 'fail' | 'warn';
  citations: { text: string; quote: string | null; aspect: string | null }[];
  changes: { packId: string; note: string }[];
}
export interface RulesInForce {
  pack: { id: string; version: string; title: string };
  rules: RuleEntry[];
  checklist: ChecklistEntry[];
}
export interface Actions {
  vetting: Candidate[];
  expiringTerms: { quarterId: string; quarterName: string; termEnd: string; daysLeft: number; expired: boolean; citation: string }[];
  failingChecks: (CheckItem & { quarterId: string; quarterName: string })[];
}

const orgKey = (quarterId: string) => ['organizations', quarterId] as const;

export function useOrganizations(quarterId: string) {
  return useQuery({ queryKey: orgKey(quarterId), queryFn: () => api.get<Organizations>(`/api/quarters/${quarterId}/organizations`) });
}
export function useRulesInForce() {
  return useQuery({ queryKey: ['organizations', 'rules'], queryFn: () => api.get<RulesInForce>('/api/organizations/rules') });
}
export function useActions() {
  return useQuery({ queryKey: ['organizations', 'actions'], queryFn: () => api.get<Actions>('/api/organizations/actions') });
}
export function useQuarterOwners(quarterId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['organizations', quarterId, 'owners'],
    queryFn: () => api.get<{ items: { id: string; name: string; kind: string }[] }>(`/api/quarters/${quarterId}/owners`, { pageSize: 200 }),
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

export interface PropertyCompany {
  id: string;
  name: string;
  creditCode: string;
  partyMemberCount: number;
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

export interface TripartiteOffice {
  id: string;
  level: 'district' | 'street' | 'community';
  streetId: string | null;
  communityId: string | null;
  name: string;
  establishedOn: string | null;
  address: string;
  phone: string | null;
  members: { id: string; name: string; position: string; department: string; phone: string | null }[];
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
