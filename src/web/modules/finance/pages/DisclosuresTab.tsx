// 半年公示: the quarter's half-yearly disclosures (DB3305/T 309—2024 5.1.2.4), generated from the
// ledger, reviewed by the supervisory committee or the community office, then published.
import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, downloadFile } from '../../../api/client';
import { FormModal } from '../../../components/FormModal';
import { QueryError } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/feedback';
import { rowTestId } from '../../../testids';
import { lastEndedHalfYear } from '../../../../core/finance/ledger';
import { TID } from '../testids';
import { useDisclosure, useDisclosures, useFinanceMutation, type DisclosureSummary } from '../api';
import { stageColor } from './ProjectsTab';
import { todayText, Yuan } from './shared';

const statusColor = { draft: 'default', reviewed: 'blue', published: 'green' } as const;

/** The last four half years that have ended, newest first. */
function recentPeriods(): string[] {
  const out = [lastEndedHalfYear(todayText())];
  while (out.length < 4) {
    const [y, h] = out.at(-1)!.split('H');
    out.push(h === '2' ? `${y}H1` : `${Number(y) - 1}H2`);
  }
  return out;
}

export function DisclosuresTab({ quarterId }: { quarterId: string }) {
  const { t } = useTranslation();
  const list = useDisclosures(quarterId);
  const [open, setOpen] = useState<string | null>(null);
  const [generating, setGenerating] = useState(false);
  const generate = useFinanceMutation((period: string) => api.post<{ id: string }>(`/api/quarters/${quarterId}/disclosures`, { period }));
  if (list.error) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  const d = list.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {d && (
        <Alert
          data-testid={TID.disclosureDue}
          data-published={String(d.due.published)}
          type={d.due.published ? 'success' : 'warning'}
          showIcon
          title={t('finance.disclosures.due', { period: d.due.period, state: d.due.published ? t('finance.disclosures.dueDone') : t('finance.disclosures.dueMissing') })}
        />
      )}
      <Card
        extra={
          d?.canGenerate && (
            <Button type="primary" data-testid={TID.disclosureGenerate} onClick={() => setGenerating(true)}>
              {t('finance.disclosures.generate')}
            </Button>
          )
        }
      >
        <Table<DisclosureSummary>
          data-testid={TID.disclosureList}
          rowKey="id"
          loading={list.isPending}
          dataSource={d?.items}
          pagination={false}
          locale={{ emptyText: t('finance.disclosures.empty') }}
          onRow={rowTestId(TID.disclosureRow, 'disclosure')}
          columns={[
            { title: t('finance.disclosures.period'), dataIndex: 'period' },
            { title: t('finance.disclosures.status'), dataIndex: 'status', render: (s: DisclosureSummary['status']) => <Tag color={statusColor[s]}>{t(`finance.disclosures.statuses.${s}`)}</Tag> },
            { title: t('finance.disclosures.income'), dataIndex: 'incomeFen', align: 'right', render: (fen: number) => <Yuan fen={fen} /> },
            { title: t('finance.disclosures.spending'), dataIndex: 'spendingFen', align: 'right', render: (fen: number) => <Yuan fen={fen} /> },
            { title: t('finance.disclosures.balance'), dataIndex: 'balanceFen', align: 'right', render: (fen: number) => <Yuan fen={fen} /> },
            {
              title: '',
              key: 'open',
              render: (_: unknown, x) => (
                <Button size="small" data-testid={TID.disclosureOpen} onClick={() => setOpen(x.id)}>
                  {t('finance.disclosures.open')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {open && <DisclosureCard id={open} />}
      <FormModal<{ period: string }>
        open={generating}
        title={t('finance.disclosures.generate')}
        onClose={() => setGenerating(false)}
        submitTestId={TID.disclosureGenerateSubmit}
        initialValues={{ period: recentPeriods()[0] }}
        onSubmit={async (v) => {
          const r = await generate.mutateAsync(v.period);
          notifySuccess(t('finance.disclosures.generated', { period: v.period }));
          setOpen(r.id);
        }}
      >
        <Form.Item name="period" label={t('finance.disclosures.period')} extra={t('finance.disclosures.periodHint')}>
          <Select data-testid={TID.disclosurePeriod} options={recentPeriods().map((p) => ({ value: p, label: p }))} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

function DisclosureCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useDisclosure(id);
  const [note, setNote] = useState('');
  const review = useFinanceMutation(() => api.post(`/api/disclosures/${id}/review`, { note: note || undefined }));
  const publish = useFinanceMutation(() => api.post(`/api/disclosures/${id}/publish`));
  if (detail.error) return <QueryError error={detail.error} />;
  const d = detail.data;
  if (!d) return null;
  const f = d.figures;
  return (
    <Card
      data-testid={TID.disclosureFigures}
      title={`${f.period}（${f.from} — ${f.to}）`}
      extra={
        <Space>
          <Tag data-testid={TID.disclosureStatus} data-status={d.status} color={statusColor[d.status]}>
            {t(`finance.disclosures.statuses.${d.status}`)}
          </Tag>
          {d.canReview && (
            <>
              <Input size="small" placeholder={t('finance.disclosures.reviewNote')} value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 220 }} />
              <Button data-testid={TID.disclosureReview} loading={review.isPending} onClick={() => review.mutateAsync(undefined).then(() => notifySuccess(t('finance.disclosures.reviewed')), notifyError)}>
                {t('finance.disclosures.review')}
              </Button>
            </>
          )}
          <Button onClick={() => downloadFile(`/api/disclosures/${id}/export.xlsx`, `disclosure-${f.period}.xlsx`).catch(notifyError)}>{t('finance.export')}</Button>
          {d.canPublish && (
            <Button type="primary" data-testid={TID.disclosurePublish} loading={publish.isPending} onClick={() => publish.mutateAsync(undefined).then(() => notifySuccess(t('finance.disclosures.published')), notifyError)}>
              {t('finance.disclosures.publish')}
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions size="small" column={4} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('finance.disclosures.opening')}>
          <Yuan fen={f.openingFen} />
        </Descriptions.Item>
        <Descriptions.Item label={t('finance.disclosures.income')}>
          <Yuan fen={f.incomeFen} />
        </Descriptions.Item>
        <Descriptions.Item label={t('finance.disclosures.spending')}>
          <Yuan fen={f.spendingFen} />
        </Descriptions.Item>
        <Descriptions.Item label={t('finance.disclosures.balance')}>
          <Yuan fen={f.balanceFen} />
        </Descriptions.Item>
      </Descriptions>
      <Row gutter={16}>
        {(['income', 'spending'] as const).map((side) => (
          <Col span={8} key={side}>
            <Typography.Title level={5}>{t(`finance.disclosures.${side}`)}</Typography.Title>
            <Table
              size="small"
              rowKey="account"
              pagination={false}
              dataSource={f[side]}
              columns={[
                { title: t('finance.accounts.code'), dataIndex: 'label' },
                { title: t('finance.projects.amount'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => <Yuan fen={fen} /> },
              ]}
            />
          </Col>
        ))}
        <Col span={8}>
          <Typography.Title level={5}>{t('finance.disclosures.projects')}</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={f.projects}
            columns={[
              { title: t('finance.projects.title'), dataIndex: 'title' },
              { title: t('finance.projects.paid'), dataIndex: 'paidFen', align: 'right', render: (fen: number) => <Yuan fen={fen} /> },
              { title: t('finance.projects.stage'), dataIndex: 'stageLabel', render: (label: string, p) => <Tag color={stageColor(p.stage)}>{label}</Tag> },
            ]}
          />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {[d.generatedBy, d.reviewedBy && `${t('finance.disclosures.reviewed')}：${d.reviewedBy}${d.reviewNote ? `（${d.reviewNote}）` : ''}`, d.publishedBy && `${t('finance.disclosures.published')}：${d.publishedBy}`].filter(Boolean).join(' · ')}
      </Typography.Paragraph>
    </Card>
  );
}
