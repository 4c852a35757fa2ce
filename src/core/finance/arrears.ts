// The public form of an arrears list (欠费公示). 西政办〔2020〕29号 二（三）10 lets a district
// publish, about every half year, the owners who are late with the property fee, as a credit
// disclosure; it names no particulars to show. The platform shows what the disclosure needs to
// be checked by the neighbours it concerns — building, the stairwell unit, months and amount —
// and masks the room, so that the notice points at no household by itself: never a name or a
// phone (the list does not even hold them), never the full room number.

export interface ArrearsRow {
  building: string;
  unit: string;
  monthsOwed: number;
  amountFen: number;
}

export interface PublicArrearsRow {
  building: string;
  /** The room masked: the stairwell unit before the last dash kept, the room itself as ***. */
  unit: string;
  monthsOwed: number;
  amountFen: number;
}

/** '1-1201' → '1-***', '2单元1201' → '2单元***', '1201' → '***'. */
export function maskUnit(unit: string): string {
  const u = unit.trim();
  const dash = Math.max(u.lastIndexOf('-'), u.lastIndexOf('—'), u.lastIndexOf('－'));
  if (dash > 0) return `${u.slice(0, dash + 1)}***`;
  const m = /^(.*?单元)/.exec(u);
  return m ? `${m[1]}***` : '***';
}

/** The rows as published: building in full, room masked, nothing else. */
export function publicArrears(rows: readonly ArrearsRow[]): PublicArrearsRow[] {
  return rows.map((r) => ({ building: r.building, unit: maskUnit(r.unit), monthsOwed: r.monthsOwed, amountFen: r.amountFen }));
}
