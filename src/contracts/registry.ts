// The registry's requests and answers (quarters, buildings, units, owners, residents, import,
// search, the dossier and the owner's home page). Areas are integers in 0.01 m².
import { z } from 'zod';
import { created, dateText, pageQuery, paged, sortOrder, timestamp } from './common';

export const quarterTypes = ['commercial', 'resettlement', 'old', 'mixed', 'other'] as const;
export const unitUses = ['residential', 'commercial', 'other'] as const;
export const ownerKinds = ['person', 'developer', 'organization'] as const;
export const residentKinds = ['permanent', 'floating', 'tenant'] as const;

const areaInt = z.number().int().min(0).max(10_000_000_000);
const phone = z
  .string()
  .trim()
  .max(20)
  .regex(/^[0-9+\- ]*$/, 'phone')
  .nullable()
  .optional();
const idNumber = z.string().trim().max(30).nullable().optional();

// ---- quarters ----
export const quarterSchema = z.object({
  id: z.string(),
  name: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  streetId: z.string(),
  streetName: z.string(),
  districtId: z.string(),
  districtName: z.string(),
  type: z.string(),
  address: z.string(),
  totalBuildingArea: z.number(),
  soldArea: z.number(),
  deliveredArea: z.number(),
  firstDeliveryDate: z.string().nullable(),
  households: z.number(),
  buildingCount: z.number(),
  unitCount: z.number(),
  ownerCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/**
 * What the quarter list sorts by: `place` is street, community, then name; `buildingCount` and
 * `unitCount` by the counts kept a quarter (migration 0024).
 */
export const quarterSorts = ['place', 'name', 'households', 'totalBuildingArea', 'deliveredShare', 'firstDeliveryDate', 'buildingCount', 'unitCount'] as const;
export const quarterListQuery = z.object({
  communityId: z.uuid().optional(),
  streetId: z.uuid().optional(),
  q: z.string().max(60).optional(),
  ...pageQuery,
  sort: z.enum(quarterSorts).default('place'),
  order: sortOrder,
  /** Add the sums over every quarter of the filtered list (the home page's figures). */
  totals: z.stringbool().optional(),
});
/** The sums over a filtered quarter list, not just its page. */
export const quarterTotalsSchema = z.object({ quarters: z.number(), households: z.number(), buildings: z.number(), units: z.number(), area: z.number() });
export const quarterPageSchema = paged(quarterSchema).extend({ totals: quarterTotalsSchema.optional() });
export const quarterFields = {
  name: z.string().trim().min(1).max(60),
  type: z.enum(quarterTypes).optional(),
  address: z.string().trim().max(200).optional(),
  totalBuildingArea: areaInt.min(1),
  soldArea: areaInt.optional(),
  deliveredArea: areaInt,
  firstDeliveryDate: dateText.nullable(),
  households: z.number().int().min(0).max(1_000_000),
};
export const quarterCreateBody = z.object({ ...quarterFields, communityId: z.uuid() });
export const quarterPatchBody = z.object({
  name: quarterFields.name.optional(),
  type: quarterFields.type,
  address: quarterFields.address,
  totalBuildingArea: quarterFields.totalBuildingArea.optional(),
  soldArea: quarterFields.soldArea,
  deliveredArea: quarterFields.deliveredArea.optional(),
  firstDeliveryDate: quarterFields.firstDeliveryDate.optional(),
  households: quarterFields.households.optional(),
});

// ---- the dossier and the contact network ----
export const contactSchema = z.object({ role: z.string(), roleLabel: z.string(), name: z.string(), phone: z.string().nullable() });
export const dossierSchema = z.object({
  quarter: quarterSchema,
  stats: z.object({
    buildings: z.number(),
    units: z.number(),
    owners: z.number(),
    coOwnedUnits: z.number(),
    developerUnits: z.number(),
    unitsWithoutOwner: z.number(),
    totalExclusiveArea: z.number(),
    residents: z.object({ permanent: z.number(), floating: z.number(), tenant: z.number(), needsCare: z.number() }),
  }),
  contacts: z.array(contactSchema),
  // Each module's section carries its own data (see its contract); the shape stays open.
  sections: z.array(z.looseObject({ key: z.string(), title: z.string(), data: z.unknown() })),
});

// ---- buildings ----
export const buildingSchema = z.object({ id: z.string(), name: z.string(), floors: z.number().nullable(), unitCount: z.number(), totalArea: z.number() });
export const buildingCreateBody = z.object({ name: z.string().trim().min(1).max(30), floors: z.number().int().min(1).max(200).nullable().optional() });
export const buildingPatchBody = z.object({ name: z.string().trim().min(1).max(30).optional(), floors: z.number().int().min(1).max(200).nullable().optional() });

// ---- units ----
export const unitListQuery = z.object({
  buildingId: z.uuid().optional(),
  q: z.string().max(60).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const unitSchema = z.object({
  id: z.string(),
  buildingId: z.string(),
  buildingName: z.string(),
  number: z.string(),
  exclusiveArea: z.number(),
  use: z.string(),
  certificateNoMasked: z.string().nullable(),
  owners: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
});
const unitFields = {
  number: z.string().trim().min(1).max(30),
  exclusiveArea: areaInt.min(1),
  use: z.enum(unitUses).optional(),
  certificateNo: z.string().trim().max(80).nullable().optional(),
};
export const unitCreateBody = z.object({ buildingId: z.uuid(), ...unitFields });
export const unitPatchBody = z.object({ number: unitFields.number.optional(), exclusiveArea: unitFields.exclusiveArea.optional(), use: unitFields.use, certificateNo: unitFields.certificateNo });
export const unitOwnerBody = z.object({ ownerId: z.uuid() });
export const unitOwnerParams = z.object({ id: z.uuid(), ownerId: z.uuid() });

// ---- owners ----
export const ownerListQuery = z.object({
  q: z.string().max(60).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
const ownerUnit = z.object({ id: z.string(), label: z.string(), exclusiveArea: z.number(), coOwned: z.boolean() });
export const ownerRowSchema = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  unitCount: z.number(),
  totalArea: z.number(),
  units: z.array(ownerUnit),
});
export const ownerSchema = ownerRowSchema.extend({
  quarterId: z.string(),
  /** Only for the owner themself and for those who may write the registry. */
  phone: z.string().nullable().optional(),
});
export const ownerCreateBody = z.object({
  kind: z.enum(ownerKinds),
  name: z.string().trim().min(1).max(60),
  idNumber,
  phone,
  unitIds: z.array(z.uuid()).max(50).optional(),
});
export const ownerPatchBody = z.object({ name: z.string().trim().min(1).max(60).optional(), phone, idNumber });

// ---- residents ----
export const residentListQuery = z.object({
  kind: z.enum([...residentKinds, 'needsCare']).optional(),
  /** Part of a name, a phone number or a unit number (楼栋 房号). */
  q: z.string().trim().max(60).optional(),
});
export const residentSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  needsCare: z.boolean(),
  careNote: z.string().nullable(),
  unitId: z.string().nullable(),
  unitLabel: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
});
const residentFields = {
  name: z.string().trim().min(1).max(60),
  kind: z.enum(residentKinds),
  unitId: z.uuid().nullable().optional(),
  needsCare: z.boolean().optional(),
  careNote: z.string().trim().max(200).nullable().optional(),
  phone,
  idNumber,
};
export const residentCreateBody = z.object(residentFields);
export const residentPatchBody = z.object(residentFields).partial();

// ---- import ----
export const importTemplateQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
export const importStartedSchema = z.object({ id: z.string(), status: z.string(), total: z.number() });
export const importRowErrorSchema = z.object({ row: z.number(), sheet: z.string().optional(), field: z.string(), reason: z.string() });
export const importRunSchema = z.object({
  id: z.string(),
  quarterId: z.string(),
  fileName: z.string(),
  status: z.string(),
  total: z.number(),
  processed: z.number(),
  rows: z.array(importRowErrorSchema),
  summary: z.record(z.string(), z.number()).nullable(),
  createdAt: timestamp,
});

// ---- search and the owner's home ----
export const searchQuery = z.object({ q: z.string().trim().min(1).max(60), page: pageQuery.page, pageSize: z.coerce.number().int().min(1).max(50).default(20) });
export const searchSchema = z.object({
  quarters: z.array(quarterSchema),
  owners: z.array(
    z.object({ id: z.string(), name: z.string(), kind: z.string(), idNumberMasked: z.string().nullable(), phoneMasked: z.string().nullable(), quarterId: z.string(), quarterName: z.string() }),
  ),
  units: z.array(z.object({ id: z.string(), label: z.string(), quarterId: z.string(), quarterName: z.string() })),
  /** The page answered, and the next one when any kind has more matches (else null). */
  page: z.number(),
  nextPage: z.number().nullable(),
});
export const ownerHomeSchema = z.object({
  quarter: quarterSchema,
  owner: ownerSchema.nullable(),
  contacts: z.array(contactSchema),
  canSeeRegistry: z.boolean(),
});

// ---- the hierarchy down to quarters ----
export interface TreeNode {
  id: string;
  level: string;
  name: string;
  children: TreeNode[];
  /** A community's quarters, when the tree stops above them (`depth=community`). */
  quarterCount?: number;
}
export const treeNodeSchema: z.ZodType<TreeNode> = z.lazy(() =>
  z.object({ id: z.string(), level: z.string(), name: z.string(), children: z.array(treeNodeSchema), quarterCount: z.number().optional() }),
);
/**
 * GET /api/places/tree: how deep. `quarter` (the default) lists every quarter in scope, which at a
 * district's size is thousands of nodes; `community` stops at the communities, each with its
 * quarter count, and a client loads a community's quarters from GET /api/quarters?communityId=
 * when it is opened (docs/scaling.md). A commissioner's tree is its quarters either way.
 */
export const placesTreeQuery = z.object({ depth: z.enum(['community', 'quarter']).default('quarter') });

export { created };
