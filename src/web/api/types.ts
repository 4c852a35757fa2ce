// Shapes of the HTTP API as docs/api.md describes them. Areas are integers in 0.01 m².

export type Role =
  | 'district_office'
  | 'street_office'
  | 'community_office'
  | 'commissioner'
  | 'party_secretary'
  | 'committee'
  | 'supervisory'
  | 'company'
  | 'building_leader'
  | 'grid_worker'
  | 'owner'
  | 'department'
  | 'mediator';

export const ROLES: Role[] = [
  'district_office',
  'street_office',
  'community_office',
  'commissioner',
  'party_secretary',
  'committee',
  'supervisory',
  'company',
  'building_leader',
  'grid_worker',
  'owner',
  'department',
  'mediator',
];

export type Permission =
  | 'quarter.create'
  | 'quarter.update'
  | 'registry.write'
  | 'registry.import'
  | 'owners.read'
  | 'residents.read'
  | 'residents.write'
  | 'audit.read'
  | 'users.manage'
  | 'places.manage'
  // organisations (issue 3)
  | 'organizations.read'
  | 'organizations.manage'
  | 'vetting.review'
  // owners' assembly voting (issue 4)
  | 'votes.read'
  | 'votes.manage'
  | 'ballots.enter';

export type ScopeLevel = 'district' | 'street' | 'community' | 'quarter' | 'building';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  locale: string;
  scope: { level: ScopeLevel; id: string; name: string };
  ownerId: string | null;
  /** The owner's (or quarter-level account's) quarter; the server sends it, the contract does not list it yet. */
  quarterId?: string | null;
  /** The role's name in the caller's language, as the server words it. */
  roleLabel?: string;
  permissions: string[];
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export interface PlaceNode {
  id: string;
  level: 'district' | 'street' | 'community' | 'quarter';
  name: string;
  children?: PlaceNode[];
}

export interface District {
  id: string;
  name: string;
  policyPack: string;
}
export type QuarterType = 'commercial' | 'resettlement' | 'old' | 'mixed' | 'other';
export const QUARTER_TYPES: QuarterType[] = ['commercial', 'resettlement', 'old', 'mixed', 'other'];

export interface Quarter {
  id: string;
  name: string;
  communityId: string;
  communityName: string;
  streetId: string;
  streetName: string;
  districtId: string;
  districtName: string;
  type: QuarterType;
  address: string;
  totalBuildingArea: number;
  soldArea: number;
  deliveredArea: number;
  firstDeliveryDate: string | null;
  households: number;
  buildingCount: number;
  unitCount: number;
  ownerCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface QuarterInput {
  name: string;
  communityId?: string;
  totalBuildingArea: number;
  deliveredArea: number;
  firstDeliveryDate: string | null;
  households: number;
  soldArea?: number;
  type?: QuarterType;
  address?: string;
}

export interface Contact {
  role: string;
  roleLabel?: string;
  name: string;
  phone?: string | null;
}

/**
 * A section that another module adds to the dossier. The contract leaves its shape open; the
 * web app needs at least a stable `key` to find the component that renders it, and shows
 * `title` and `summary` generically when no component is registered.
 */
export interface DossierSection {
  key: string;
  title?: string;
  summary?: Record<string, string | number | boolean | null>;
  [extra: string]: unknown;
}

export interface DossierStats {
  buildings: number;
  units: number;
  owners: number;
  coOwnedUnits: number;
  developerUnits: number;
  unitsWithoutOwner?: number;
  totalExclusiveArea: number;
  residents: { permanent: number; floating: number; tenant: number; needsCare: number };
}

export interface Dossier {
  quarter: Quarter;
  stats: DossierStats;
  contacts: Contact[];
  sections: DossierSection[];
}

export interface Building {
  id: string;
  name: string;
  floors: number | null;
  unitCount: number;
  totalArea: number;
}

export type OwnerKind = 'person' | 'developer' | 'organization';
export const OWNER_KINDS: OwnerKind[] = ['person', 'developer', 'organization'];

export type UnitUse = 'residential' | 'commercial' | 'other';
export const UNIT_USES: UnitUse[] = ['residential', 'commercial', 'other'];

export interface Unit {
  id: string;
  buildingId: string;
  buildingName: string;
  number: string;
  exclusiveArea: number;
  use: UnitUse | string;
  certificateNoMasked: string | null;
  owners: { id: string; name: string; kind: OwnerKind }[];
}

export interface OwnerUnit {
  id: string;
  label: string;
  exclusiveArea: number;
  /** Whether the unit has other owners too (not in docs/api.md yet, but sent by the server). */
  coOwned?: boolean;
}

export interface Owner {
  id: string;
  kind: OwnerKind;
  name: string;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  unitCount: number;
  totalArea: number;
  units: OwnerUnit[];
}

export type ResidentKind = 'permanent' | 'floating' | 'tenant';
export const RESIDENT_KINDS: ResidentKind[] = ['permanent', 'floating', 'tenant'];

export interface Resident {
  id: string;
  name: string;
  kind: ResidentKind;
  needsCare: boolean;
  careNote: string | null;
  unitId: string | null;
  unitLabel: string | null;
  phoneMasked: string | null;
  idNumberMasked: string | null;
}

export interface ImportRowError {
  row: number;
  field: string;
  reason: string;
}

export type ImportStatus = 'rejected' | 'writing' | 'done' | 'failed';

export interface ImportRun {
  id: string;
  quarterId: string;
  status: ImportStatus;
  total: number;
  processed: number;
  rows: ImportRowError[];
  summary: { buildings: number; units: number; owners: number } | null;
}

export interface AuditEntry {
  id: string | number;
  at: string;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  quarterId: string | null;
  before: unknown;
  after: unknown;
}

/** The contract does not spell out the account list; both likely shapes are accepted. */
export interface UserAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scope?: { level: ScopeLevel; id: string; name?: string };
  scopeLevel?: ScopeLevel;
  scopeId?: string;
  scopeName?: string;
  disabled?: boolean;
  createdAt?: string;
}

export interface Paged<T> {
  items: T[];
  total: number;
}

export interface Listed<T> {
  items: T[];
}
