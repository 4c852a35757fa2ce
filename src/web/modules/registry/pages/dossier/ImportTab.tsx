import { useEffect, useState, type HTMLAttributes } from 'react';
import { Alert, Button, Card, Progress, Result, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, FileExcelOutlined, FileTextOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, downloadFile } from '../../../../api/client';
import { useImportRun, type ImportRowError, type ImportRun, type ImportStarted, type ImportStatus } from '../../api';
import { hasPermission } from '../../../../auth/session';
import { notifyError } from '../../../../lib/feedback';
import { TID } from '../../testids';
import type { DossierTabProps } from '../../../module';

const TEMPLATE_COLUMNS = ['楼栋', '房号', '专有部分面积(㎡)', '用途', '不动产权证号', '业主类型', '业主姓名', '身份证号', '联系电话'];

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; fileName: string }
  | { kind: 'tracking'; importId: string; fileName: string; total: number }
  | { kind: 'rejected'; importId: string | null; fileName: string; rows: ImportRowError[]; message: string };

/**
 * 导入导出: bulk import of buildings, units and owners as the property company or the housing
 * bureau hands them over. The server writes nothing unless every row is good, so a rejected
 * file shows every bad row at once, to be fixed in one go.
 */
export function ImportTab({ quarterId, dossier, user }: DossierTabProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canImport = hasPermission(user, 'registry.import');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [downloading, setDownloading] = useState<string | null>(null);
  const tracking = phase.kind === 'tracking' ? phase : null;
  const run = useImportRun(tracking?.importId ?? null, true);
  const status = run.data?.status as ImportStatus | undefined; // a string in the contract

  // Once the server has written the file, everything the dossier shows has changed.
  useEffect(() => {
    if (status === 'done') void queryClient.invalidateQueries({ queryKey: ['quarter', quarterId] });
  }, [status, quarterId, queryClient]);

  const download = async (key: string, path: string, fallback: string, query?: Record<string, string>) => {
    setDownloading(key);
    try {
      await downloadFile(path, fallback, query);
    } catch (err) {
      notifyError(err);
    } finally {
      setDownloading(null);
    }
  };

  const upload = async (file: File) => {
    setPhase({ kind: 'uploading', fileName: file.name });
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const answer = await api.upload<ImportStarted>(`/api/quarters/${quarterId}/imports`, form);
      setPhase({ kind: 'tracking', importId: answer.id, fileName: file.name, total: answer.total });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'IMPORT_REJECTED') {
        const details = (err.details ?? {}) as { importId?: string; rows?: ImportRowError[] };
        setPhase({ kind: 'rejected', importId: details.importId ?? null, fileName: file.name, rows: details.rows ?? [], message: err.message });
      } else {
        setPhase({ kind: 'idle' });
        notifyError(err);
      }
    }
  };

  const fileBase = `${dossier.quarter.name}`;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div className="gz-import-steps">
        {canImport && (
          <Card size="small" title={t('import.step1')}>
            <Typography.Paragraph type="secondary">{t('import.templateHint')}</Typography.Paragraph>
            <Space size={[4, 6]} wrap style={{ marginBottom: 16 }}>
              {TEMPLATE_COLUMNS.map((c) => (
                <Tag key={c} style={{ marginInlineEnd: 0 }}>
                  {c}
                </Tag>
              ))}
            </Space>
            <Space wrap>
              <Button
                data-testid={TID.importTemplateXlsx}
                icon={<FileExcelOutlined />}
                loading={downloading === 'xlsx'}
                onClick={() => download('xlsx', '/api/import/template', '小区档案导入模板.xlsx', { format: 'xlsx' })}
              >
                {t('import.templateXlsx')}
              </Button>
              <Button
                data-testid={TID.importTemplateCsv}
                icon={<FileTextOutlined />}
                loading={downloading === 'csv'}
                onClick={() => download('csv', '/api/import/template', '小区档案导入模板.csv', { format: 'csv' })}
              >
                {t('import.templateCsv')}
              </Button>
            </Space>
          </Card>
        )}
        {canImport && (
          <Card size="small" title={t('import.step2')}>
            <Upload.Dragger
              data-testid={TID.importUpload}
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              multiple={false}
              showUploadList={false}
              disabled={phase.kind === 'uploading' || (phase.kind === 'tracking' && (!status || status === 'writing'))}
              beforeUpload={(file) => {
                void upload(file);
                return false; // we send it ourselves, with the CSRF header
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('import.dropHere')}</p>
              <p className="ant-upload-hint">{t('import.allOrNothing')}</p>
            </Upload.Dragger>
          </Card>
        )}
        <Card size="small" title={t('import.exportTitle')}>
          <Typography.Paragraph type="secondary">{t('import.exportHint')}</Typography.Paragraph>
          <Button
            data-testid={TID.exportButton}
            type="primary"
            icon={<DownloadOutlined />}
            loading={downloading === 'export'}
            onClick={() => download('export', `/api/quarters/${quarterId}/export`, `${fileBase}-小区档案.xlsx`)}
          >
            {t('import.export')}
          </Button>
        </Card>
      </div>

      {phase.kind === 'uploading' && (
        <Card size="small">
          <div data-testid={TID.importProgress} data-status="uploading">
            <Typography.Text>{t('import.uploading', { file: phase.fileName })}</Typography.Text>
            <Progress percent={100} status="active" showInfo={false} />
          </div>
        </Card>
      )}

      {tracking && <ImportProgress run={run.data} total={tracking.total} fileName={tracking.fileName} error={run.error} />}

      {phase.kind === 'rejected' && (
        <RejectedRows
          rows={phase.rows}
          message={phase.message}
          fileName={phase.fileName}
          onReport={
            phase.importId
              ? () => download('report', `/api/imports/${phase.importId}/report`, `导入错误报告-${phase.fileName.replace(/\.\w+$/, '')}.xlsx`)
              : undefined
          }
          reportLoading={downloading === 'report'}
        />
      )}
    </Space>
  );
}

function ImportProgress({ run, total, fileName, error }: { run: ImportRun | undefined; total: number; fileName: string; error: unknown }) {
  const { t } = useTranslation();
  if (error) return <Alert type="error" showIcon title={error instanceof Error ? error.message : String(error)} />;
  const status = run?.status ?? 'writing';
  const all = run?.total ?? total;
  const done = run?.processed ?? 0;
  if (status === 'writing') {
    const percent = all ? Math.min(99, Math.floor((done * 100) / all)) : 0;
    return (
      <Card size="small">
        <div data-testid={TID.importProgress} data-status="writing">
          <Typography.Text>{t('import.writing', { file: fileName, done, total: all })}</Typography.Text>
          <Progress percent={percent} status="active" />
        </div>
      </Card>
    );
  }
  if (status === 'done') {
    const s = run?.summary;
    return (
      <Card size="small">
        <Result
          data-testid={TID.importSummary}
          status="success"
          style={{ padding: '16px 24px' }}
          title={t('import.doneTitle', { total: all })}
          subTitle={s ? t('import.summary', { buildings: s.buildings, units: s.units, owners: s.owners }) : undefined}
        >
          {!!s?.sampleRows && (
            <Alert data-testid={TID.importSampleSkipped} type="info" showIcon title={t('import.sampleRowsSkipped', { count: s.sampleRows })} />
          )}
        </Result>
      </Card>
    );
  }
  if (status === 'rejected' && run) {
    return <RejectedRows rows={run.rows} message={t('import.rejectedTitle', { count: run.rows.length })} fileName={fileName} />;
  }
  return <Alert data-testid={TID.importFailed} type="error" showIcon title={t('import.failed')} description={t('import.failedHint')} />;
}

function RejectedRows({
  rows,
  message,
  fileName,
  onReport,
  reportLoading,
}: {
  rows: ImportRowError[];
  message: string;
  fileName: string;
  onReport?: () => void;
  reportLoading?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid={TID.importRejected}>
      <Alert
        type="error"
        showIcon
        title={message}
        description={t('import.rejectedHint', { file: fileName, count: rows.length })}
        action={
          onReport && (
            <Button data-testid={TID.importReport} icon={<DownloadOutlined />} onClick={onReport} loading={reportLoading}>
              {t('import.downloadReport')}
            </Button>
          )
        }
        style={{ marginBottom: 12 }}
      />
      <Table<ImportRowError & { key: number }>
        data-testid={TID.importErrors}
        size="small"
        rowKey="key"
        dataSource={rows.map((r, i) => ({ ...r, key: i }))}
        onRow={() => ({ 'data-testid': TID.importErrorRow }) as HTMLAttributes<HTMLElement>}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: t('import.row'), dataIndex: 'row', width: 90, render: (v: number) => <strong className="gz-num">{v}</strong> },
          { title: t('import.field'), dataIndex: 'field', width: 180, render: (v: string) => v || '—' },
          { title: t('import.reason'), dataIndex: 'reason' },
        ]}
      />
    </Card>
  );
}
