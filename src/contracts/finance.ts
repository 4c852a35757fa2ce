// The HTTP contract of the finance module: the public-revenue ledger (公共收益,
// DB3305/T 309—2024 5.1.2), fund-use projects with 四审两公开 (百委〔2023〕37号 二（三）9) and the
// half-yearly disclosure (5.1.2.4). Amounts are whole fen.
import { z } from 'zod';
import { accountCodes, projectStages, reviewSteps, useAccounts } from '../core/finance/index';
import { created, dateText, pageQuery, paged, timestamp } from './common';

export const accountCode = z.enum(accountCodes as [string, ...string[]]);
export const useAccount = z.enum(useAccounts as unknown as [string, ...string[]]);
export const holder = z.enum(['residents_committee', 'owners_committee']);
/** A whole amount of fen: safe as a JSON number (at most a billion yuan per line). */
export const fen = z.number().int().min(0).max(100_000_000_000);
const positiveFen = z.number().int().min(1).max(100_000_000_000);
export const halfYear = z.string().regex(/^(19|20|21)\d{2}H[12]$/, 'half year');
export const projectStage = z.enum(projectStages);
export const reviewStep = z.enum(reviewSteps);

export const ledgerAccount = z.object({
  code: accountCode,
  kind: z.enum(['asset', 'income', 'use']),
  label: z.string(),
  debitFen: z.number(),
  creditFen: z.number(),
  /** In the account's normal direction: assets and uses by debits, income by credits. */
  balanceFen: z.number(),
});

export const ledger = z.object({
  quarterId: z.string(),
  quarterName: z.string(),
  holder,
  holderLabel: z.string(),
  largeThresholdFen: z.number(),
  accounts: z.array(ledgerAccount),
  totals: z.object({ heldFen: z.number(), incomeFen: z.number(), spendingFen: z.number(), entries: z.number() }),
  canBook: z.boolean(),
  canConfigure: z.boolean(),
  canProposeProjects: z.boolean(),
  canReviewDisclosures: z.boolean(),
});

export const financeSettingsBody = z.object({
  holder: holder.optional(),
  largeThresholdFen: fen.optional(),
});

export const entryLine = z.object({ account: accountCode, debitFen: fen, creditFen: fen });

export const bookEntryBody = z.object({
  date: dateText,
  memo: z.string().trim().min(1).max(300),
  lines: z.array(entryLine).min(1).max(20),
  voucherId: z.uuid().nullable().optional(),
});

export const reverseEntryBody = z.object({
  date: dateText.optional(),
  memo: z.string().trim().max(300).optional(),
});

export const bookedEntry = z.object({ id: z.string(), seq: z.number() });

export const ledgerEntry = z.object({
  id: z.string(),
  seq: z.number(),
  date: z.string(),
  memo: z.string(),
  lines: z.array(z.object({ account: accountCode, label: z.string(), debitFen: z.number(), creditFen: z.number() })),
  reversesId: z.string().nullable(),
  reversesSeq: z.number().nullable(),
  reversedById: z.string().nullable(),
  reversedBySeq: z.number().nullable(),
  projectId: z.string().nullable(),
  voucher: z.object({ id: z.string(), fileName: z.string() }).nullable(),
  bookedBy: z.string(),
  bookedAt: timestamp,
});

export const entryListQuery = z.object({
  ...pageQuery,
  from: dateText.optional(),
  to: dateText.optional(),
});
export const entryList = paged(ledgerEntry);

export const exportQuery = z.object({ from: dateText.optional(), to: dateText.optional() });

export const uploadedVoucher = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number(), sha256: z.string() });

// ---- fund-use projects ----

export const quote = z.object({ supplier: z.string().trim().min(1).max(100), amountFen: positiveFen, note: z.string().trim().max(200).optional() });

export const createProjectBody = z.object({
  quarterId: z.uuid(),
  title: z.string().trim().min(1).max(200),
  purpose: z.string().trim().max(2000).optional(),
  amountFen: positiveFen,
  category: useAccount,
  quotes: z.array(quote).max(10).optional(),
});

export const projectListQuery = z.object({ quarterId: z.uuid() });

export const projectSummary = z.object({
  id: z.string(),
  quarterId: z.string(),
  title: z.string(),
  amountFen: z.number(),
  category: z.string(),
  categoryLabel: z.string(),
  stage: projectStage,
  stageLabel: z.string(),
  large: z.boolean(),
  paidFen: z.number(),
  createdAt: timestamp,
});

export const projectList = z.object({ items: z.array(projectSummary), canPropose: z.boolean(), largeThresholdFen: z.number() });

export const projectStep = z.object({
  step: reviewStep,
  label: z.string(),
  outcome: z.enum(['approved', 'rejected']).nullable(),
  note: z.string().nullable(),
  takenBy: z.string().nullable(),
  takenAt: timestamp.nullable(),
  /** Who takes it (role names). */
  roles: z.array(z.string()),
});

export const projectDetail = projectSummary.extend({
  purpose: z.string(),
  quotes: z.array(quote),
  thresholdFen: z.number(),
  createdBy: z.string().nullable(),
  steps: z.array(projectStep),
  nextStep: reviewStep.nullable(),
  /** The caller may take the next step now. */
  canTakeNext: z.boolean(),
  paymentAllowed: z.boolean(),
  canPay: z.boolean(),
  vote: z.object({ id: z.string(), title: z.string(), itemId: z.string(), itemTitle: z.string(), matter: z.enum(['ordinary', 'special']) }).nullable(),
  payments: z.array(z.object({ id: z.string(), seq: z.number(), date: z.string(), memo: z.string(), amountFen: z.number(), reversed: z.boolean() })),
  citation: z.string(),
});

export const takeStepBody = z.object({
  step: reviewStep,
  outcome: z.enum(['approved', 'rejected']).default('approved'),
  note: z.string().trim().max(2000).optional(),
  /** The assembly decision: the vote and its item. */
  voteId: z.uuid().optional(),
  voteItemId: z.string().max(10).optional(),
});

export const paymentBody = z.object({
  date: dateText,
  amountFen: positiveFen,
  memo: z.string().trim().min(1).max(300),
  from: z.enum(['asset.bank', 'asset.cash']).default('asset.bank'),
  voucherId: z.uuid().nullable().optional(),
});

// ---- disclosures ----

export const generateDisclosureBody = z.object({ period: halfYear });
export const reviewDisclosureBody = z.object({ note: z.string().trim().max(2000).optional() });

export const disclosureStatus = z.enum(['draft', 'reviewed', 'published']);

export const disclosureSummary = z.object({
  id: z.string(),
  quarterId: z.string(),
  period: z.string(),
  status: disclosureStatus,
  incomeFen: z.number(),
  spendingFen: z.number(),
  balanceFen: z.number(),
  generatedAt: timestamp,
  reviewedAt: timestamp.nullable(),
  publishedAt: timestamp.nullable(),
});

export const disclosureFiguresSchema = z.object({
  period: z.string(),
  from: z.string(),
  to: z.string(),
  openingFen: z.number(),
  incomeFen: z.number(),
  spendingFen: z.number(),
  balanceFen: z.number(),
  income: z.array(z.object({ account: z.string(), label: z.string(), amountFen: z.number() })),
  spending: z.array(z.object({ account: z.string(), label: z.string(), amountFen: z.number() })),
  projects: z.array(z.object({ id: z.string(), title: z.string(), amountFen: z.number(), paidFen: z.number(), stage: z.string(), stageLabel: z.string() })),
});

export const disclosureDetail = disclosureSummary.extend({
  figures: disclosureFiguresSchema,
  generatedBy: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewNote: z.string().nullable(),
  publishedBy: z.string().nullable(),
  canReview: z.boolean(),
  canPublish: z.boolean(),
});

export const disclosureList = z.object({
  items: z.array(disclosureSummary),
  /** The last half year that has ended, and whether its disclosure is published. */
  due: z.object({ period: z.string(), published: z.boolean() }),
  canGenerate: z.boolean(),
});

// ---- audits, the three inventories, fee collection ----

export const auditKind = z.enum(['yearly_spot', 'term_end', 'other']);
export const createAuditBody = z.object({
  kind: auditKind,
  periodLabel: z.string().trim().min(1).max(50),
  auditor: z.string().trim().min(1).max(200),
  auditedOn: dateText,
  findings: z.string().trim().max(5000).optional(),
  followUp: z.string().trim().max(5000).optional(),
});
export const updateAuditBody = z.object({
  followUp: z.string().trim().max(5000).optional(),
  resolvedOn: dateText.nullable().optional(),
});
export const financeAudit = z.object({
  id: z.string(),
  quarterId: z.string(),
  kind: auditKind,
  periodLabel: z.string(),
  auditor: z.string(),
  auditedOn: z.string(),
  findings: z.string(),
  followUp: z.string(),
  status: z.enum(['open', 'resolved']),
  resolvedOn: z.string().nullable(),
});
export const auditList = z.object({ items: z.array(financeAudit), canRecord: z.boolean() });

export const inventoryKind = z.enum(['resource', 'asset', 'fund']);
export const createInventoryItemBody = z.object({
  kind: inventoryKind,
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).optional(),
  quantity: z.string().trim().max(50).optional(),
  location: z.string().trim().max(200).optional(),
  valueFen: fen.nullable().optional(),
});
export const inventoryItem = z.object({
  id: z.string(),
  kind: inventoryKind,
  name: z.string(),
  description: z.string(),
  quantity: z.string(),
  location: z.string(),
  valueFen: z.number().nullable(),
});
export const inventories = z.object({
  resources: z.array(inventoryItem),
  assets: z.array(inventoryItem),
  funds: z.array(inventoryItem),
  /** The public revenue held, from the ledger: the funds list always shows it. */
  ledgerHeldFen: z.number(),
  canManage: z.boolean(),
});

export const feeCollectionBody = z.object({
  period: halfYear,
  receivableFen: fen,
  collectedFen: fen,
  householdsDue: z.number().int().min(0).max(100_000),
  householdsPaid: z.number().int().min(0).max(100_000),
  note: z.string().trim().max(2000).optional(),
});
export const feeCollectionReport = z.object({
  id: z.string(),
  period: z.string(),
  receivableFen: z.number(),
  collectedFen: z.number(),
  householdsDue: z.number(),
  householdsPaid: z.number(),
  /** Collected over receivable, in basis points (9,512 = 95.12 %); null when nothing was due. */
  rateBasisPoints: z.number().nullable(),
  note: z.string(),
  reportedBy: z.string().nullable(),
  reportedAt: timestamp,
});
export const feeCollectionList = z.object({ items: z.array(feeCollectionReport), due: z.object({ period: z.string(), reported: z.boolean() }), canReport: z.boolean() });

// The arrears list (欠费公示, 西政办〔2020〕29号 二（三）10): the unit and what it owes, never the owner.
const arrearsRow = z.object({
  building: z.string().trim().min(1).max(40),
  unit: z.string().trim().min(1).max(40),
  monthsOwed: z.number().int().min(1).max(600),
  amountFen: positiveFen,
});
export const arrearsBody = z.object({ period: halfYear, rows: z.array(arrearsRow).min(1).max(5000) });
export const arrearsList = z.object({
  id: z.string(),
  period: z.string(),
  rows: z.array(arrearsRow),
  totalFen: z.number(),
  recordedBy: z.string().nullable(),
  recordedAt: timestamp,
  publishedAt: timestamp.nullable(),
  /** The rows as the public board shows them: the room masked. */
  publicRows: z.array(z.object({ building: z.string(), unit: z.string(), monthsOwed: z.number(), amountFen: z.number() })),
});
export const arrearsLists = z.object({
  items: z.array(arrearsList),
  /** Whether the district's pack allows publishing, and the clause. */
  policy: z.object({ packId: z.string(), allowed: z.boolean(), clause: z.string() }),
  canRecord: z.boolean(),
  canPublish: z.boolean(),
});

export const arrearsImportQuery = z.object({ period: halfYear });
export const arrearsPublished = z.object({ id: z.string(), publishedAt: z.string() });

export const maintenanceFundBody = z.object({
  kind: z.enum(['raise', 'use']),
  date: dateText,
  amountFen: positiveFen,
  memo: z.string().trim().min(1).max(300),
  voteId: z.uuid(),
  voteItemId: z.string().max(10),
});
export const maintenanceFund = z.object({
  raisedFen: z.number(),
  usedFen: z.number(),
  balanceFen: z.number(),
  items: z.array(
    z.object({ id: z.string(), kind: z.enum(['raise', 'use']), date: z.string(), amountFen: z.number(), memo: z.string(), voteId: z.string(), voteTitle: z.string().nullable(), voteItemId: z.string(), recordedBy: z.string().nullable() }),
  ),
  canRecord: z.boolean(),
});

export const statementImported = z.object({ booked: z.number(), firstSeq: z.number(), lastSeq: z.number() });

export const ledgerVerification = z.object({ valid: z.boolean(), entries: z.number(), head: z.string(), brokenAt: z.number().nullable() });

export { created };
