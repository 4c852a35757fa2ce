// What staff follow and collect while a vote is open: live turnout against the quorum (no
// results before the close), the units on the roll with whether they have voted, the members who
// have not voted yet (for collecting paper ballots door to door), and who entered which ballot.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { maskName, maskPhone } from '../../../core/idnumber';
import type { Channel, Rule } from '../../../core/voting/record';
import { ownerContacts, unitLabels } from '../registry';
import { authorizeVote } from './access';
import { iso } from './clock';
import { statusParams } from './labels';
import type { VoteStatus } from './votes';
import { voidedEntries, type BallotEntryView } from './voids';

type DB = Kysely<Database>;

function ceilDiv(a: number, b: number): number {
  return Number((BigInt(a) + BigInt(b) - 1n) / BigInt(b));
}

export async function turnout(db: DB, actor: Actor, voteId: string) {
  const vote = await authorizeVote(db, actor, voteId, 'read');
  if (vote.status === 'draft') throw new AppError('VOTE_NOT_OPEN', statusParams(vote.status));
  const rows = await db
    .selectFrom('ballots as b')
    .innerJoin('vote_roll as r', (j) => j.onRef('r.vote_id', '=', 'b.vote_id').onRef('r.member', '=', 'b.member'))
    .select(['b.channel', sql<number>`count(*)`.as('members'), sql<number>`coalesce(sum(r.area), 0)::bigint`.as('area')])
    .where('b.vote_id', '=', vote.id)
    .groupBy('b.channel')
    .execute();
  const byChannel: Record<Channel, { members: number; area: number }> = {
    online: { members: 0, area: 0 },
    paper: { members: 0, area: 0 },
    proxy: { members: 0, area: 0 },
  };
  for (const r of rows) byChannel[r.channel as Channel] = { members: Number(r.members), area: Number(r.area) };
  const cast = Object.values(byChannel).reduce((s, c) => ({ members: s.members + c.members, area: s.area + c.area }), { members: 0, area: 0 });
  const totals = { members: vote.roll_members ?? 0, area: vote.roll_area ?? 0 };
  const areaWeighed = vote.rule === 'civil-code-278';
  // Quorum (民法典 第278条 第2款): two thirds 以上 of members and of area take part; 以上
  // includes the boundary (第1259条). Shown as the smallest whole numbers that meet it.
  const needed = { members: ceilDiv(2 * totals.members, 3), area: areaWeighed ? ceilDiv(2 * totals.area, 3) : 0 };
  const membersMet = 3 * cast.members >= 2 * totals.members;
  const areaMet = !areaWeighed || 3n * BigInt(cast.area) >= 2n * BigInt(totals.area);
  return {
    status: vote.status as VoteStatus,
    rule: vote.rule as Rule,
    totals,
    cast,
    needed,
    areaWeighed,
    quorumMet: membersMet && areaMet,
    byChannel,
    closesAt: iso(vote.closes_at)!,
  };
}

/** The units on the frozen roll with whether their member has voted, for entering paper ballots. */
export async function rollUnits(db: DB, actor: Actor, voteId: string, q?: string) {
  const vote = await authorizeVote(db, actor, voteId, 'read');
  if (vote.status === 'draft') return [];
  const links = await db
    .selectFrom('vote_roll_links as l')
    .leftJoin('ballots as b', (j) => j.onRef('b.vote_id', '=', 'l.vote_id').onRef('b.member', '=', 'l.member'))
    .select(['l.unit_id', 'l.owner_id', 'b.channel'])
    .where('l.vote_id', '=', vote.id)
    .execute();
  const byUnit = new Map<string, { ownerIds: string[]; voted: string | null }>();
  for (const l of links) {
    const unit = byUnit.get(l.unit_id) ?? { ownerIds: [], voted: l.channel ?? null };
    unit.ownerIds.push(l.owner_id);
    byUnit.set(l.unit_id, unit);
  }
  const [labels, contacts] = await Promise.all([
    unitLabels(db, vote.quarter_id, [...byUnit.keys()]),
    ownerContacts(db, vote.quarter_id, [...new Set(links.map((l) => l.owner_id))]),
  ]);
  // "1-102" finds 1-102 of every building, and "2幢1-102" or "2 1-102" that of building 2: the
  // building and the number are matched as typed, with or without the space between them.
  const needle = q?.replace(/\s+/g, '');
  return [...byUnit.entries()]
    // No member pseudonym: unit plus pseudonym plus the published record would show how the unit voted.
    .map(([unitId, v]) => {
      const l = labels.get(unitId);
      return {
        unitId,
        label: l?.label ?? unitId,
        building: l?.buildingName ?? '',
        number: l?.number ?? '',
        owners: v.ownerIds.map((id) => maskName(contacts.get(id)?.name)).filter(Boolean),
        votedChannel: v.voted as Channel | null,
      };
    })
    .filter((u) => !needle || u.label.replace(/\s+/g, '').includes(needle))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN', { numeric: true }))
    .slice(0, 200);
}

export interface NotVotedMember {
  /** The member's units, e.g. "1幢 1-101", in the order staff walk the buildings. */
  units: string[];
  /** Phones masked as everywhere in the registry's answers (个人信息保护法). */
  owners: { name: string; phoneMasked: string | null }[];
  /** Exclusive area (专有部分面积) in 0.01 m². */
  area: number;
}

/**
 * The voting members of an open vote who have not cast a ballot yet, with their units and
 * owners, for the staff who collect paper ballots door to door (扫楼) and phone owners before
 * the close. Who has voted is not secret from them (they see it per unit when entering paper
 * ballots); how anyone voted is not in it. The member pseudonym is left out (see
 * {@link ballotEntries}).
 */
export async function notVoted(db: DB, actor: Actor, voteId: string) {
  const vote = await authorizeVote(db, actor, voteId, 'enterBallots');
  if (vote.status !== 'open') throw new AppError('VOTE_NOT_OPEN', statusParams(vote.status));
  const links = await db
    .selectFrom('vote_roll_links as l')
    .innerJoin('vote_roll as r', (j) => j.onRef('r.vote_id', '=', 'l.vote_id').onRef('r.member', '=', 'l.member'))
    .leftJoin('ballots as b', (j) => j.onRef('b.vote_id', '=', 'l.vote_id').onRef('b.member', '=', 'l.member'))
    .select(['l.member', 'l.unit_id', 'l.owner_id', 'r.area'])
    .where('l.vote_id', '=', vote.id)
    .where('b.member', 'is', null)
    .execute();
  const [labels, contacts] = await Promise.all([
    unitLabels(db, vote.quarter_id, [...new Set(links.map((l) => l.unit_id))]),
    ownerContacts(db, vote.quarter_id, [...new Set(links.map((l) => l.owner_id))]),
  ]);
  const byMember = new Map<string, { units: Set<string>; owners: Set<string>; area: number }>();
  for (const l of links) {
    let m = byMember.get(l.member);
    if (!m) byMember.set(l.member, (m = { units: new Set(), owners: new Set(), area: Number(l.area) }));
    m.units.add(labels.get(l.unit_id)?.label ?? l.unit_id);
    m.owners.add(l.owner_id);
  }
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  const items: NotVotedMember[] = [...byMember.values()]
    .map((m) => ({
      units: [...m.units].sort(collator.compare),
      owners: [...m.owners]
        .map((id) => contacts.get(id) ?? { name: '', phone: null })
        .map((o) => ({ name: o.name, phoneMasked: o.phone ? maskPhone(o.phone) : null }))
        .sort((a, b) => collator.compare(a.name, b.name)),
      area: m.area,
    }))
    .sort((a, b) => collator.compare(a.units[0] ?? '', b.units[0] ?? ''));
  return {
    vote: { id: vote.id, title: vote.title, quarterName: vote.quarter_name, closesAt: iso(vote.closes_at)!, areaWeighed: vote.rule === 'civil-code-278' },
    members: items.length,
    area: items.reduce((s, m) => s + m.area, 0),
    items,
  };
}

/**
 * Who entered what: the ballots staff entered (paper and proxy), latest first, without their
 * choices (hidden until the close) and without their member pseudonyms: with a pseudonym, the
 * published record would tell staff how a known unit voted (docs/vote-record-format.md: `member`
 * identifies nobody outside the server). Online ballots are not listed: their seq and time, with
 * the units staff see turn "voted online" in /roll-units, would tie each to a unit (issue 11,
 * point 1; docs/security.md). How many were cast online is in /turnout.
 */
export async function ballotEntries(db: DB, actor: Actor, voteId: string): Promise<BallotEntryView[]> {
  const vote = await authorizeVote(db, actor, voteId, 'read');
  const rows = await db
    .selectFrom('ballots')
    .select(['id', 'seq', 'channel', 'cast_at', 'entered_by_name', 'unit_label', 'proxy_holder', 'scan_id'])
    .where('vote_id', '=', vote.id)
    .where('channel', '<>', 'online')
    .orderBy('seq', 'desc')
    .limit(500)
    .execute();
  const standing = rows.map(
    (r): BallotEntryView => ({
      id: r.id,
      seq: r.seq,
      channel: r.channel as Channel,
      castAt: r.cast_at,
      enteredBy: r.entered_by_name,
      unit: r.unit_label,
      proxyHolder: r.proxy_holder,
      scanId: r.scan_id,
      voided: null,
    }),
  );
  // The voided ones too, struck through with who voided them, when and why (issue 10, point 5).
  // They were all entered by staff, so they tell nothing about online ballots.
  const voided = await voidedEntries(db, vote.id, { limit: 500 });
  return [...standing, ...voided].sort((a, b) => b.seq - a.seq).slice(0, 500);
}
