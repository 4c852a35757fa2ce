// Shapes shared by every rule and policy pack. Rules are pure: plain data in, plain data out,
// so that the same rule runs in the server, in the CLI and in the browser.

import type { QuarterFacts } from './facts';

export type Localized = { 'zh-CN': string; en: string };

/** The source documents (their codes and clause numbering in citations.ts) and the Civil Code they rest on. */
export type CitedDocument = 'ZAS' | 'HZ' | 'HN' | 'BG' | 'XH' | 'CivilCode';

export interface Citation {
  document: CitedDocument;
  /** The clause as the document numbers it: '5.4.1', '二（一）4', '附件1 序号14', '第202条'. */
  clause: string;
  /** The full citation as users know it, e.g. 'T/ZAS 4006.1—2020 5.4.1', '民法典 第202条'. */
  text: string;
  /** A short quote of the clause, in the document's own words. */
  quote?: string;
  /**
   * Which part of a rule this clause backs, where a rule checks more than one thing
   * (e.g. 'count' and 'training' for the commissioner). Unset: the whole rule.
   */
  aspect?: string;
}

export type RuleStatus = 'pass' | 'warn' | 'fail' | 'not-applicable';
export type Severity = 'fail' | 'warn';

export interface RuleResult {
  /** The rule id, e.g. 'committee-formation'. */
  rule: string;
  status: RuleStatus;
  /** Citation text of the clause this outcome rests on, e.g. 'T/ZAS 4006.1—2020 5.4.1'. */
  citation: string;
  message: Localized;
  details?: Record<string, unknown>;
}

/** What a rule sees of the pack it runs under: the citations in force for it. */
export interface RuleContext {
  citations: Citation[];
}

export interface RuleDefinition<Input, Params> {
  id: string;
  title: Localized;
  /** The worst status the rule can give with its default params. */
  severity: Severity;
  citations: Citation[];
  defaultParams: Params;
  /**
   * Judges one input. `context` carries the citations in force under the pack; without it the
   * rule cites its own defaults. Throws PolicyInputError when the input is not usable.
   */
  evaluate(input: Input, params: Params, context?: RuleContext): RuleResult | RuleResult[];
  /** One sentence on what is checked, for the rule catalogue page. */
  description?: Localized;
  /** Where the rule finds its input among a quarter's facts; undefined when it is not there. */
  inputFrom?(facts: QuarterFacts): Input | undefined;
  /** The worst status under given params, where a pack can make a rule stricter or softer. */
  severityFor?(params: Params): Severity;
}

// Rules of different input and params types live in one registry; `any` is confined here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRuleDefinition = RuleDefinition<any, any>;

/**
 * Input a rule cannot judge (an impossible date, a negative area, more party members than
 * members). Stable `code` for the API; the message in both languages.
 */
export class PolicyInputError extends Error {
  readonly code = 'POLICY_INPUT_INVALID';
  constructor(
    readonly field: string,
    readonly localized: Localized,
  ) {
    super(localized.en);
    this.name = 'PolicyInputError';
  }
}
