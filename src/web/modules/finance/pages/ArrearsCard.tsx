// 欠费公示: the property company's half-yearly arrears list, imported from its sheet; streets and
// communities publish it on the public board only where the district's policy pack has the
// disclosure (西政办〔2020〕29号 二（三）10), the room masked there.
import { useState } from 'react';
import { Alert, Button, Card, Input, Popconfirm, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, downloadFile } from '../../../api/client';
import { QueryError } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/feedback';
import { lastEndedHalfYear } from '../../../../core/finance/ledger';
import { TID } from '../testids';
import { financeKeys, importArrears, useArrears, useFinanceMutation } from '../api';
import { todayText, Yuan } from './shared';
import { withRows } from './LedgerTab';

export function ArrearsCard({ quarterId }: { quarterId: string }) {
  const { t } = useTranslation();
  const arrears = useArrears(quarterId);
  const client = useQueryClient();
  const [period, setPeriod] = useState(lastEndedHalfYear(todayText()));
  const publish = useFinanceMutation((id: string) => api.post(`/api/arrears-lists/${id}/publish`));
  if (arrears.error) return <QueryError error={arrears.error} />;
  const d = arrears.data;
  return (
    <Card
      data-testid={TID.arrearsList}
      title={t('finance.arrears.title')}
      extra={
        d?.canRecord && (
          <Space size="middle">
          <Typography.Link
            data-testid={TID.arrearsTemplate}
            onClick={() => downloadFile(`/api/quarters/${quarterId}/arrears/import-template.xlsx`, t('finance.arrears.templateFile')).catch(notifyError)}
          >
            <DownloadOutlined /> {t('finance.arrears.template')}
          </Typography.Link>
          <Space.Compact>
            <Input size="small" style={{ width: 90 }} value={period} onChange={(e) => setPeriod(e.target.value)} aria-label={t('finance.disclosures.period')} />
            <Upload
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                importArrears(quarterId, period, file).then(
                  () => {
                    notifySuccess(t('finance.records.saved'));
                    void client.invalidateQueries({ queryKey: financeKeys.all });
                  },
                  (e) => notifyError(withRows(e)),
                );
                return false;
              }}
            >
              <Button size="small" data-testid={TID.arrearsImport} icon={<UploadOutlined />} title={t('finance.arrears.importHint')}>
                {t('finance.arrears.import')}
              </Button>
            </Upload>
          </Space.Compact>
          </Space>
        )
      }
    >
      {d && (
        <Alert
          type={d.policy.allowed ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          title={d.policy.allowed ? t('finance.arrears.allowed', { pack: d.policy.packId, clause: d.policy.clause }) : t('finance.arrears.notAllowed', { pack: d.policy.packId, clause: d.policy.clause })}
        />
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={d?.items}
        expandable={{
          expandedRowRender: (r) => (
            <Table
              size="small"
              rowKey={(_, i) => String(i)}
              pagination={false}
              dataSource={r.rows.map((row, i) => ({ ...row, publicUnit: r.publicRows[i]?.unit }))}
              columns={[
                { title: t('finance.arrears.building'), dataIndex: 'building' },
                { title: t('finance.arrears.unit'), dataIndex: 'unit' },
                { title: t('finance.arrears.publicUnit'), dataIndex: 'publicUnit' },
                { title: t('finance.arrears.months'), dataIndex: 'monthsOwed', align: 'right' },
                { title: t('finance.arrears.amount'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => <Yuan fen={fen} /> },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('finance.disclosures.period'), dataIndex: 'period' },
          { title: t('finance.arrears.households'), key: 'n', align: 'right', render: (_: unknown, r) => r.rows.length },
          { title: t('finance.arrears.amount'), dataIndex: 'totalFen', align: 'right', render: (fen: number) => <Yuan fen={fen} /> },
          {
            title: '',
            key: 'state',
            render: (_: unknown, r) =>
              r.publishedAt ? (
                <Tag color="green">{t('finance.arrears.published')}</Tag>
              ) : d?.canPublish ? (
                <Popconfirm title={t('finance.arrears.publishConfirm')} onConfirm={() => publish.mutateAsync(r.id).then(() => notifySuccess(t('finance.arrears.published')), notifyError)}>
                  <Button size="small" data-testid={TID.arrearsPublish}>
                    {t('finance.arrears.publish')}
                  </Button>
                </Popconfirm>
              ) : d && !d.policy.allowed ? (
                // The pack has no such disclosure: the list stays internal, and the tag says why.
                <Tag data-testid={TID.arrearsNotAllowed} title={d.policy.clause}>
                  {t('finance.arrears.notPublishable', { pack: d.policy.packId })}
                </Tag>
              ) : (
                <Tag>{t('finance.arrears.unpublished')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
