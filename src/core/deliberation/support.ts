// Co-signing a topic into a proposal: at least 20% of the owners AND at least 20% of the area
// (DB3305/T 309—2024 5.1.3.2.1.3 "20%以上业主代表提议"; 业主大会和业主委员会指导规则 第21条).
// 以上 includes the number itself (民法典 第1259条): exactly 20% is enough. Integers only, so
// that 1 of 5 members is exactly 20% and 1 999 of 10 000 (0.01 m²) is not.

export const COSIGN_CLAUSE = 'DB3305/T 309—2024 5.1.3.2.1.3；业主大会和业主委员会指导规则 第21条；民法典 第1259条';
/** The share as a fraction: 1/5 = 20%. */
export const COSIGN_SHARE = { numerator: 1, denominator: 5 } as const;

export interface Support {
  members: number;
  area: number;
  membersTotal: number;
  areaTotal: number;
}

function reaches(part: number, total: number): boolean {
  return total > 0 && part * COSIGN_SHARE.denominator >= total * COSIGN_SHARE.numerator;
}

/** Has the support reached the share in both measures? */
export function cosignThresholdMet(s: Support): boolean {
  return reaches(s.members, s.membersTotal) && reaches(s.area, s.areaTotal);
}

/** How many more members and how much more area are needed (0 once reached). */
export function cosignShortfall(s: Support): { members: number; area: number } {
  const need = (total: number) => Math.ceil((total * COSIGN_SHARE.numerator) / COSIGN_SHARE.denominator);
  return { members: Math.max(0, need(s.membersTotal) - s.members), area: Math.max(0, need(s.areaTotal) - s.area) };
}
