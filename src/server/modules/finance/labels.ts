// Names of the finance module's accounts, steps and stages, in both languages, for messages,
// the Excel export and the disclosure.
import type { AccountCode, ProjectStage, ReviewStep } from '../../../core/finance/index';
import type { Localized } from '../../platform/i18n';

export const accountLabels: Record<AccountCode, Localized> = {
  'asset.bank': { 'zh-CN': '银行专户存款', en: 'Special bank account' },
  'asset.cash': { 'zh-CN': '库存现金', en: 'Cash' },
  'income.premises': { 'zh-CN': '物业经营用房收益', en: 'Business premises' },
  'income.common_areas': { 'zh-CN': '公共区域收益', en: 'Common areas' },
  'income.advertising': { 'zh-CN': '广告收益', en: 'Advertising' },
  'income.parking': { 'zh-CN': '停车收益', en: 'Parking' },
  'income.other': { 'zh-CN': '其他收益', en: 'Other income' },
  'use.maintenance_fund': { 'zh-CN': '补充专项维修资金', en: 'Maintenance fund top-up' },
  'use.repairs': { 'zh-CN': '公共设施设备维修', en: 'Repairs of common facilities' },
  'use.assembly_committee': { 'zh-CN': '业主大会、业主委员会工作经费', en: "Assembly and committee expenses" },
  'use.operating': { 'zh-CN': '经营费用', en: 'Operating costs' },
  'use.service_shortfall': { 'zh-CN': '补贴物业服务成本不足', en: 'Property-service shortfall' },
  'use.tax': { 'zh-CN': '税金', en: 'Tax' },
  'use.other': { 'zh-CN': '其他支出', en: 'Other spending' },
};

export const stepLabels: Record<ReviewStep, Localized> = {
  committee_review: { 'zh-CN': '业委会初审', en: "Owners' committee first review" },
  party_review: { 'zh-CN': '社区(小区)党组织审核', en: 'Party organisation review' },
  joint_review: { 'zh-CN': '三方联席会议审议', en: 'Joint meeting review' },
  assembly_decision: { 'zh-CN': '业主大会审定', en: "Owners' assembly decision" },
  decision_publication: { 'zh-CN': '审定结果公开', en: 'Publication of the decision' },
  use_publication: { 'zh-CN': '使用情况公开', en: 'Publication of the use' },
};

export const stageLabels: Record<ProjectStage, Localized> = {
  proposed: { 'zh-CN': '已立项，待业委会初审', en: "proposed, awaiting the committee's first review" },
  committee_reviewed: { 'zh-CN': '业委会已初审，待党组织审核', en: 'first review passed, awaiting the party organisation' },
  party_reviewed: { 'zh-CN': '党组织已审核，待三方联席会议审议', en: 'party review passed, awaiting the joint meeting' },
  joint_reviewed: { 'zh-CN': '联席会议已审议，待业主大会审定', en: "joint meeting passed, awaiting the owners' assembly" },
  assembly_decided: { 'zh-CN': '业主大会已审定，待公开审定结果', en: 'decided by the assembly, awaiting publication of the decision' },
  decision_published: { 'zh-CN': '审定结果已公开，实施中', en: 'decision published, being carried out' },
  use_published: { 'zh-CN': '使用情况已公开', en: 'use published' },
  rejected: { 'zh-CN': '未通过', en: 'refused' },
};

export const roleNames: Record<string, Localized> = {
  committee: { 'zh-CN': '业主委员会', en: "the owners' committee" },
  party_secretary: { 'zh-CN': '小区党组织', en: 'the party organisation' },
  community_office: { 'zh-CN': '社区', en: 'the community office' },
  commissioner: { 'zh-CN': '小区专员', en: 'the quarter commissioner' },
};

export const holderLabels: Record<'residents_committee' | 'owners_committee', Localized> = {
  residents_committee: { 'zh-CN': '居民委员会（代管）', en: "the residents' committee (on the assembly's behalf)" },
  owners_committee: { 'zh-CN': '业主委员会（自行管理，接受居民委员会监管）', en: "the owners' committee (under the residents' committee's supervision)" },
};

export const disclosureStatusLabels: Record<'draft' | 'reviewed' | 'published', Localized> = {
  draft: { 'zh-CN': '草稿', en: 'a draft' },
  reviewed: { 'zh-CN': '已审核', en: 'reviewed' },
  published: { 'zh-CN': '已公示', en: 'published' },
};

/** Yuan with two decimals from fen, as messages show money. */
export { formatFen as yuan } from '../../../core/finance/index';
