/**
 * Runs `gongzhi tally` on its own, without the rest of the `gongzhi` command:
 *
 *   npx tsx src/cli/tally-main.ts FILE        (FILE may be - for standard input)
 *
 * Exit status 0 valid, 1 invalid, 2 unusable input (see ./tally.ts).
 */
import { runTally } from './tally';

const USAGE =
  'Usage: tally-main FILE\n' +
  'Re-tallies a gongzhi.vote-record/1 or /2 file (FILE, or - for standard input) and prints the result as JSON.\n' +
  'Exit status: 0 valid record, 1 invalid record, 2 input that cannot be used.\n';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
  process.stdout.write(USAGE);
} else if (args.length !== 1) {
  process.stderr.write(USAGE);
  process.exitCode = 2;
} else {
  try {
    // exitCode rather than process.exit(), so that a large result piped to another program is
    // written out in full before the process ends.
    process.exitCode = await runTally(args[0], {
      stdout: process.stdout,
      stderr: process.stderr,
      stdin: process.stdin,
    });
  } catch (e) {
    process.stderr.write(
      `gongzhi tally: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exitCode = 2;
  }
}
