// Policy packs: the rules in force for a district, with their numbers and the clauses they cite.
//
// ZAS is the default and the root. Every other pack names ZAS as its parent and lists only where
// its own document differs; everything else is inherited. A district stores the id of its pack
// (districts.policy_pack). Bump a pack's version whenever its content changes, so that a stored
// evaluation can say which rules it was made under.
//
// How a rule is resolved for a pack: start from the rule's own defaults (rules/*.ts), apply the
// overrides of each pack from the root down to the chosen one. `params` are merged key by key;
// `citations` and `enabled` are replaced whole.

import type { IsoDate } from '../dates';
import { CITATIONS, forAspect } from './citations';
import { isRuleId, type ParamsOf, RULES, type RuleId } from './rules';
import type { Citation, Localized, Severity } from './types';

export type PackId = 'ZAS' | 'XH' | 'BG' | 'HN' | 'HZ';

export interface RuleOverride<P> {
  /** Put the rule in force (true) or out of force (false) under this pack. */
  enabled?: boolean;
  params?: Partial<P>;
  /** The clauses cited under this pack, replacing those inherited. */
  citations?: Citation[];
  /** What this pack changes and why, with the clause. */
  note: Localized;
}

export type PackOverrides = { [Id in RuleId]?: RuleOverride<ParamsOf<Id>> };

export interface PolicyPack {
  id: PackId;
  version: string;
  title: Localized;
  /** The document the pack follows. */
  source: { code: string; title: string; issuer: string; date: IsoDate };
  parent: PackId | null;
  overrides: PackOverrides;
  /**
   * Whether the district may publish the property company's arrears list (欠费公示); not a check
   * of a quarter but a practice the pack allows. Unset: inherited; at the root, not allowed.
   */
  arrearsDisclosure?: { allowed: boolean; citations: Citation[]; note: Localized };
}

// ---- ZAS: the default ---------------------------------------------------------------------------
// T/ZAS 4006.1—2020 covers formation, size, term, officers and ownership of the committee
// (5.4), commissioners (5.3), party organisations in committee and company (5.1.2) and one
// company per area (5.5.2). Where it is silent on something the platform checks for every
// district — the party share of the committee, yearly training and yearly appraisal of its
// members — the default carries the rule from the seed that states it and cites that seed
// (XH 二（三）7; BG 二（二）7). Rules that only one local document has (BG's reserve pool, HZ's
// monthly dispute meeting) are out of force here and put in force by that document's pack.
const ZAS: PolicyPack = {
  id: 'ZAS',
  version: '1.0.0',
  title: { 'zh-CN': '浙江省团体标准 T/ZAS 4006.1—2020（默认）', en: 'Zhejiang group standard T/ZAS 4006.1—2020 (default)' },
  source: {
    code: 'T/ZAS 4006.1—2020',
    title: '城市住宅小区三方协同治理工作规范 第1部分：总则',
    issuer: '浙江省标准化协会',
    date: '2020-11-16',
  },
  parent: null,
  overrides: {
    'committee-reserve-pool': {
      enabled: false,
      note: { 'zh-CN': '仅百官街道文件（二（二）6）有此要求。', en: 'Only the Baiguan document (二（二）6) asks for this.' },
    },
    'committee-dispute-meeting-monthly': {
      enabled: false,
      note: { 'zh-CN': '仅湖州地方标准（5.1.4.1.3）有此要求。', en: 'Only the Huzhou standard (5.1.4.1.3) asks for this.' },
    },
  },
};

// ---- XH: Xihu district, Hangzhou (西政办〔2020〕29号) --------------------------------------------
// Differs from ZAS in:
// - committee-party-share: 二（三）7 "原则上党员比例要达到50%以上，最低不少于30%" — the default's
//   numbers are XH's own; under this pack the rule cites XH alone.
// - party-organization-required (committees): 二（三）7 "已有3名以上党员的业主委员会应建立党支部" —
//   "应" where ZAS 5.1.2 says "宜", so a committee with 3+ party members and no branch FAILS.
//   Companies: 二（四）11 aims at full coverage of companies by the end of 2021 ("党组织和工作的
//   全覆盖"), which can be met by work coverage without an organisation of their own and sets no
//   per-company number, so ZAS 5.1.2 (warn) stays for companies.
// XH sets no other organisational number for a quarter (its 1–3 property staff per street and
// ≥1 per community, 二（一）3, and the street's monthly meeting, 二（一）1, concern streets and
// communities, not quarters).
const XH: PolicyPack = {
  id: 'XH',
  version: '1.1.0',
  title: { 'zh-CN': '杭州市西湖区 西政办〔2020〕29号', en: 'Xihu district, Hangzhou — 西政办〔2020〕29号' },
  source: {
    code: '西政办〔2020〕29号',
    title: '西湖区加强住宅小区物业综合管理实施意见',
    issuer: '杭州市西湖区人民政府办公室',
    date: '2020-07-24',
  },
  parent: 'ZAS',
  overrides: {
    'committee-party-share': {
      citations: [CITATIONS.xh2c7Share],
      note: {
        'zh-CN': '二（三）7：新组建或新换届业委会党员比例原则上达到50%以上，最低不少于30%。',
        en: '二（三）7: new or re-elected committees should be at least 50% party members, never below 30%.',
      },
    },
    'party-organization-required': {
      params: { committee: { minPartyMembers: 3, statusWhenMissing: 'fail', fullMembersOnly: false } },
      citations: [forAspect(CITATIONS.xh2c7Branch, 'committee'), forAspect(CITATIONS.zas512, 'company')],
      note: {
        'zh-CN': '二（三）7：已有3名以上党员的业主委员会“应”建立党支部（ZAS 为“宜”），未建立即不合规。',
        en: '二（三）7: a committee with 3 or more party members MUST set up a branch (ZAS says "should"), so a missing one fails.',
      },
    },
  },
  // 二（三）10: the owners' credit disclosure, among it those late with the property fee, may be
  // set up by streets and communities, as a rule every half year. No other seed has it.
  arrearsDisclosure: {
    allowed: true,
    citations: [CITATIONS.xh2c10],
    note: {
      'zh-CN': '二（三）10：对逾期不交纳物业服务费等情况，镇街、社区可建立定期公示制度（一般为每半年一次）。',
      en: '二（三）10: streets and communities may publish, as a rule every half year, owners late with the property fee.',
    },
  },
};

// ---- BG: Baiguan street, Shangyu, Shaoxing (百委〔2023〕37号) -----------------------------------
// Differs from ZAS in:
// - commissioner-assigned: 二（一）2 "按照每个小区至少1人的标准选派社工担任小区专员" — at least one,
//   no upper limit (ZAS 5.3.1: exactly one). BG says nothing on induction training, so the
//   ZAS 5.3.1 training requirement is inherited and still cited for it.
// - committee-party-share: 二（一）4 (附件1 序号14) "逐步将业委会成员中党员比例提高至50%左右" — the
//   same 50% target, but BG sets no floor, so falling short only warns (floorPercent null).
// - party-organization-required (companies): 二（四）11 (附件1 序号29) "物业服务企业有3名以上正式党员
//   的，单独建立党组织" — a plain imperative, so a company FAILS without one, and only full (正式)
//   party members count. For committees BG sets no number: ZAS 5.1.2 (warn) stays.
// - committee-reserve-pool: in force, 二（二）6 (附件1 序号19).
// The default's yearly training and yearly appraisal already come from BG 二（二）7.
const BG: PolicyPack = {
  id: 'BG',
  version: '1.0.0',
  title: { 'zh-CN': '绍兴市上虞区百官街道 百委〔2023〕37号', en: 'Baiguan street, Shangyu, Shaoxing — 百委〔2023〕37号' },
  source: {
    code: '百委〔2023〕37号',
    title: '关于强化党建引领社区、业委会和物业服务企业三方协同推动小区微治理的实施意见',
    issuer: '中共绍兴市上虞区百官街道工作委员会',
    date: '2023-06-05',
  },
  parent: 'ZAS',
  overrides: {
    'commissioner-assigned': {
      params: { maxPerQuarter: null },
      citations: [forAspect(CITATIONS.bg2a2, 'count'), forAspect(CITATIONS.zas531, 'training')],
      note: {
        'zh-CN': '二（一）2：每个小区至少1名小区专员（ZAS 为1名），可多于1名；岗前培训仍按 ZAS 5.3.1。',
        en: '二（一）2: at least one commissioner per quarter (ZAS: exactly one); induction training still per ZAS 5.3.1.',
      },
    },
    'committee-party-share': {
      params: { floorPercent: null },
      citations: [CITATIONS.bg2a4, CITATIONS.bgAnnex14],
      note: {
        'zh-CN': '二（一）4：党员比例逐步提高至50%左右，未设最低比例，低于50%仅作提醒。',
        en: '二（一）4: raise the share gradually to about 50%; no floor is set, so a lower share only warns.',
      },
    },
    'party-organization-required': {
      params: { company: { minPartyMembers: 3, statusWhenMissing: 'fail', fullMembersOnly: true } },
      citations: [
        forAspect(CITATIONS.zas512, 'committee'),
        forAspect(CITATIONS.bg2d11, 'company'),
        forAspect(CITATIONS.bgAnnex29, 'company'),
      ],
      note: {
        'zh-CN': '二（四）11：物业服务企业有3名以上正式党员的，单独建立党组织（要求性表述），未建立即不合规；只计正式党员。',
        en: '二（四）11: a property company with 3 or more full party members sets up its own organisation (mandatory wording); only full members count.',
      },
    },
    'committee-reserve-pool': {
      enabled: true,
      note: {
        'zh-CN': '二（二）6：每个小区有一定数量的业委会成员后备人选，其中党员不少于50%。',
        en: '二（二）6: each quarter keeps reserve candidates for the committee, at least 50% party members.',
      },
    },
  },
};

// ---- HN: Hunan province (湘建房〔2021〕231号) ---------------------------------------------------
// Differs from ZAS in:
// - committee-appraisal: 四（三）"推动街道、居（村）民委员会每半年对…业主委员会委员…履职情况进行评估，
//   每年底公布评估结果" (annex 序号24 the same) — every half year instead of every year; the
//   paragraph opens with "各地可建立" (may), so a missed half year warns rather than fails.
// HN sets no other number for a quarter's organisations (its coverage goals for 2024, 一（三）,
// belong to the dashboard).
const HN: PolicyPack = {
  id: 'HN',
  version: '1.0.0',
  title: { 'zh-CN': '湖南省 湘建房〔2021〕231号', en: 'Hunan province — 湘建房〔2021〕231号' },
  source: {
    code: '湘建房〔2021〕231号',
    title: '关于加强城市住宅小区协同治理的指导意见',
    issuer: '湖南省住房和城乡建设厅等四部门',
    date: '2021-12-06',
  },
  parent: 'ZAS',
  overrides: {
    'committee-appraisal': {
      params: { periodMonths: 6, missedStatus: 'warn' },
      citations: [CITATIONS.hn4c, CITATIONS.hnAnnex24],
      note: {
        'zh-CN': '四（三）：每半年对业委会委员履职情况进行评估（“可建立”，未评估作提醒）。',
        en: '四（三）: appraise committee members every half year (introduced with "may", so a missed half year warns).',
      },
    },
  },
};

// ---- HZ: Huzhou (DB3305/T 309—2024) -------------------------------------------------------------
// Differs from ZAS in:
// - committee-dispute-meeting-monthly: in force, 5.1.4.1.3 "业主委员会实行矛盾纠纷分析例会制度，
//   每月…".
// The text we hold stops at 5.1.5.1, before annex A.2 (the committee), so nothing else about the
// committee can be read from it; everything else is inherited.
const HZ: PolicyPack = {
  id: 'HZ',
  version: '1.0.0',
  title: { 'zh-CN': '湖州市地方标准 DB3305/T 309—2024', en: 'Huzhou local standard DB3305/T 309—2024' },
  source: {
    code: 'DB3305/T 309—2024',
    title: '现代小区治理与服务规范',
    issuer: '湖州市市场监督管理局',
    date: '2024-05-31',
  },
  parent: 'ZAS',
  overrides: {
    'committee-dispute-meeting-monthly': {
      enabled: true,
      note: {
        'zh-CN': '5.1.4.1.3：业主委员会每月召开矛盾纠纷分析例会。',
        en: '5.1.4.1.3: the owners’ committee holds a dispute-analysis meeting every month.',
      },
    },
  },
};

const PACKS: Record<PackId, PolicyPack> = { ZAS, XH, BG, HN, HZ };

export const DEFAULT_PACK_ID: PackId = 'ZAS';

export function isPackId(id: unknown): id is PackId {
  return typeof id === 'string' && Object.prototype.hasOwnProperty.call(PACKS, id);
}

/** Thrown for an unknown pack id when the caller asks to be told ({ strict: true }). */
export class UnknownPolicyPackError extends Error {
  readonly code = 'POLICY_PACK_UNKNOWN';
  readonly localized: Localized;
  constructor(readonly packId: string) {
    const known = Object.keys(PACKS).join(', ');
    const localized = {
      'zh-CN': `未知的政策包“${packId}”，可选：${known}`,
      en: `Unknown policy pack "${packId}"; known packs: ${known}`,
    };
    super(localized.en);
    this.name = 'UnknownPolicyPackError';
    this.localized = localized;
  }
}

export class UnknownRuleError extends Error {
  readonly code = 'POLICY_RULE_UNKNOWN';
  constructor(readonly ruleId: string) {
    super(`Unknown policy rule "${ruleId}"`);
    this.name = 'UnknownRuleError';
  }
}

export interface PackOptions {
  /**
   * false (default): an unknown pack id falls back to the default pack (ZAS), so a district
   * with a stale setting still gets the default rules. true: throw UnknownPolicyPackError.
   */
  strict?: boolean;
}

export function getPack(id: string, options: PackOptions = {}): PolicyPack {
  if (isPackId(id)) return PACKS[id];
  if (options.strict) throw new UnknownPolicyPackError(id);
  return PACKS[DEFAULT_PACK_ID];
}

export function listPacks(): PolicyPack[] {
  return Object.values(PACKS);
}

/** The pack and its ancestors, root first. */
/** Whether the pack allows the arrears disclosure, with the clause it rests on (the nearest pack that says). */
export function arrearsDisclosureOf(packId: string): { packId: PackId; allowed: boolean; citations: Citation[]; note: Localized | null } {
  const pack = getPack(packId);
  const said = lineage(pack)
    .reverse()
    .find((p) => p.arrearsDisclosure);
  return { packId: pack.id, allowed: said?.arrearsDisclosure?.allowed ?? false, citations: said?.arrearsDisclosure?.citations ?? [CITATIONS.xh2c10], note: said?.arrearsDisclosure?.note ?? null };
}

function lineage(pack: PolicyPack): PolicyPack[] {
  const chain: PolicyPack[] = [];
  for (let p: PolicyPack | null = pack; p; p = p.parent ? PACKS[p.parent] : null) chain.unshift(p);
  return chain;
}

export interface ResolvedRule<P = unknown> {
  ruleId: RuleId;
  /** The pack actually used (ZAS when an unknown id fell back). */
  packId: PackId;
  packVersion: string;
  enabled: boolean;
  severity: Severity;
  title: Localized;
  description?: Localized;
  params: P;
  citations: Citation[];
  /** The packs that changed this rule from its defaults, with what they changed. */
  changes: { packId: PackId; note: Localized }[];
}

export function resolveRule<Id extends RuleId>(packId: string, ruleId: Id, options: PackOptions = {}): ResolvedRule<ParamsOf<Id>> {
  if (!isRuleId(ruleId)) throw new UnknownRuleError(ruleId);
  const pack = getPack(packId, options);
  const rule = RULES[ruleId];
  let enabled = true;
  let params: Record<string, unknown> = { ...(rule.defaultParams as Record<string, unknown>) };
  let citations: Citation[] = [...rule.citations];
  const changes: ResolvedRule['changes'] = [];
  for (const p of lineage(pack)) {
    const o = p.overrides[ruleId] as RuleOverride<Record<string, unknown>> | undefined;
    if (!o) continue;
    if (o.enabled !== undefined) enabled = o.enabled;
    if (o.params) params = { ...params, ...o.params };
    if (o.citations) citations = [...o.citations];
    changes.push({ packId: p.id, note: o.note });
  }
  const typed = params as ParamsOf<Id>;
  const severityFor = (rule as { severityFor?: (p: ParamsOf<Id>) => Severity }).severityFor;
  return {
    ruleId,
    packId: pack.id,
    packVersion: pack.version,
    enabled,
    severity: severityFor ? severityFor(typed) : rule.severity,
    title: rule.title,
    description: rule.description,
    params: typed,
    citations,
    changes,
  };
}
