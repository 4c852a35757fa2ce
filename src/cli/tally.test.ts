import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { VOTE_FIXTURES_DIR, makeVoteFixtures } from '../../scripts/make-vote-fixtures';
import type { TallyResult } from '../core/voting/record';
import type { TallyResultV2 } from '../core/voting/record-v2';
import { tallyRecord } from '../core/voting/tally';
import { runTally } from './tally';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => path.join(VOTE_FIXTURES_DIR, name);
const scratch = mkdtempSync(path.join(tmpdir(), 'gongzhi-tally-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function scratchFile(name: string, content: string | Uint8Array): string {
  const file = path.join(scratch, name);
  writeFileSync(file, content);
  return file;
}

/** runTally with in-memory standard streams. */
async function run(file: string, stdin: string | Uint8Array = '') {
  let stdout = '';
  let stderr = '';
  const status = await runTally(file, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([typeof stdin === 'string' ? Buffer.from(stdin) : stdin]),
  });
  return { status, stdout, stderr };
}

describe('fixtures in test/fixtures/vote-records', () => {
  it('are what scripts/make-vote-fixtures.ts makes', () => {
    for (const [name, content] of Object.entries(makeVoteFixtures())) {
      expect(readFileSync(fixture(name), 'utf8'), name).toBe(content);
    }
  });
});

describe('runTally', () => {
  it('prints the result of a valid record and returns 0', async () => {
    const { status, stdout, stderr } = await run(fixture('valid.json'));
    expect(status).toBe(0);
    expect(stderr).toBe('');
    const expected = tallyRecord(JSON.parse(readFileSync(fixture('valid.json'), 'utf8')));
    expect(stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    const result = JSON.parse(stdout) as TallyResult;
    expect(result.valid).toBe(true);
    expect(result.participation).toEqual({ members: 5, area: 48246, quorumMet: true });
    expect(result.items.map((i) => [i.id, i.passed])).toEqual([
      ['1', true],
      ['2', false],
    ]);
  });

  it('returns 0 for the record whose window ends at 24:00 with ballots at that instant', async () => {
    const { status, stdout } = await run(fixture('closes-at-24h.json'));
    expect(status).toBe(0);
    expect(JSON.parse(stdout).participation.members).toBe(3);
  });

  it('prints the result of an invalid record with its errors and returns 1', async () => {
    const { status, stdout, stderr } = await run(fixture('tampered.json'));
    expect(status).toBe(1);
    expect(stderr).toBe('');
    const result = JSON.parse(stdout) as TallyResult;
    expect(result.valid).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/^Ballot seq 2: hash .* does not match its content/);
    expect(result.items.every((i) => !i.passed)).toBe(true);
  });

  it('reads a gongzhi.vote-record/2 file by its format: 0 valid, 1 invalid', async () => {
    const valid = await run(fixture('valid-v2.json'));
    expect(valid.status).toBe(0);
    expect(valid.stderr).toBe('');
    const result = JSON.parse(valid.stdout) as TallyResultV2;
    expect(result.participation).toEqual({ members: 12, area: 101055, quorumMet: true });
    expect(result.withheld).toEqual({ ballots: 6, area: 47055 });
    expect(result.items.map((i) => [i.id, i.yes.members, i.passed])).toEqual([
      ['1', 10, true],
      ['2', 7, false],
    ]);
    const tampered = await run(fixture('tampered-v2.json'));
    expect(tampered.status).toBe(1);
    const broken = JSON.parse(tampered.stdout) as TallyResultV2;
    expect(broken.errors[0]).toMatch(/area 9001 with its salt does not open its areaCommitment/);
    expect(broken.items.every((i) => !i.passed)).toBe(true);
  });

  it('reads standard input for "-"', async () => {
    const text = readFileSync(fixture('valid.json'));
    const { status, stdout } = await run('-', text);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).valid).toBe(true);
  });

  it('reads a file with a byte-order mark', async () => {
    const file = scratchFile('bom.json', `\uFEFF${readFileSync(fixture('valid.json'), 'utf8')}`);
    expect((await run(file)).status).toBe(0);
  });

  it('returns 2 with a message and no output for input it cannot use', async () => {
    const cases: Array<[string, RegExp]> = [
      [scratchFile('not-json.json', '{"format": "gongzhi.vote-record/1",'), /is not JSON/],
      [scratchFile('empty.json', ''), /is not JSON/],
      [scratchFile('array.json', '[]'), /a JSON array, not a JSON object/],
      [scratchFile('other.json', '{"format":"gongzhi.vote-record/3"}'), /format is "gongzhi.vote-record\/3"/],
      [scratchFile('no-format.json', '{"vote":{}}'), /no "format" field/],
      [scratchFile('latin1.json', Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d])), /not UTF-8/],
      [path.join(scratch, 'missing.json'), /there is no file .*missing\.json/],
      [scratch, /is a folder, not a file/],
    ];
    for (const [file, message] of cases) {
      const { status, stdout, stderr } = await run(file);
      expect(status, file).toBe(2);
      expect(stdout, file).toBe('');
      expect(stderr, file).toMatch(/^gongzhi tally: /);
      expect(stderr, file).toMatch(message);
      expect(stderr.endsWith('\n')).toBe(true);
    }
    const fromStdin = await run('-', 'hello');
    expect(fromStdin).toMatchObject({ status: 2, stdout: '' });
    expect(fromStdin.stderr).toMatch(/^gongzhi tally: standard input: The input is not JSON/);
  });
});

/** Runs src/cli/tally-main.ts as its own process. */
function tallyProcess(args: string[], stdin?: string | Buffer) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/tally-main.ts', ...args], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

describe('tally-main as a process', () => {
  it('exits 0 for a valid record and prints the JSON result', async () => {
    const { status, stdout, stderr } = await tallyProcess([fixture('valid.json')]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as TallyResult;
    expect(result.valid).toBe(true);
    expect(result.rollFingerprint).toBe(
      JSON.parse(readFileSync(fixture('valid.json'), 'utf8')).rollFingerprint,
    );
  });

  it('exits 1 for an invalid record, still printing the counts', async () => {
    const { status, stdout, stderr } = await tallyProcess([fixture('tampered.json')]);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    const result = JSON.parse(stdout) as TallyResult;
    expect(result.valid).toBe(false);
    expect(result.participation.members).toBe(5);
  });

  it('exits 0 for a valid version 2 record and 1 for a tampered one', async () => {
    const valid = await tallyProcess([fixture('valid-v2.json')]);
    expect(valid.stderr).toBe('');
    expect(valid.status).toBe(0);
    expect((JSON.parse(valid.stdout) as TallyResultV2).participantsFingerprint).toBe(
      JSON.parse(readFileSync(fixture('valid-v2.json'), 'utf8')).participantsFingerprint,
    );
    expect((await tallyProcess([fixture('tampered-v2.json')])).status).toBe(1);
  });

  it('reads standard input for "-"', async () => {
    const { status, stdout } = await tallyProcess(['-'], readFileSync(fixture('closes-at-24h.json')));
    expect(status).toBe(0);
    expect(JSON.parse(stdout).valid).toBe(true);
  });

  it('exits 2 with a message on standard error and nothing on standard output', async () => {
    const notJson = await tallyProcess(['-'], 'not json');
    expect(notJson.status).toBe(2);
    expect(notJson.stdout).toBe('');
    expect(notJson.stderr).toMatch(/^gongzhi tally: standard input: The input is not JSON/);

    const otherFormat = await tallyProcess([scratchFile('other-format.json', '{"format":"x"}')]);
    expect(otherFormat.status).toBe(2);
    expect(otherFormat.stdout).toBe('');
    expect(otherFormat.stderr).toMatch(/format is "x"/);
  });

  it('exits 2 with the usage when FILE is missing', async () => {
    const { status, stdout, stderr } = await tallyProcess([]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Usage: /);
  });
});
