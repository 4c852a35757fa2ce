// Pieces the deliberation pages share: tags of stage and status, the co-signers' support, and the
// reading of a China-time text a form takes ('2026-03-10 19:00' → ISO at +08:00).
import { Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { currentLanguageOf } from '../../../i18n';
import { formatArea, formatCount, formatPercent } from '../../../lib/format';
import type { ActionStatus, MeetingDetail, MeetingStatus, ProposalDetail, ProposalStage } from '../api';

const stageColor: Record<ProposalStage, string> = {
  topic: 'default',
  proposed: 'blue',
  discussed: 'cyan',
  reviewed: 'geekblue',
  resolved: 'purple',
  published: 'gold',
  filed: 'green',
  rejected: 'red',
};

export function StageTag({ stage, testId }: { stage: ProposalStage; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={stageColor[stage]} data-testid={testId} data-stage={stage}>
      {t(`deliberation.stage.${stage}`)}
    </Tag>
  );
}

export function MeetingStatusTag({ status, testId }: { status: MeetingStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'held' ? 'green' : status === 'cancelled' ? 'default' : 'blue'} data-testid={testId} data-status={status}>
      {t(`deliberation.meetingStatus.${status}`)}
    </Tag>
  );
}

export function ActionStatusTag({ status, overdue, testId }: { status: ActionStatus; overdue: boolean; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span data-testid={testId} data-status={status} data-overdue={overdue ? 'true' : 'false'}>
      <Tag color={status === 'closed' ? 'green' : status === 'in_progress' ? 'blue' : 'default'}>{t(`deliberation.actionStatus.${status}`)}</Tag>
      {overdue && <Tag color="red">{t('deliberation.overdue')}</Tag>}
    </span>
  );
}

/** Members and area of the co-signers against the roll, each with its bar up to the 20% line. */
export function SupportBars({ support, testId }: { support: ProposalDetail['support']; testId?: string }) {
  const { t } = useTranslation();
  const pct = (part: number, whole: number) => (whole ? Math.min(100, (part * 100) / whole) : 0);
  return (
    <div data-testid={testId} data-members={support.members} data-area={support.area}>
      <div className="gz-muted" style={{ fontSize: 13 }}>
        {t('deliberation.detail.supportLine', {
          members: formatCount(support.members),
          membersTotal: formatCount(support.membersTotal),
          membersPct: formatPercent(support.members, support.membersTotal),
          area: formatArea(support.area),
          areaTotal: formatArea(support.areaTotal),
          areaPct: formatPercent(support.area, support.areaTotal),
        })}
      </div>
      <Progress percent={pct(support.members, support.membersTotal)} success={{ percent: Math.min(20, pct(support.members, support.membersTotal)) }} showInfo={false} size="small" />
      <Progress percent={pct(support.area, support.areaTotal)} success={{ percent: Math.min(20, pct(support.area, support.areaTotal)) }} showInfo={false} size="small" />
      <div className="gz-muted" style={{ fontSize: 12 }}>
        {t('deliberation.detail.threshold')}
      </div>
    </div>
  );
}

/** '2026-03-10 19:00' or '2026-03-10T19:00' as that time in China (+08:00); null when not a time. */
export function chinaTimeOf(text: string | undefined): string | null {
  const m = /^\s*(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})\s*$/.exec(text ?? '');
  return m ? `${m[1]}T${m[2].padStart(2, '0')}:${m[3]}:00+08:00` : null;
}

type AgendaItem = MeetingDetail['agenda'][number];

/** The calendar duties an agenda item may take up (server: core/deliberation/agenda.ts). */
export const CALENDAR_DUTIES = ['committee-dispute-meeting-monthly', 'committee-training-yearly', 'committee-appraisal', 'committee-term-expiry'] as const;

/** What an agenda item takes up, in words: a case by its tracking code, a duty with its clause. */
export function agendaReferenceText(a: AgendaItem, t: TFunction, language: string): string | null {
  if (a.case) return t('deliberation.meetings.agendaCase', { code: a.case.trackingCode, category: a.case.categoryName });
  if (a.duty) return t('deliberation.meetings.agendaDuty', { duty: a.duty.title[currentLanguageOf(language)], clause: a.duty.citation });
  return null;
}
