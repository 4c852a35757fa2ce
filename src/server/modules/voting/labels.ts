// Labels of the voting module's states, channels and matter classes in both languages, for the
// placeholders of its error messages (errors.ts).
import type { Channel } from '../../../core/voting/record';

export const statusLabels = {
  draft: { 'zh-CN': '草稿', en: 'draft' },
  open: { 'zh-CN': '投票中', en: 'open' },
  closed: { 'zh-CN': '已结束，异议期', en: 'closed, in the objection period' },
  published: { 'zh-CN': '已公布', en: 'published' },
} as const;

export const channelLabels = {
  online: { 'zh-CN': '网上投票', en: 'online' },
  paper: { 'zh-CN': '纸质选票', en: 'paper ballot' },
  proxy: { 'zh-CN': '委托投票', en: 'by proxy' },
} as const;

export const matterLabels = {
  ordinary: { 'zh-CN': '一般事项', en: 'an ordinary matter' },
  special: { 'zh-CN': '特别事项（须四分之三以上同意）', en: 'a special matter (three quarters needed)' },
} as const;

/** The placeholders {statusZh} and {statusEn} of a message about the vote's status. */
export function statusParams(status: string) {
  const label = statusLabels[status as keyof typeof statusLabels] ?? statusLabels.draft;
  return { statusZh: label['zh-CN'], statusEn: label.en };
}

/** The placeholders {channelZh} and {channelEn} of a message about a ballot's channel. */
export function channelParams(channel: string) {
  const label = channelLabels[channel as Channel] ?? channelLabels.online;
  return { channelZh: label['zh-CN'], channelEn: label.en };
}
