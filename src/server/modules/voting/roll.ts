// The voter roll (表决权人名册): who the voting members (表决权人) are, frozen from the registry
// when a vote opens (docs/vote-record-format.md, "Counting rules").
import crypto from 'node:crypto';
import type { RollSourceUnit } from '../registry';

export interface FrozenMember {
  /** Pseudonym, stable within this vote only. */
  member: string;
  /** Sum of the exclusive areas of the member's units, 0.01 m². */
  area: number;
  /** The units and owners the member stands for (private; never exported). */
  links: { unitId: string; ownerId: string }[];
}

export interface FrozenRoll {
  members: FrozenMember[];
  /** Units without a registered owner: nobody can vote for them, so they are left out. */
  unitsWithoutOwner: number;
}

const PSEUDONYM_HEX = 16;

/**
 * A member's pseudonym: `m-` and the first 16 hex digits of HMAC-SHA-256, under the server's
 * secret key, of the vote id and the ids of the owners the member stands for. Keyed, so that
 * nobody without the key can tell from owner ids (which appear in URLs and exports of the
 * registry) which pseudonym is whose; the vote id makes the same owner a different member in
 * each vote, so that records of two votes cannot be joined to follow an owner.
 */
export function pseudonym(hashKey: Buffer, voteId: string, ownerIds: readonly string[], hexDigits = PSEUDONYM_HEX): string {
  const mac = crypto.createHmac('sha256', hashKey).update(`gongzhi.vote-member|${voteId}|${[...ownerIds].sort().join(',')}`).digest('hex');
  return `m-${mac.slice(0, hexDigits)}`;
}

/**
 * Groups the units of the quarter (or building) into voting members.
 *
 * 最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释 第9条 counts owners by units,
 * one unit as one person, except that the developer's unsold or sold-but-undelivered units
 * count as one, and so do the several units of one buyer; 第8条 takes each unit's exclusive
 * area as registered. So the unit of count is the *buyer* of a unit, i.e. the set of its
 * owners:
 *  - an owner who alone holds several units is one member, with the sum of their areas;
 *  - the developer's units (owned by the developer alone) are one member, with their sum;
 *  - a co-owned unit is one member, whose co-owners choose who casts (the first ballot from
 *    any of them counts; a second is refused); co-owners who hold several units together
 *    are one member for all of them.
 * Where a co-owner also holds other units alone (A alone owns unit 1, A and B own unit 2),
 * A alone and "A and B together" are different buyers: two members, each with its own units.
 * Merging them would also merge B, who has no say over unit 1, and chains of co-ownership
 * could merge whole families of households into one vote; keeping them apart follows the
 * interpretation's count by unit and its single exception for "the same buyer".
 */
export function deriveRoll(hashKey: Buffer, voteId: string, units: readonly RollSourceUnit[]): FrozenRoll {
  const { list, unitsWithoutOwner } = groupMembers(units);
  // 64 bits make a clash unlikely beyond reason; should one happen all the same, lengthen
  // every pseudonym of this vote rather than let two members share one.
  for (let digits = PSEUDONYM_HEX; digits <= 64; digits += 8) {
    const names = list.map((g) => pseudonym(hashKey, voteId, g.ownerIds, digits));
    if (new Set(names).size === names.length) {
      const members = list.map((g, i) => ({ member: names[i], area: g.area, links: g.links }));
      members.sort((a, b) => (a.member < b.member ? -1 : a.member > b.member ? 1 : 0));
      return { members, unitsWithoutOwner };
    }
  }
  throw new Error('two voting members share a pseudonym even at full length');
}

/** The voting members of the units (the rule above), before they are given pseudonyms. */
export function groupMembers(units: readonly RollSourceUnit[]): { list: { ownerIds: string[]; area: number; links: FrozenMember['links'] }[]; unitsWithoutOwner: number } {
  const groups = new Map<string, { ownerIds: string[]; area: number; links: FrozenMember['links'] }>();
  let unitsWithoutOwner = 0;
  for (const unit of units) {
    if (!unit.owners.length) {
      unitsWithoutOwner++;
      continue;
    }
    const ownerIds = unit.owners.map((o) => o.ownerId).sort();
    const key = ownerIds.join(',');
    let group = groups.get(key);
    if (!group) {
      group = { ownerIds, area: 0, links: [] };
      groups.set(key, group);
    }
    group.area += unit.area;
    for (const ownerId of ownerIds) group.links.push({ unitId: unit.unitId, ownerId });
  }
  return { list: [...groups.values()], unitsWithoutOwner };
}
