// The actions' card on the offices' dashboard (/dashboard, GET /api/dashboard →
// aggregates['deliberation.actions']): open, overdue and closed actions (督办事项) of the place and
// the overdue ones, each a link to the action (T/ZAS 4006.1—2020 6.1.6; DB3305/T 309—2024 5.1.3.2.1.5).
import { Card, Empty, Space, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { DashboardCardProps } from '../../module';
import { TID } from '../testids';

export default function ActionsDashboardCard({ figures }: DashboardCardProps<'deliberation.actions'>) {
  const { t } = useTranslation();
  const more = figures.overdue - figures.overdueActions.length;
  return (
    <Card title={t('deliberation.dashboard.title')} extra={<Link to="/meetings">{t('deliberation.menu.meetings')}</Link>} data-testid={TID.dashboardActions}>
      <Space size={48} style={{ marginBottom: 12 }}>
        <Statistic title={t('deliberation.dashboard.open')} value={figures.open} />
        <Statistic title={t('deliberation.dashboard.overdue')} value={figures.overdue} valueStyle={figures.overdue ? { color: '#cf1322' } : undefined} />
        <Statistic title={t('deliberation.dashboard.closed')} value={figures.closed} />
      </Space>
      {figures.overdueActions.length ? (
        <ul className="gz-list">
          {figures.overdueActions.map((a) => (
            <li className="gz-list-item" key={a.id} data-testid={TID.dashboardOverdueAction} data-action-id={a.id}>
              <Space wrap size={8}>
                <Link to={`/actions/${a.id}`}>
                  {a.quarterName} · {a.title}
                </Link>
                <Tag>{a.responsibleLabel}</Tag>
                <Tag color="red">{t('deliberation.dashboard.due', { date: a.dueDate })}</Tag>
                <span className="gz-muted">{t(`deliberation.actionStatus.${a.status}`, { defaultValue: a.status })}</span>
              </Space>
            </li>
          ))}
        </ul>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deliberation.dashboard.none')} />
      )}
      {more > 0 ? <Typography.Paragraph type="secondary">{t('deliberation.dashboard.more', { count: more })}</Typography.Paragraph> : null}
      <Typography.Text type="secondary" className="gz-citation" style={{ fontSize: 12 }}>
        〔{t('deliberation.dashboard.rule')}〕
      </Typography.Text>
    </Card>
  );
}
