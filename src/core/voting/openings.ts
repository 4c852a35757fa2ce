/**
 * An auditor's check of a version 2 record against the openings of its withheld areas (each
 * withheld ballot's hash, area and salt, printed by `gongzhi vote-openings` on the server's
 * machine): docs/vote-record-format.md, "What a re-tally cannot check". With the openings the
 * split of the withheld area between yes, no and abstain is no longer the server's word: every
 * commitment is opened, the `withheld` sums are recomputed, and the withheld rule is applied
 * again to the full list of areas.
 */
import { withheldFlags } from './builder-v2';
import { areaCommitment } from './hash-v2';
import type { Rule } from './record';
import { VOTE_RECORD_FORMAT_V2 } from './record-v2';
import type { VoteRecordV2, Withheld } from './record-v2';
import { UnusableRecordError, isObject, show } from './tally';

export interface OpeningsCheck {
  valid: boolean;
  errors: string[];
  /** The withheld sums recomputed from the openings. */
  withheld: Withheld;
}

/**
 * Checks `openings` (a list of `{hash, area, areaSalt}`, or an object with such a list under
 * `openings`) against a version 2 record that `gongzhi tally` found valid.
 *
 * @throws UnusableRecordError when the record is not a version 2 record or the openings are no list.
 */
export function checkOpenings(record: unknown, openings: unknown): OpeningsCheck {
  if (!isObject(record) || record.format !== VOTE_RECORD_FORMAT_V2) throw new UnusableRecordError(`The record is not a ${VOTE_RECORD_FORMAT_V2} file.`);
  const list = isObject(openings) ? openings.openings : openings;
  if (!Array.isArray(list)) throw new UnusableRecordError('The openings are not a list of {hash, area, areaSalt}.');
  const r = record as unknown as VoteRecordV2;
  const errors: string[] = [];
  const byHash = new Map(r.ballots.map((b) => [b.hash, b]));
  const opened = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const o: unknown = list[i];
    if (!isObject(o) || typeof o.hash !== 'string') {
      errors.push(`Opening ${i + 1} has no hash.`);
      continue;
    }
    const b = byHash.get(o.hash);
    if (!b) errors.push(`Opening ${i + 1} names hash ${o.hash}, which no ballot of the record has.`);
    else if (b.area !== null) errors.push(`Opening ${i + 1} opens ballot ${o.hash.slice(0, 16)}…, whose area is published, not withheld.`);
    else if (opened.has(o.hash)) errors.push(`Opening ${i + 1} opens ballot ${o.hash.slice(0, 16)}… a second time.`);
    else if (typeof o.area !== 'number' || !Number.isSafeInteger(o.area) || o.area < 0 || typeof o.areaSalt !== 'string') errors.push(`Opening ${i + 1} has area ${show(o.area)} and salt ${show(o.areaSalt)}; it needs a whole area and a salt.`);
    else if (areaCommitment(o.area, o.areaSalt) !== b.areaCommitment) errors.push(`Opening ${i + 1}: area ${o.area} with its salt does not open the commitment of ballot ${o.hash.slice(0, 16)}….`);
    else opened.set(o.hash, o.area);
  }
  const withheld: Withheld = { ballots: 0, area: 0, items: r.vote.items.map((item) => ({ id: item.id, yes: 0, no: 0, abstain: 0 })) };
  for (const b of r.ballots) {
    if (b.area !== null) continue;
    const area = opened.get(b.hash);
    if (area === undefined) {
      errors.push(`Ballot ${b.hash.slice(0, 16)}… has its area withheld and no opening.`);
      continue;
    }
    withheld.ballots += 1;
    withheld.area += area;
    for (const item of withheld.items) item[Object.hasOwn(b.choices, item.id) ? b.choices[item.id] : 'abstain'] += area;
  }
  if (withheld.ballots !== r.withheld.ballots || withheld.area !== r.withheld.area) {
    errors.push(`The openings give ${withheld.ballots} withheld ballots of area ${withheld.area}; the record says ${show(r.withheld.ballots)} of area ${show(r.withheld.area)}.`);
  }
  withheld.items.forEach((item, j) => {
    const file = r.withheld.items[j];
    for (const c of ['yes', 'no', 'abstain'] as const) {
      if (!isObject(file) || file[c] !== item[c]) errors.push(`Item "${item.id}": the openings give ${c} ${item[c]} of withheld area; the record says ${show(isObject(file) ? file[c] : undefined)}.`);
    }
  });
  // The withheld rule, applied again to every area: the same ballots must come out withheld.
  if (errors.length === 0) {
    const all = r.ballots.map((b) => ({ channel: b.channel, area: b.area ?? opened.get(b.hash)! }));
    const flags = withheldFlags(r.vote.rule as Rule, all);
    r.ballots.forEach((b, i) => {
      if (flags[i] !== (b.area === null)) errors.push(`Ballot ${b.hash.slice(0, 16)}…: the withheld rule ${flags[i] ? 'withholds' : 'publishes'} its area, but the record ${b.area === null ? 'withholds' : 'publishes'} it.`);
    });
  }
  return { valid: errors.length === 0, errors, withheld };
}
