// The public-revenue ledger of a quarter (公共收益, DB3305/T 309—2024 5.1.2): a fixed chart of
// accounts and double entry in fen. Pure: no Node, no database; the server stores what this
// accepts and the disclosure is computed by it, so that the two cannot disagree.
//
// Amounts are integers of fen. They are summed as bigint, so that no total loses a fen however
// many entries a quarter books; an amount itself must be a safe integer (it crosses JSON).

/** Where public revenue comes from (DB3305/T 309—2024 5.1.2.1). */
export const incomeAccounts = ['income.premises', 'income.common_areas', 'income.advertising', 'income.parking', 'income.other'] as const;
/** What public revenue may be used for, and only that (DB3305/T 309—2024 5.1.2.2). */
export const useAccounts = [
  'use.maintenance_fund',
  'use.repairs',
  'use.assembly_committee',
  'use.operating',
  'use.service_shortfall',
  'use.tax',
  'use.other',
] as const;
/** Where the money is: the special bank account (专户储存, 5.1.2.4) and petty cash. */
export const assetAccounts = ['asset.bank', 'asset.cash'] as const;

export type IncomeAccount = (typeof incomeAccounts)[number];
export type UseAccount = (typeof useAccounts)[number];
export type AssetAccount = (typeof assetAccounts)[number];
export type AccountCode = IncomeAccount | UseAccount | AssetAccount;
export type AccountKind = 'income' | 'use' | 'asset';

export const accountCodes: readonly AccountCode[] = [...assetAccounts, ...incomeAccounts, ...useAccounts];

export function isAccountCode(code: string): code is AccountCode {
  return (accountCodes as readonly string[]).includes(code);
}

export function kindOf(code: AccountCode): AccountKind {
  return code.startsWith('income.') ? 'income' : code.startsWith('use.') ? 'use' : 'asset';
}

/** One line of an entry: an amount on one side of one account. */
export interface Line {
  account: AccountCode;
  debitFen: number;
  creditFen: number;
}

export interface Entry {
  id: string;
  /** The day it took effect, YYYY-MM-DD. */
  date: string;
  lines: readonly Line[];
  /** The entry this one reverses, if any. */
  reverses?: string | null;
}

export type EntryProblem =
  | { code: 'NO_LINES' }
  | { code: 'BAD_ACCOUNT'; account: string }
  | { code: 'BAD_AMOUNT'; line: number }
  | { code: 'UNBALANCED'; debitFen: string; creditFen: string };

/** Largest amount of one line: a billion yuan, far above any quarter's revenue, far below 2^53. */
export const MAX_LINE_FEN = 100_000_000_000;

/**
 * Why the lines cannot be booked, or null. Every line has exactly one side, a positive whole
 * number of fen, on an account of the chart; the debits equal the credits (借贷必相等).
 */
export function checkLines(lines: readonly { account: string; debitFen: number; creditFen: number }[]): EntryProblem | null {
  if (lines.length < 2) return { code: 'NO_LINES' };
  let debit = 0n;
  let credit = 0n;
  for (const [i, l] of lines.entries()) {
    if (!isAccountCode(l.account)) return { code: 'BAD_ACCOUNT', account: l.account };
    const okSide = (n: number) => Number.isSafeInteger(n) && n >= 0 && n <= MAX_LINE_FEN;
    if (!okSide(l.debitFen) || !okSide(l.creditFen) || (l.debitFen === 0) === (l.creditFen === 0)) return { code: 'BAD_AMOUNT', line: i + 1 };
    debit += BigInt(l.debitFen);
    credit += BigInt(l.creditFen);
  }
  if (debit !== credit) return { code: 'UNBALANCED', debitFen: debit.toString(), creditFen: credit.toString() };
  return null;
}

/** The lines that undo an entry: every line on the other side. */
export function reversalLines(lines: readonly Line[]): Line[] {
  return lines.map((l) => ({ account: l.account, debitFen: l.creditFen, creditFen: l.debitFen }));
}

export type ReversalProblem = { code: 'ALREADY_REVERSED' } | { code: 'IS_REVERSAL' };

/** Why an entry may not be reversed: it was reversed already, or it is itself a reversal. */
export function checkReversal(entry: Pick<Entry, 'id' | 'reverses'>, reversedIds: ReadonlySet<string>): ReversalProblem | null {
  if (entry.reverses) return { code: 'IS_REVERSAL' };
  if (reversedIds.has(entry.id)) return { code: 'ALREADY_REVERSED' };
  return null;
}

/**
 * The balance of an account in its normal direction: assets and uses grow by debits, income by
 * credits.
 */
export function signedAmount(line: Line): bigint {
  const d = BigInt(line.debitFen);
  const c = BigInt(line.creditFen);
  return kindOf(line.account) === 'income' ? c - d : d - c;
}

/** Every account of the chart with its balance (zero for an account without lines). */
export function balances(entries: readonly Pick<Entry, 'lines'>[]): Map<AccountCode, bigint> {
  const out = new Map<AccountCode, bigint>(accountCodes.map((a) => [a, 0n]));
  for (const e of entries) for (const l of e.lines) out.set(l.account, out.get(l.account)! + signedAmount(l));
  return out;
}

/**
 * The accounting identity of this chart: what is in the bank and the cash equals what came in
 * less what was used. Holds for any sequence of balanced entries.
 */
export function identityHolds(b: ReadonlyMap<AccountCode, bigint>): boolean {
  const sum = (codes: readonly AccountCode[]) => codes.reduce((s, c) => s + (b.get(c) ?? 0n), 0n);
  return sum(assetAccounts) === sum(incomeAccounts) - sum(useAccounts);
}

/** The half year a date falls in, as '2026H1' (January–June) or '2026H2' (July–December). */
export function halfYearOf(date: string): string {
  return `${date.slice(0, 4)}H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** The first and last day of a half year ('2026H1' → 2026-01-01 … 2026-06-30). */
export function halfYearRange(period: string): { from: string; to: string } {
  const m = /^(\d{4})H([12])$/.exec(period);
  if (!m) throw new Error(`not a half year: ${period}`);
  return m[2] === '1' ? { from: `${m[1]}-01-01`, to: `${m[1]}-06-30` } : { from: `${m[1]}-07-01`, to: `${m[1]}-12-31` };
}

/** The last half year that has ended on `today` (on 2026-11-30: 2026H1). */
export function lastEndedHalfYear(today: string): string {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) <= 6 ? `${year - 1}H2` : `${year}H1`;
}

export interface DisclosureFigures {
  period: string;
  /** Income of the period by source, and in all. */
  income: Record<IncomeAccount, bigint>;
  incomeFen: bigint;
  /** Spending of the period by permitted use, and in all. */
  spending: Record<UseAccount, bigint>;
  spendingFen: bigint;
  /** Money held (bank and cash) at the start and at the end of the period. */
  openingFen: bigint;
  balanceFen: bigint;
}

/**
 * The half-yearly disclosure's figures (每半年公示 1 次, 5.1.2.4), from the entries as they
 * stand: the period's income and spending by category, and the balance at its end. A reversal
 * counts on the day it was booked, so that a published half year never changes afterwards.
 */
export function disclosureFigures(entries: readonly Pick<Entry, 'date' | 'lines'>[], period: string): DisclosureFigures {
  const { from, to } = halfYearRange(period);
  const before = entries.filter((e) => e.date < from);
  const during = entries.filter((e) => e.date >= from && e.date <= to);
  const upTo = entries.filter((e) => e.date <= to);
  const bDuring = balances(during);
  const held = (b: Map<AccountCode, bigint>) => assetAccounts.reduce((s, a) => s + b.get(a)!, 0n);
  const income = Object.fromEntries(incomeAccounts.map((a) => [a, bDuring.get(a)!])) as Record<IncomeAccount, bigint>;
  const spending = Object.fromEntries(useAccounts.map((a) => [a, bDuring.get(a)!])) as Record<UseAccount, bigint>;
  return {
    period,
    income,
    incomeFen: incomeAccounts.reduce((s, a) => s + income[a], 0n),
    spending,
    spendingFen: useAccounts.reduce((s, a) => s + spending[a], 0n),
    openingFen: held(balances(before)),
    balanceFen: held(balances(upTo)),
  };
}

/** ¥1,234.56 from 123456 fen (negative amounts with a minus sign). */
export function formatFen(fen: number | bigint): string {
  const v = BigInt(fen);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}¥${yuan}.${cents}`;
}
