// The policy engine's public face: evaluate a quarter's facts under a district's pack, evaluate
// one rule, and list the rules in force (for the page that shows them with their clauses).
//
// Missing inputs: evaluateQuarter runs only the rules whose facts are all present and OMITS the
// others by default, so that the answer lists what could actually be judged and a partial
// dossier does not fill the screen with grey rows. `missingInputs: 'not-applicable'` returns a
// 'not-applicable' row for each rule in force that could not run, which is what a compliance
// overview wants when it must show every rule. Rules out of force under the pack never appear.
//
// Invalid inputs (an impossible date, delivered area above the total, …): by default the rule's
// row is a 'fail' with details.invalidInput set and the problem in the message — the data must
// be put right and the row must not look compliant meanwhile — while the other rules still run.
// `invalidInputs: 'throw'` rethrows the PolicyInputError instead.

import { CITATIONS } from './citations';
import type { QuarterFacts } from './facts';
import { getPack, type PackOptions, resolveRule, type ResolvedRule } from './packs';
import { type InputOf, RULE_IDS, RULES, type RuleId } from './rules';
import { type AnyRuleDefinition, PolicyInputError, type RuleResult } from './types';

export * from './types';
export * from './facts';
export * from './packs';
export { CITATIONS, citeFor, forAspect } from './citations';
export { RULES, RULE_IDS, isRuleId, type RuleId, type ParamsOf, type InputOf } from './rules';

export interface EvaluateOptions extends PackOptions {
  missingInputs?: 'omit' | 'not-applicable';
  invalidInputs?: 'report' | 'throw';
}

function runRule(resolved: ResolvedRule, input: unknown, options: EvaluateOptions): RuleResult[] {
  const rule: AnyRuleDefinition = RULES[resolved.ruleId];
  try {
    const out = rule.evaluate(input, resolved.params, { citations: resolved.citations });
    return Array.isArray(out) ? out : [out];
  } catch (error) {
    if (!(error instanceof PolicyInputError) || options.invalidInputs === 'throw') throw error;
    return [
      {
        rule: resolved.ruleId,
        status: 'fail',
        citation: resolved.citations[0]?.text ?? '',
        message: {
          'zh-CN': `数据有误，无法判断：${error.localized['zh-CN']}`,
          en: `The data cannot be judged: ${error.localized.en}`,
        },
        details: { invalidInput: true, code: error.code, field: error.field },
      },
    ];
  }
}

/**
 * Judges one rule on its own input under a pack, whether or not the pack has it in force.
 * Always returns a list (some rules give several rows). Bad input throws PolicyInputError
 * unless `invalidInputs: 'report'`.
 */
export function evaluateRule<Id extends RuleId>(
  packId: string,
  ruleId: Id,
  input: InputOf<Id>,
  options: EvaluateOptions = {},
): RuleResult[] {
  return runRule(resolveRule(packId, ruleId, options), input, { invalidInputs: 'throw', ...options });
}

/** Judges every rule in force under the pack whose facts are present. */
export function evaluateQuarter(packId: string, facts: QuarterFacts, options: EvaluateOptions = {}): RuleResult[] {
  const results: RuleResult[] = [];
  for (const id of RULE_IDS) {
    const resolved = resolveRule(packId, id, options);
    if (!resolved.enabled) continue;
    const rule: AnyRuleDefinition = RULES[id];
    const input = rule.inputFrom?.(facts);
    if (input === undefined) {
      if (options.missingInputs === 'not-applicable') {
        results.push({
          rule: id,
          status: 'not-applicable',
          citation: resolved.citations[0]?.text ?? '',
          message: { 'zh-CN': '缺少判断所需的数据。', en: 'The data needed for this rule is not recorded.' },
          details: { missingInput: true },
        });
      }
      continue;
    }
    results.push(...runRule(resolved, input, options));
  }
  return results;
}

export interface CatalogEntry {
  id: RuleId;
  title: ResolvedRule['title'];
  description?: ResolvedRule['description'];
  severity: ResolvedRule['severity'];
  enabled: boolean;
  params: unknown;
  citations: ResolvedRule['citations'];
  changes: ResolvedRule['changes'];
}

export interface RuleCatalog {
  pack: { id: string; version: string; title: ReturnType<typeof getPack>['title']; source: ReturnType<typeof getPack>['source'] };
  rules: CatalogEntry[];
}

/**
 * The rules in force under a pack, with severity, params and the clauses cited, for the page
 * that shows them. `includeDisabled` also lists the rules the pack leaves out (enabled: false).
 */
export function ruleCatalog(packId: string, options: PackOptions & { includeDisabled?: boolean } = {}): RuleCatalog {
  const pack = getPack(packId, options);
  const rules = RULE_IDS.map((id): CatalogEntry => {
    const r = resolveRule(pack.id, id);
    return {
      id,
      title: r.title,
      description: r.description,
      severity: r.severity,
      enabled: r.enabled,
      params: r.params,
      citations: r.citations,
      changes: r.changes,
    };
  }).filter((r) => r.enabled || options.includeDisabled);
  return { pack: { id: pack.id, version: pack.version, title: pack.title, source: pack.source }, rules };
}

// The Civil Code articles the rules lean on, for a help page.
export const CIVIL_CODE_PERIOD_CITATIONS = [CITATIONS.civil201, CITATIONS.civil202, CITATIONS.civil1259];
