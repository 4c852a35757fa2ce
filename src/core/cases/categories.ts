// The categories of complaints and requests (诉求分类) and who handles each by default: the
// functional departments from the duty list annexed to 湘建房〔2021〕231号 (its 24 rows, cited
// by row as '附件 序号8'), and the three parties of the quarter from the seeds (the property
// company, the owners' committee, the community). This list is the default of every district;
// a district may change a category's handler, name or limits, or add its own (stored by the
// cases module per district).
//
// The time limits are the platform's defaults: none of the seeds fixes one. They follow the
// common practice of complaint hotlines (acknowledge within a working day, a reply within 5
// working days for the quarter's own parties and 15 for a department's inspection), and hours
// where delay is a danger (fire, water supply).

import type { TimeLimit } from './deadlines';

export const handlerKinds = ['company', 'committee', 'community', 'department', 'street', 'utility'] as const;
export type HandlerKind = (typeof handlerKinds)[number];

export interface Handler {
  kind: HandlerKind;
  /** The department's Chinese name as the annex names it, where kind is 'department'; else null. */
  department: string | null;
}

export interface CaseCategory {
  code: string;
  name: { 'zh-CN': string; en: string };
  handler: Handler;
  /** The clause the default handler comes from, as users know it. */
  citation: string;
  limits: { acknowledge: TimeLimit; resolve: TimeLimit };
}

/** The departments of the annex (湘建房〔2021〕231号 附件), by the row that names each. */
export const ANNEX_DEPARTMENTS: Record<number, string> = {
  1: '住房和城乡建设部门',
  2: '组织部门',
  3: '文明办',
  4: '平安办',
  5: '民政部门',
  6: '发改部门',
  7: '公安部门',
  8: '城管部门',
  9: '生态环境部门',
  10: '自然资源和规划部门',
  11: '市场监管部门',
  12: '应急管理部门',
  13: '消防救援部门',
  14: '财政部门',
  15: '工信/通信管理部门',
  16: '人社部门',
  17: '教育部门',
  18: '文旅广体部门',
  19: '信访部门',
  20: '园林管理（人居环境）部门',
  21: '司法部门',
  22: '卫健部门',
};

/** Every department name an account or a category may carry. */
export const DEPARTMENTS: readonly string[] = Object.values(ANNEX_DEPARTMENTS);

const HN = '湘建房〔2021〕231号';
const annex = (...rows: number[]) => `${HN} 附件 序号${rows.join('、')}`;
const ZAS = 'T/ZAS 4006.1—2020';

const wd = (amount: number): TimeLimit => ({ amount, unit: 'working_days' });
const hours = (amount: number): TimeLimit => ({ amount, unit: 'hours' });
const usual = { acknowledge: wd(1), resolve: wd(5) };
const inspection = { acknowledge: wd(1), resolve: wd(15) };
const urgent = { acknowledge: hours(2), resolve: wd(1) };

const dept = (row: number): Handler => ({ kind: 'department', department: ANNEX_DEPARTMENTS[row] });
const party = (kind: Exclude<HandlerKind, 'department'>): Handler => ({ kind, department: null });

export const DEFAULT_CATEGORIES: readonly CaseCategory[] = [
  // ---- the quarter's own parties ----
  { code: 'property-service', name: { 'zh-CN': '物业服务（保洁、秩序、维修）', en: 'Property services (cleaning, order, repairs)' }, handler: party('company'), citation: `${ZAS} 6.1.5.1`, limits: usual },
  { code: 'common-facilities', name: { 'zh-CN': '共用部位和共用设施设备', en: 'Common parts and shared facilities' }, handler: party('company'), citation: `${ZAS} 6.1.5.2`, limits: usual },
  { code: 'renovation', name: { 'zh-CN': '违规装修', en: 'Renovation against the rules' }, handler: party('company'), citation: `${HN} 五（二）`, limits: usual },
  { code: 'owners-dispute', name: { 'zh-CN': '业主之间物业使用纠纷', en: 'Disputes between owners over the property' }, handler: party('committee'), citation: `${ZAS} 6.1.4.5`, limits: usual },
  { code: 'public-revenue', name: { 'zh-CN': '公共收益和维修资金', en: 'Public revenue and the maintenance fund' }, handler: party('committee'), citation: `${ZAS} 6.1.4.2、6.1.4.3`, limits: usual },
  { code: 'livelihood', name: { 'zh-CN': '邻里矛盾和其他民生问题', en: 'Neighbours and other everyday matters' }, handler: party('community'), citation: `${ZAS} 6.1.3.4`, limits: usual },
  { code: 'committee-conduct', name: { 'zh-CN': '业主委员会履职', en: "The owners' committee's conduct" }, handler: party('street'), citation: annex(24), limits: inspection },
  { code: 'utilities', name: { 'zh-CN': '水、电、气、通信、有线电视', en: 'Water, power, gas, telecoms, cable' }, handler: party('utility'), citation: annex(23), limits: urgent },
  // ---- departments (湘建房〔2021〕231号 附件) ----
  { code: 'property-supervision', name: { 'zh-CN': '物业服务企业监管', en: 'Supervision of the property company' }, handler: dept(1), citation: annex(1), limits: inspection },
  { code: 'fire-lane', name: { 'zh-CN': '消防车通道、电动自行车停放充电', en: 'Fire lanes, e-bike parking and charging' }, handler: dept(1), citation: annex(1), limits: usual },
  { code: 'fees', name: { 'zh-CN': '物业收费', en: 'Property fees' }, handler: dept(6), citation: annex(6, 11), limits: inspection },
  { code: 'public-order', name: { 'zh-CN': '治安和出租房屋', en: 'Public order and rented homes' }, handler: dept(7), citation: annex(7), limits: usual },
  { code: 'zombie-car', name: { 'zh-CN': '“僵尸车”', en: 'Abandoned vehicles' }, handler: dept(7), citation: annex(7), limits: inspection },
  { code: 'dogs', name: { 'zh-CN': '违法养犬', en: 'Dogs kept against the law' }, handler: dept(7), citation: `${HN} 五（二）；${annex(7)}`, limits: usual },
  { code: 'illegal-construction', name: { 'zh-CN': '违章搭建、乱设摊点', en: 'Illegal construction and street stalls' }, handler: dept(8), citation: annex(8), limits: inspection },
  { code: 'garbage', name: { 'zh-CN': '生活垃圾清运和分类', en: 'Household waste collection and sorting' }, handler: dept(8), citation: annex(8), limits: usual },
  { code: 'pollution-noise', name: { 'zh-CN': '排污单位和噪音污染', en: 'Polluting units and noise' }, handler: dept(9), citation: annex(9), limits: inspection },
  { code: 'planning-change', name: { 'zh-CN': '擅自改变规划', en: 'Changes against the plan' }, handler: dept(10), citation: annex(10), limits: inspection },
  { code: 'elevator', name: { 'zh-CN': '电梯等特种设备安全', en: 'Lifts and other special equipment' }, handler: dept(11), citation: annex(11), limits: urgent },
  { code: 'home-business', name: { 'zh-CN': '住改商、无照经营', en: 'Homes used as shops, unlicensed business' }, handler: dept(11), citation: annex(11), limits: inspection },
  { code: 'fire', name: { 'zh-CN': '消防安全隐患', en: 'Fire hazards' }, handler: dept(13), citation: annex(13), limits: urgent },
  { code: 'staff-wages', name: { 'zh-CN': '物业从业人员工资和劳动合同', en: 'Wages and contracts of property staff' }, handler: dept(16), citation: annex(16), limits: inspection },
  { code: 'home-school', name: { 'zh-CN': '住宅内擅自办学、办培训班', en: 'Unlicensed classes in homes' }, handler: dept(17), citation: annex(17), limits: inspection },
  { code: 'green-space', name: { 'zh-CN': '毁绿、占绿', en: 'Damage to green space' }, handler: dept(20), citation: annex(20), limits: inspection },
  { code: 'water-hygiene', name: { 'zh-CN': '二次供水卫生', en: 'Hygiene of secondary water supply' }, handler: dept(22), citation: annex(22), limits: urgent },
];

export function defaultCategory(code: string): CaseCategory | undefined {
  return DEFAULT_CATEGORIES.find((c) => c.code === code);
}

/** The handler's office as the public sees it: the office, never a person. */
export function handlerLabel(handler: Handler): { 'zh-CN': string; en: string } {
  switch (handler.kind) {
    case 'company':
      return { 'zh-CN': '物业服务企业', en: 'Property company' };
    case 'committee':
      return { 'zh-CN': '业主委员会', en: "Owners' committee" };
    case 'community':
      return { 'zh-CN': '社区', en: 'Community' };
    case 'street':
      return { 'zh-CN': '街道（乡镇）', en: 'Street office' };
    case 'utility':
      return { 'zh-CN': '专营单位', en: 'Utility' };
    case 'department':
      return { 'zh-CN': handler.department ?? '职能部门', en: handler.department ? `Department: ${handler.department}` : 'Functional department' };
  }
}
