// A module reads and writes only its own tables (docs/architecture.md, "The module template"):
// another module's data comes through that module's index.ts. This test reads the source of
// every module and fails when its SQL names a table that another module's descriptor lists in
// `tables` — in a Kysely call (selectFrom, insertInto, updateTable, deleteFrom, the joins,
// mergeInto, sql.table) or in the text of a sql`` template (FROM, JOIN, INTO, UPDATE, USING,
// `null::<table>`). It needs no database.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modules } from './app';

const MODULES_DIR = path.join(import.meta.dirname, 'modules');
const repoPath = (file: string) => path.relative(path.join(import.meta.dirname, '..', '..'), file).split(path.sep).join('/');

/**
 * Exceptions to the rule, each with its reason. Empty: every module reads only its own tables.
 * An entry that no longer matches an offence fails the last test below.
 */
const ALLOWED_FOR_NOW: readonly { file: string; table: string }[] = [];

interface Offence {
  module: string;
  file: string;
  line: number;
  table: string;
  owner: string;
}

/** Kysely calls whose first argument is a table, or a list of them ('quarters as q'). */
const KYSELY_CALL =
  /\b(?:selectFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin|crossJoin|innerJoinLateral|leftJoinLateral|crossJoinLateral|join|using|table)\(\s*(\[[^\]]*\]|'[^']*'|"[^"]*"|`[^`$]*`)/g;
const STRING_LITERAL = /'([^']*)'|"([^"]*)"|`([^`$]*)`/g;
/** Where SQL text names a table: after these keywords (a schema prefix allowed), and `null::t`. */
const SQL_TABLE = /\b(?:from|join|into|update|using|table)\s+(?:only\s+)?(?:"?\w+"?\.)?"?(\w+)"?|::"?(\w+)"?/gi;

/** The text of every sql`…` / sql<T>`…` template and sql.raw('…') string in `source`, with its offset. */
function sqlTexts(source: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  const opening = /\bsql(?:<[^`;]*?>)?`|\bsql\.raw\(\s*(['"])/g;
  for (let m = opening.exec(source); m; m = opening.exec(source)) {
    const start = m.index + m[0].length;
    if (m[1]) {
      const end = source.indexOf(m[1], start);
      out.push({ text: source.slice(start, end), offset: start });
    } else {
      const end = endOfTemplate(source, start);
      out.push({ text: source.slice(start, end), offset: start });
      opening.lastIndex = end;
    }
  }
  return out;
}

/** The index of the backtick closing the template whose text starts at `i` (inside `${…}` too). */
function endOfTemplate(source: string, i: number): number {
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') i += 2;
    else if (c === '`') return i;
    else if (c === '$' && source[i + 1] === '{') {
      let depth = 1;
      i += 2;
      while (i < source.length && depth > 0) {
        if (source[i] === '`') i = endOfTemplate(source, i + 1);
        else if (source[i] === '{') depth++;
        else if (source[i] === '}') depth--;
        i++;
      }
    } else i++;
  }
  return i;
}

const lineAt = (source: string, offset: number) => source.slice(0, offset).split('\n').length;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Every table of another module that a module's source names, with the line. */
function findOffences(): Offence[] {
  const owner = new Map(modules.flatMap((m) => m.tables.map((t) => [t, m.name] as const)));
  const offences: Offence[] = [];
  for (const m of modules) {
    for (const file of sourceFiles(path.join(MODULES_DIR, m.name))) {
      const source = fs.readFileSync(file, 'utf8');
      const seen = new Set<string>();
      const note = (table: string, offset: number) => {
        const by = owner.get(table);
        const line = lineAt(source, offset);
        if (!by || by === m.name || seen.has(`${line}|${table}`)) return;
        seen.add(`${line}|${table}`);
        offences.push({ module: m.name, file: repoPath(file), line, table, owner: by });
      };
      for (const call of source.matchAll(KYSELY_CALL)) {
        const args = call[1];
        const argsAt = call.index + call[0].length - args.length;
        for (const s of args.matchAll(STRING_LITERAL)) {
          const text = s[1] ?? s[2] ?? s[3];
          note(text.trim().split(/\s+as\s+|\s+/i)[0], argsAt + s.index);
        }
      }
      for (const { text, offset } of sqlTexts(source)) {
        for (const t of text.matchAll(SQL_TABLE)) note((t[1] ?? t[2]).toLowerCase(), offset + t.index);
      }
    }
  }
  return offences;
}

const describeOffence = (o: Offence) => `${o.module} ${o.file}:${o.line} names table ${o.table} of module ${o.owner}`;
const allowed = (o: Offence) => ALLOWED_FOR_NOW.some((a) => a.file === o.file && a.table === o.table);

describe("a module's SQL names only its own tables", () => {
  const offences = findOffences();
  // GONGZHI_LIST_OFFENCES=1 prints every offence found, allowed for now or not.
  if (process.env.GONGZHI_LIST_OFFENCES) console.log(offences.map(describeOffence).join('\n'));

  it('every module has a folder and the scan finds its tables', () => {
    for (const m of modules) expect(fs.existsSync(path.join(MODULES_DIR, m.name)), m.name).toBe(true);
    // the scan itself works: the registry's own reads of quarters would be found in another module
    const registryFiles = sourceFiles(path.join(MODULES_DIR, 'registry')).map((f) => fs.readFileSync(f, 'utf8'));
    expect(registryFiles.some((s) => /selectFrom\('quarters( as \w+)?'\)/.test(s))).toBe(true);
  });

  it('no module names a table of another module', () => {
    const found = offences.filter((o) => !allowed(o)).map(describeOffence);
    expect(found, `\n${found.join('\n')}\n`).toEqual([]);
  });

  it('the temporary allow-list names only offences that still exist', () => {
    const stale = ALLOWED_FOR_NOW.filter((a) => !offences.some((o) => o.file === a.file && o.table === a.table));
    expect(stale, 'delete these entries from ALLOWED_FOR_NOW').toEqual([]);
  });
});
