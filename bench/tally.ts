/**
 * How long `tallyRecord` takes on a quarter of 20,000 voting members who all voted on three
 * items (two ordinary, one special), with the record read from its JSON text as
 * `gongzhi tally` reads it. Prints the median of several runs; no pass/fail threshold.
 *
 *   npx tsx bench/tally.ts
 */
import { buildRecord } from '../src/core/voting/builder';
import type { Channel, Choice, RollEntry, UnsealedBallot } from '../src/core/voting/record';
import { tallyRecord } from '../src/core/voting/tally';

const MEMBERS = 20_000;
const RUNS = 7;

const roll: RollEntry[] = Array.from({ length: MEMBERS }, (_, i) => ({
  member: `m-${(i * 2654435761 % 2 ** 32).toString(16).padStart(8, '0')}`,
  // 50–150 m², with the developer's unsold units as one large member
  area: i === 0 ? 2_500_000 : 5_000 + ((i * 7919) % 10_000),
}));

const choices: Choice[] = ['yes', 'yes', 'no', 'abstain'];
const channels: Channel[] = ['online', 'online', 'online', 'paper', 'proxy'];
const ballots: UnsealedBallot[] = roll.map((entry, i) => {
  const castMinute = Math.floor((i * 14 * 24 * 60) / MEMBERS);
  const day = 1 + Math.floor(castMinute / (24 * 60));
  const hour = Math.floor(castMinute / 60) % 24;
  const minute = castMinute % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    member: entry.member,
    choices: { '1': choices[i % 4], '2': choices[(i * 3) % 4], '3': choices[(i * 7) % 4] },
    channel: channels[i % 5],
    castAt: `2026-03-${pad(day)}T${pad(hour)}:${pad(minute)}:00+08:00`,
  };
});

const record = buildRecord(
  {
    id: 'v-bench',
    quarter: '基准小区',
    title: '基准表决',
    rule: 'civil-code-278',
    opensAt: '2026-03-01T00:00:00+08:00',
    closesAt: '2026-03-15T24:00:00+08:00',
    items: [
      { id: '1', title: '续聘物业服务企业', matter: 'ordinary' },
      { id: '2', title: '修改管理规约', matter: 'ordinary' },
      { id: '3', title: '筹集维修资金', matter: 'special' },
    ],
  },
  roll,
  ballots,
);
const text = JSON.stringify(record);

const times: number[] = [];
for (let run = 0; run < RUNS + 1; run++) {
  const input: unknown = JSON.parse(text);
  const start = process.hrtime.bigint();
  const result = tallyRecord(input);
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (!result.valid) throw new Error(`the bench record is invalid: ${result.errors[0]}`);
  if (run > 0) times.push(elapsed); // the first run warms up the JIT
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`tally ${MEMBERS} members: ${Math.round(median)} ms`);
