/**
 * The hashes of a version 2 record (docs/vote-record-format.md, "Version 2", "Hashes"). A
 * ballot's hash names neither its member nor its place or time of casting: it is computed at
 * cast from the vote, a random nonce, the choices, the channel and a commitment to the area,
 * so that the voter's receipt code is known at once and found in the record after the close.
 */
import { compareUtf8, sha256Hex } from './hash';
import { VOTE_RECORD_FORMAT_V2 } from './record-v2';

/** 128 bits as 32 lowercase hex digits: a nonce or an area salt. */
export const HEX128 = /^[0-9a-f]{32}$/;
export const HEX256 = /^[0-9a-f]{64}$/;

/** `areaCommitment` = SHA-256 of `<area>|<areaSalt>` (area in plain decimal digits). */
export function areaCommitment(area: number, salt: string): string {
  return sha256Hex(`${area}|${salt}`);
}

/**
 * `hash` = SHA-256 of `gongzhi.vote-record/2|<vote.id>|<nonce>|<choices>|<channel>|<areaCommitment>`,
 * `<choices>` as in version 1 ({@link choicesString}).
 */
export function ballotHashV2(voteId: string, nonce: string, choices: string, channel: string, commitment: string): string {
  return sha256Hex(`${VOTE_RECORD_FORMAT_V2}|${voteId}|${nonce}|${choices}|${channel}|${commitment}`);
}

/** `participantsFingerprint` = SHA-256 of the participants in UTF-8 byte order, each as `member\n`. */
export function participantsFingerprint(participants: readonly string[]): string {
  return sha256Hex(
    [...participants]
      .sort(compareUtf8)
      .map((m) => `${m}\n`)
      .join(''),
  );
}

/**
 * `head` = SHA-256 of `gongzhi.vote-record/2|<vote.id>|<rollFingerprint>|<participantsFingerprint>`
 * followed by `|<hash>` for every ballot, in ascending order of hash.
 */
export function headV2(voteId: string, roll: string, participants: string, hashes: readonly string[]): string {
  let text = `${VOTE_RECORD_FORMAT_V2}|${voteId}|${roll}|${participants}`;
  for (const h of [...hashes].sort()) text += `|${h}`;
  return sha256Hex(text);
}
