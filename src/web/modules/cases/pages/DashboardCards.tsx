// The cases' cards on the offices' dashboard (/dashboard, GET /api/dashboard → aggregates.cases):
// the overdue cases of the place, which go up to the street (湘建房〔2021〕231号 五（二）), and the
// three rates (三率, as in 接诉即办) with the handling time, over the place and one row a community,
// quarter or category below it. A rate with nothing to count is "—", never 0% or 100%.
import { Card, Empty, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import type { DashboardCardProps } from '../../module';
import { TID } from '../testids';
import { StatusTag } from './CaseListPage';
import type { CaseStatus } from '../api';

type Figures = DashboardCardProps<'cases'>['figures'];
type RateRow = Figures['rates'];

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

function Rule({ text }: { text: string }) {
  return (
    <Typography.Text type="secondary" className="gz-citation" style={{ fontSize: 12 }}>
      〔{text}〕
    </Typography.Text>
  );
}

export function OverdueCasesCard({ figures }: DashboardCardProps<'cases'>) {
  const { t } = useTranslation();
  const more = figures.overdue - figures.overdueCases.length;
  return (
    <Card title={t('cases.dashboard.overdueTitle')} extra={<Link to="/cases?overdue=true">{t('cases.menu')}</Link>} data-testid={TID.dashboardOverdueCases}>
      <Space size={48} style={{ marginBottom: 12 }}>
        <Statistic title={t('cases.dashboard.open')} value={figures.open} />
        <Statistic title={t('cases.dashboard.overdue')} value={figures.overdue} valueStyle={figures.overdue ? { color: '#cf1322' } : undefined} />
        <Statistic title={t('cases.dashboard.escalated')} value={figures.escalated} />
      </Space>
      {figures.overdueCases.length ? (
        <ul className="gz-list">
          {figures.overdueCases.map((c) => (
            <li className="gz-list-item" key={c.id} data-testid={TID.dashboardOverdueCase} data-case-id={c.id}>
              <Space wrap size={8}>
                <Link to={`/cases/${c.id}`}>
                  {c.quarterName} · {c.categoryName}
                </Link>
                <StatusTag status={c.status as CaseStatus} />
                <span className="gz-muted gz-nowrap">
                  {t('cases.dashboard.due')} {formatDateTime(String(c.dueAt))}
                </span>
                {c.escalated ? <Tag color="red">{t('cases.dashboard.escalated')}</Tag> : null}
              </Space>
            </li>
          ))}
        </ul>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.dashboard.noOverdue')} />
      )}
      {more > 0 ? <Typography.Paragraph type="secondary">{t('cases.dashboard.more', { count: more })}</Typography.Paragraph> : null}
      <Rule text={t('cases.dashboard.overdueRule')} />
    </Card>
  );
}

export function RatesCard({ figures }: DashboardCardProps<'cases'>) {
  const { t } = useTranslation();
  const r = figures.rates;
  return (
    <Card title={t('cases.dashboard.ratesTitle')} data-testid={TID.dashboardRates}>
      <Space size={56} wrap style={{ marginBottom: 16 }}>
        <Statistic title={t('cases.rates.total')} value={r.total} />
        <Statistic title={t('cases.rates.response')} value={pct(r.responseRate)} />
        <Statistic title={t('cases.rates.resolution')} value={pct(r.resolutionRate)} />
        <Statistic title={t('cases.rates.satisfaction')} value={pct(r.satisfactionRate)} />
        <Statistic title={t('cases.rates.hours')} value={r.meanHoursToReply ?? '—'} />
      </Space>
      <Table<RateRow>
        size="small"
        rowKey="key"
        pagination={figures.breakdown.items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        dataSource={figures.breakdown.items}
        onRow={(row) => ({ 'data-testid': TID.dashboardRatesRow, 'data-key': row.key }) as React.HTMLAttributes<HTMLTableRowElement>}
        columns={[
          { title: t(`cases.dashboard.by.${figures.breakdown.by}`), dataIndex: 'label' },
          { title: t('cases.rates.total'), dataIndex: 'total', align: 'right', className: 'gz-num' },
          { title: t('cases.rates.response'), dataIndex: 'responseRate', align: 'right', className: 'gz-num', render: pct },
          { title: t('cases.rates.resolution'), dataIndex: 'resolutionRate', align: 'right', className: 'gz-num', render: pct },
          { title: t('cases.rates.satisfaction'), dataIndex: 'satisfactionRate', align: 'right', className: 'gz-num', render: pct },
          { title: t('cases.rates.hours'), dataIndex: 'meanHoursToReply', align: 'right', className: 'gz-num', render: (v: number | null) => v ?? '—' },
        ]}
      />
      <Space orientation="vertical" size={0} style={{ marginTop: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('cases.dashboard.noneHint')}
        </Typography.Text>
        <Rule text={t('cases.dashboard.ratesRule')} />
      </Space>
    </Card>
  );
}
