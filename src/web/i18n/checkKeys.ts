/**
 * Checks that the Chinese and English dictionaries have the same keys and use the same
 * {{placeholders}} in each text. Run: `npx tsx src/web/i18n/checkKeys.ts` (exit code 1 on a
 * difference); keys.test.ts runs the same check under Vitest.
 */
import shellZhCN from './zh-CN';
import en from './en';
import { moduleDictionaries } from './modules';

type Tree = { [key: string]: string | Tree };

export function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort().join(',');
}

/** The whole Chinese dictionary: the shell's texts and every module's, as the app has them once loaded. */
export async function wholeZhCN(): Promise<Tree> {
  const whole: Tree = { ...(shellZhCN as Tree) };
  for (const [key, load] of Object.entries(moduleDictionaries)) whole[key] = (await load()).default as Tree;
  return whole;
}

export function compareDictionaries(a: Tree, b: Tree = en as Tree): string[] {
  const fa = flatten(a);
  const fb = flatten(b);
  const problems: string[] = [];
  for (const key of fa.keys()) if (!fb.has(key)) problems.push(`missing in en: ${key}`);
  for (const key of fb.keys()) if (!fa.has(key)) problems.push(`missing in zh-CN: ${key}`);
  for (const [key, text] of fa) {
    const other = fb.get(key);
    if (other === undefined) continue;
    if (!text.trim() || !other.trim()) problems.push(`empty text: ${key}`);
    if (placeholders(text) !== placeholders(other)) problems.push(`placeholders differ: ${key} (${placeholders(text)} / ${placeholders(other)})`);
  }
  return problems;
}

const invokedDirectly = typeof process !== 'undefined' && process.argv[1] && /checkKeys\.ts$/.test(process.argv[1]);
async function main(): Promise<void> {
  const zhCN = await wholeZhCN();
  const problems = compareDictionaries(zhCN);
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log(`i18n: ${flatten(zhCN).size} keys, zh-CN and en match`);
}
if (invokedDirectly) void main();
