// Names of stages, steps, parties and record fields in both languages, for the messages of
// errors.ts and the printed notices; and the Asia/Shanghai calendar day that judges "overdue".
import { roleLabels, type Role } from '../../platform/access';
import type { Localized } from '../../platform/i18n';
import type { AdvanceRefusal, ProposalStage, RejectCheck } from '../../../core/deliberation';

export const stageLabels: Record<ProposalStage, Localized> = {
  topic: { 'zh-CN': '议题', en: 'topic' },
  proposed: { 'zh-CN': '提议', en: 'proposed' },
  discussed: { 'zh-CN': '商议', en: 'discussed' },
  reviewed: { 'zh-CN': '审议', en: 'reviewed' },
  resolved: { 'zh-CN': '决议', en: 'resolved' },
  published: { 'zh-CN': '公开', en: 'published' },
  filed: { 'zh-CN': '备案', en: 'filed' },
  rejected: { 'zh-CN': '不通过', en: 'rejected' },
};

const fieldLabels: Record<string, Localized> = {
  opinion: { 'zh-CN': '意见', en: 'opinion' },
  meetingId: { 'zh-CN': '联席会议', en: 'joint meeting' },
  voteId: { 'zh-CN': '业主大会表决', en: "owners' assembly vote" },
  notice: { 'zh-CN': '公开公告', en: 'notice' },
};

export const responsibleLabels: Record<string, Localized> = {
  community: { 'zh-CN': '社区（小区党组织、小区专员）', en: 'the community side (party organisation, commissioner)' },
  committee: { 'zh-CN': '业主委员会', en: "the owners' committee" },
  company: { 'zh-CN': '物业服务企业', en: 'the property service company' },
};

const join = (roles: readonly string[], locale: 'zh-CN' | 'en') => roles.map((r) => roleLabels[r as Role]?.[locale] ?? r).join(locale === 'en' ? ', ' : '、');

/** The parameters of a refused step for its message. */
export function refusalParams(stage: ProposalStage, r: Exclude<AdvanceRefusal | RejectCheck, { ok: true }>): Record<string, unknown> {
  const p: Record<string, unknown> = { clause: r.clause, stageZh: stageLabels[stage]['zh-CN'], stageEn: stageLabels[stage].en };
  if ('next' in r) Object.assign(p, { nextZh: stageLabels[r.next]['zh-CN'], nextEn: stageLabels[r.next].en });
  if ('step' in r) Object.assign(p, { stepZh: stageLabels[r.step]['zh-CN'], stepEn: stageLabels[r.step].en });
  if ('roles' in r) Object.assign(p, { rolesZh: join(r.roles, 'zh-CN'), rolesEn: join(r.roles, 'en') });
  if ('missing' in r) Object.assign(p, { missingZh: r.missing.map((m) => fieldLabels[m]['zh-CN']).join('、'), missingEn: r.missing.map((m) => fieldLabels[m].en).join(', ') });
  return p;
}


const voteStatusLabels: Record<string, Localized> = {
  draft: { 'zh-CN': '草稿', en: 'draft' },
  open: { 'zh-CN': '投票中', en: 'open' },
  closed: { 'zh-CN': '已结束，待公布', en: 'closed, not yet published' },
  published: { 'zh-CN': '已公布', en: 'published' },
};
export const statusLabel = (status: string): Localized => voteStatusLabels[status] ?? { 'zh-CN': status, en: status };
