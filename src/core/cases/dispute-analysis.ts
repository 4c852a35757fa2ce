// The owners' committee's monthly dispute analysis (矛盾纠纷分析例会, DB3305/T 309—2024 5.1.4.1.3:
// "业主委员会实行矛盾纠纷分析例会制度，每月就排查出矛盾纠纷的情况进行梳理、分析、研判"), read from the
// register: the disputes a quarter had open in a month, sorted by kind, risk level and where they
// stood at the month's end; those registered in the month (new) apart from those carried over from
// before; and the major ones reported upward (HZ 5.1.4.1.1).
//
// A dispute belongs to a month when it was registered before the month's end and was not already
// closed when the month began. Months are calendar months in China Standard Time (YYYY-MM).
import { addMonthsTo, shanghaiMonthStart } from './recurring';
import { disputeCategories, disputeRisks, disputeStatuses, type DisputeCategory, type DisputeRisk, type DisputeStatus } from './disputes';

export const DISPUTE_ANALYSIS_CLAUSE = 'DB3305/T 309—2024 5.1.4.1.3';

export interface AnalysedDispute {
  id: string;
  subject: string;
  category: DisputeCategory;
  risk: DisputeRisk;
  registeredAt: Date;
  reportedUpAt: Date | null;
  /** Mediated jointly with other quarters (HZ 5.1.4.2), or the quarter is one of those others. */
  joint: boolean;
}

export interface DisputeStatusChange {
  disputeId: string;
  at: Date;
  toStatus: DisputeStatus;
}

export interface DisputeMonthItem extends AnalysedDispute {
  /** Where it stood at the month's end (now, for the month under way). */
  status: DisputeStatus;
  /** Registered in the month; otherwise carried over from before. */
  isNew: boolean;
}

export interface DisputeMonthAnalysis {
  month: string;
  total: number;
  newCount: number;
  carriedOver: number;
  byCategory: Record<DisputeCategory, number>;
  byRisk: Record<DisputeRisk, number>;
  byStatus: Record<DisputeStatus, number>;
  /** The major disputes reported upward, with their ids. */
  reportedUp: string[];
  items: DisputeMonthItem[];
}

/** The month's bounds: [start, end) in China Standard Time. */
export function monthBounds(month: string): { start: Date; end: Date } {
  return { start: shanghaiMonthStart(month), end: shanghaiMonthStart(addMonthsTo(month, 1)) };
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * The analysis of `month` from the disputes and their status changes (each dispute's, in any
 * order; a dispute without a change before the month's end stands registered).
 */
export function analyseDisputeMonth(month: string, disputes: readonly AnalysedDispute[], changes: readonly DisputeStatusChange[]): DisputeMonthAnalysis {
  const { start, end } = monthBounds(month);
  const history = new Map<string, DisputeStatusChange[]>();
  for (const c of changes) {
    if (c.at >= end) continue;
    const list = history.get(c.disputeId) ?? [];
    list.push(c);
    history.set(c.disputeId, list);
  }
  const items: DisputeMonthItem[] = [];
  for (const d of disputes) {
    if (d.registeredAt >= end) continue;
    const steps = (history.get(d.id) ?? []).sort((a, b) => a.at.getTime() - b.at.getTime());
    // Closed is the last status: a dispute closed before the month began was not the month's.
    if (steps.some((s) => s.toStatus === 'closed' && s.at < start)) continue;
    items.push({ ...d, status: steps.at(-1)?.toStatus ?? 'registered', isNew: d.registeredAt >= start });
  }
  items.sort((a, b) => b.registeredAt.getTime() - a.registeredAt.getTime() || a.id.localeCompare(b.id));
  const byCategory = zeros(disputeCategories);
  const byRisk = zeros(disputeRisks);
  const byStatus = zeros(disputeStatuses);
  for (const i of items) {
    byCategory[i.category]++;
    byRisk[i.risk]++;
    byStatus[i.status]++;
  }
  const newCount = items.filter((i) => i.isNew).length;
  return {
    month,
    total: items.length,
    newCount,
    carriedOver: items.length - newCount,
    byCategory,
    byRisk,
    byStatus,
    reportedUp: items.filter((i) => i.reportedUpAt && i.reportedUpAt < end).map((i) => i.id),
    items,
  };
}
