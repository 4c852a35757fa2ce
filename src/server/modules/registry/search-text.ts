// Substring search that the trigram indexes of migration 0009 can answer. pg_trgm takes a run of
// letters as one word, and a LIKE '%…%' pattern gives no trigram for a word of one or two
// characters, which is most of a Chinese name. The indexes therefore hold each text with a
// space after every character (and one before the first), so every character is a word of its
// own; the pattern is spread out the same way, and LIKE on the spread form is still an exact
// substring test: ' 王 芳 ' contains ' 王 芳 ' only where 王芳 stands together.
import { sql, type RawBuilder } from 'kysely';

/** The indexed form of a column: ' ' || one space after every character. */
export function spread(column: string): RawBuilder<string> {
  return sql<string>`(' ' || regexp_replace(${sql.ref(column)}, '(.)', '\\1 ', 'g'))`;
}

/** The LIKE pattern that finds `text` anywhere in the spread form of a column. */
export function spreadPattern(text: string): string {
  const escaped = [...text].map((c) => (c === '\\' || c === '%' || c === '_' ? `\\${c}` : c));
  return `% ${escaped.join(' ')} %`;
}

/**
 * `column` contains `text` (as `column LIKE '%text%'`), in the form the trigram index answers.
 * A single character gives pg_trgm no trigram it can trust inside a LIKE pattern, and the index
 * would be read whole: one character is matched with a plain LIKE, which the caller's plan
 * answers by walking its rows until it has a page.
 */
export function containsText(column: string, text: string) {
  if ([...text].length === 1) return sql<boolean>`${sql.ref(column)} like ${`%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}`;
  return sql<boolean>`${spread(column)} like ${spreadPattern(text)}`;
}

/**
 * `column` contains `text`, for a column indexed both spread out (0009) and as itself (0024). A
 * run of three or more letters or digits ("4321", "102", "abc") is looked for with a plain LIKE,
 * which the column's own trigram index answers from the run's trigrams ("432", "321"), which
 * few rows share; anything shorter through the spread form, which finds one or two characters
 * but holds every digit as a word that most rows of a district share, so that a run of digits
 * read the posting lists of nearly the whole table.
 */
export function containsIndexed(column: string, text: string) {
  if (!/[0-9A-Za-z]{3}/.test(text)) return containsText(column, text);
  return sql<boolean>`${sql.ref(column)} like ${`%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}`;
}
