// 矛盾纠纷月度分析 (DB3305/T 309—2024 5.1.4.1.3): the owners' committee's monthly dispute-analysis
// meeting reads the register of its quarter for the month — by kind, risk level and where the
// disputes stood at the month's end, the new ones and those carried over, the major ones reported
// upward — and each dispute opens from its row. The month and quarter are in the address
// (?tab=analysis&quarterId=&month=), so a meeting's page links straight to its analysis.
import { useSearchParams } from 'react-router-dom';
import { Card, Col, DatePicker, Descriptions, Empty, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { z } from 'zod';
import type * as C from '../../../../contracts/cases';
import type { Wire } from '../../../../contracts/common';
import { api } from '../../../api/client';
import { QuarterSelect } from '../../../components/QuarterSelect';
import { shanghaiDate } from '../../../../core/dates';
import { QueryError } from '../../../components/QueryState';
import { rowTestId } from '../../../testids';
import { TID } from '../testids';
import { cst } from './plain-shared';

type Analysis = Wire<z.output<typeof C.disputeAnalysis>>;
type Item = Analysis['items'][number];
const RISK_COLOR = { low: 'default', medium: 'blue', high: 'orange', major: 'red' } as const;


export function DisputeAnalysis({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const quarterId = params.get('quarterId') ?? '';
  const month = params.get('month') ?? shanghaiDate().slice(0, 7);
  const set = (patch: Record<string, string>) => setParams((p) => ({ ...Object.fromEntries(p), tab: 'analysis', ...patch }), { replace: true });
  const pickQuarter = (id: string) => set({ quarterId: id });
  const q = useQuery({
    queryKey: ['disputes', 'analysis', quarterId, month],
    queryFn: () => api.get<Analysis>('/api/disputes/analysis', { quarterId, month }),
    enabled: !!quarterId,
  });
  const a = q.data;
  const counts = <K extends string>(values: Record<K, number>, label: (k: K) => string) =>
    (Object.entries(values) as [K, number][])
      .filter(([, n]) => n > 0)
      .map(([k, n]) => (
        <Tag key={k} style={{ marginBottom: 4 }}>
          {label(k)} <b className="gz-num">{n}</b>
        </Tag>
      ));
  return (
    <div data-testid={TID.disputeAnalysis}>
      <Typography.Paragraph type="secondary">{t('cases.analysis.intro', { clause: 'DB3305/T 309—2024 5.1.4.1.3' })}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <span>{t('cases.analysis.quarter')}</span>
        <QuarterSelect testId={TID.disputeAnalysisQuarter} style={{ width: 240 }} placeholder={t('cases.analysis.choose')} value={quarterId || undefined} name={q.data?.quarterName} onChange={pickQuarter} />
        <span>{t('cases.analysis.month')}</span>
        <DatePicker data-testid={TID.disputeAnalysisMonth} picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(v) => v && set({ month: v.format('YYYY-MM') })} />
      </Space>
      {q.error ? (
        <QueryError error={q.error} onRetry={() => q.refetch()} />
      ) : !quarterId ? (
        <Empty description={t('cases.analysis.choose')} />
      ) : a ? (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }} data-testid={TID.disputeAnalysisTotals}>
            {(
              [
                ['total', a.total],
                ['new', a.newCount],
                ['carried', a.carriedOver],
                ['reportedUp', a.reportedUp.length],
              ] as const
            ).map(([k, n]) => (
              <Col span={6} key={k}>
                <Card size="small">
                  <Statistic title={t(`cases.analysis.${k}`)} value={n} valueStyle={k === 'reportedUp' && n > 0 ? { color: '#cf1322' } : undefined} />
                </Card>
              </Col>
            ))}
          </Row>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('cases.analysis.byCategory')}>{counts(a.byCategory, (k) => t(`cases.disputes.categories.${k}`))}</Descriptions.Item>
            <Descriptions.Item label={t('cases.analysis.byRisk')}>{counts(a.byRisk, (k) => t(`cases.disputes.risks.${k}`))}</Descriptions.Item>
            <Descriptions.Item label={t('cases.analysis.byStatus')}>{counts(a.byStatus, (k) => t(`cases.disputes.statuses.${k}`))}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('cases.analysis.items')}</Typography.Title>
          <Table<Item>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={a.items}
            locale={{ emptyText: t('cases.analysis.empty') }}
            onRow={(r) => ({ ...rowTestId<Item>(TID.disputeAnalysisItem, 'dispute')(r), onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('cases.disputes.subject'), dataIndex: 'subject' },
              { title: t('cases.disputes.category'), render: (_: unknown, r) => t(`cases.disputes.categories.${r.category}`) },
              {
                title: t('cases.disputes.risk'),
                render: (_: unknown, r) => (
                  <Space size={4}>
                    <Tag color={RISK_COLOR[r.risk]}>{t(`cases.disputes.risks.${r.risk}`)}</Tag>
                    {r.reportedUpAt && <Tag color="volcano">{t('cases.disputes.reportedUp')}</Tag>}
                  </Space>
                ),
              },
              { title: t('cases.analysis.byStatus'), render: (_: unknown, r) => <Tag>{r.statusLabel}</Tag> },
              {
                title: '',
                render: (_: unknown, r) => (
                  <Space size={4}>
                    <Tag color={r.isNew ? 'green' : 'default'}>{t(r.isNew ? 'cases.analysis.isNew' : 'cases.analysis.isCarried')}</Tag>
                    {r.joint && <Tag color="purple">{t('cases.analysis.joint')}</Tag>}
                  </Space>
                ),
              },
              { title: t('cases.disputes.registeredAt'), render: (_: unknown, r) => <span className="gz-num">{cst(r.registeredAt)}</span> },
            ]}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.citation}
          </Typography.Text>
        </>
      ) : null}
    </div>
  );
}
