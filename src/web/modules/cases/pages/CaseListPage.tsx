// 诉求办理 — the caller's queue of cases (a department: what is dispatched to it; the company and
// the committee: theirs; the offices and the commissioner: every case of their place), with the
// filters that matter at a desk (status, overdue, sent up to the street), the three rates, and
// the form that enters a case that came by phone, visit, patrol or reception day.
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAddressParams } from '../../../lib/address-params';
import { Button, Card, Checkbox, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../auth/session';
import { QueryError } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/feedback';
import { rowTestId } from '../../../testids';
import { TID } from '../testids';
import { useCases, useCategories, useCreateCase, useRates, type CaseStatus, type CaseSummary } from '../api';
import { cst } from './plain-shared';
import RecurringCard from './RecurringCard';
import { QuarterSelect } from '../../../components/QuarterSelect';

const DepartmentAccounts = lazy(() => import('./DepartmentAccounts'));

const STATUSES: CaseStatus[] = ['received', 'acknowledged', 'assigned', 'in_progress', 'replied', 'reopened', 'closed'];
const STATUS_COLOR: Record<CaseStatus, string> = { received: 'default', acknowledged: 'blue', assigned: 'processing', in_progress: 'processing', replied: 'warning', reopened: 'error', closed: 'success' };

export function StatusTag({ status, label }: { status: CaseStatus; label?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid={TID.caseStatus} data-status={status}>
      {label ?? t(`cases.status.${status}`)}
    </Tag>
  );
}

function NewCaseModal({ open, onClose, quarterId }: { open: boolean; onClose: () => void; quarterId?: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const categories = useCategories();
  const create = useCreateCase();
  const navigate = useNavigate();
  const submit = async () => {
    const values = await form.validateFields();
    try {
      const created = await create.mutateAsync(values);
      notifySuccess(t('cases.form.created', { code: created.trackingCode }));
      onClose();
      navigate(`/cases/${created.id}`);
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Modal open={open} title={t('cases.form.title')} onCancel={onClose} onOk={submit} okText={t('cases.form.submit')} okButtonProps={{ 'data-testid': TID.caseFormSubmit, loading: create.isPending }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ quarterId, channel: 'phone' }}>
        <Form.Item name="quarterId" label={t('cases.form.quarter')} rules={[{ required: true }]}>
          <QuarterSelect testId={TID.caseFormQuarter} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="category" label={t('cases.form.category')} rules={[{ required: true }]}>
          <Select
            data-testid={TID.caseFormCategory}
            showSearch
            optionFilterProp="label"
            options={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.name}（${c.handler.label}）` }))}
          />
        </Form.Item>
        <Form.Item name="channel" label={t('cases.form.channel')}>
          <Select data-testid={TID.caseFormChannel} options={(['phone', 'visit', 'patrol', 'reception'] as const).map((c) => ({ value: c, label: t(`cases.channel.${c}`) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('cases.form.description')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea data-testid={TID.caseFormDescription} rows={4} maxLength={2000} />
        </Form.Item>
        <Form.Item name="location" label={t('cases.form.location')}>
          <Input maxLength={200} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="raiserName" label={t('cases.form.raiserName')} style={{ flex: 1 }}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="raiserPhone" label={t('cases.form.raiserPhone')} style={{ flex: 1 }}>
            <Input maxLength={20} />
          </Form.Item>
        </Space.Compact>
      </Form>
    </Modal>
  );
}

function Rates() {
  const { t } = useTranslation();
  const rates = useRates('handler');
  const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);
  if (!rates.data?.items.length) return null;
  return (
    <Card size="small" title={t('cases.rates.title')} style={{ marginBottom: 16 }}>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rates.data.items}
        columns={[
          { title: t('cases.list.handler'), dataIndex: 'label' },
          { title: t('cases.rates.total'), dataIndex: 'total', align: 'right' },
          { title: t('cases.rates.response'), dataIndex: 'responseRate', align: 'right', render: pct },
          { title: t('cases.rates.resolution'), dataIndex: 'resolutionRate', align: 'right', render: pct },
          { title: t('cases.rates.satisfaction'), dataIndex: 'satisfactionRate', align: 'right', render: pct },
          { title: t('cases.rates.hours'), dataIndex: 'meanHoursToReply', align: 'right', render: (v: number | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}

export default function CaseListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { params, page, set, clear } = useAddressParams();
  const quarterId = params.get('quarterId') ?? undefined;
  const status = (params.get('status') as CaseStatus | null) ?? undefined;
  const overdue = params.get('overdue') === 'true';
  const escalated = params.get('escalated') === 'true';
  // Set by the link of a month's recurring problem.
  const category = params.get('category') ?? undefined;
  const month = params.get('month') ?? undefined;
  const pageSize = 20;
  const cases = useCases({ quarterId, status, category, month, overdue, escalated, page, pageSize });
  const [creating, setCreating] = useState(false);
  return (
    <>
      <div className="gz-page-title">
        <Typography.Title level={3}>{t('cases.list.title')}</Typography.Title>
        <div style={{ flex: 1 }} />
        {can('cases.raise') && (
          <Button data-testid={TID.caseNew} type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('cases.list.new')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('cases.list.intro')}</Typography.Paragraph>
      {can('cases.read') && <RecurringCard quarterId={quarterId} />}
      <Rates />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            data-testid={TID.caseFilterStatus}
            style={{ width: 200 }}
            allowClear
            placeholder={t('cases.list.allStatuses')}
            value={status}
            onChange={(v) => set('status', v)}
            options={STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
          />
          <Checkbox data-testid={TID.caseFilterOverdue} checked={overdue} onChange={(e) => set('overdue', e.target.checked ? 'true' : undefined)}>
            {t('cases.list.overdue')}
          </Checkbox>
          <Checkbox data-testid={TID.caseFilterEscalated} checked={escalated} onChange={(e) => set('escalated', e.target.checked ? 'true' : undefined)}>
            {t('cases.list.escalated')}
          </Checkbox>
          {(category || month) && (
            <Tag
              data-testid={TID.caseFilterCategory}
              closable
              onClose={() => clear('category', 'month')}
            >
              {[category && (cases.data?.items[0]?.categoryName ?? category), month].filter(Boolean).join(' · ')}
            </Tag>
          )}
        </Space>
        {cases.error ? (
          <QueryError error={cases.error} onRetry={() => cases.refetch()} />
        ) : (
          <Table<CaseSummary>
            data-testid={TID.caseList}
            rowKey="id"
            loading={cases.isPending}
            dataSource={cases.data?.items}
            onRow={rowTestId<CaseSummary>(TID.caseRow, 'case')}
            locale={{ emptyText: t('cases.list.empty') }}
            pagination={{ current: page, pageSize, total: cases.data?.total ?? 0, showSizeChanger: false, onChange: (p) => set('page', String(p)) }}
            columns={[
              {
                title: t('cases.list.category'),
                dataIndex: 'categoryName',
                render: (name: string, r) => (
                  <Space direction="vertical" size={0}>
                    <Link to={`/cases/${r.id}`} data-testid={TID.caseLink}>
                      {name}
                    </Link>
                    <Typography.Text type="secondary" ellipsis style={{ maxWidth: 420 }}>
                      {r.description}
                    </Typography.Text>
                  </Space>
                ),
              },
              { title: t('cases.list.quarter'), dataIndex: 'quarterName' },
              { title: t('cases.list.handler'), render: (_: unknown, r) => r.handler.label },
              {
                title: t('cases.list.status'),
                render: (_: unknown, r) => (
                  <Space size={4} wrap>
                    <StatusTag status={r.status} label={r.statusLabel} />
                    {r.overdue && (
                      <Tag color="red" data-testid={TID.caseOverdue}>
                        {t('cases.list.overdueTag')}
                      </Tag>
                    )}
                    {r.escalatedAt && <Tag color="volcano">{t('cases.list.escalatedTag')}</Tag>}
                  </Space>
                ),
              },
              { title: t('cases.list.received'), dataIndex: 'receivedAt', render: (v: string) => <span className="gz-num">{cst(v)}</span> },
              { title: t('cases.list.due'), dataIndex: 'resolveDueAt', render: (v: string) => <span className="gz-num">{cst(v)}</span> },
            ]}
          />
        )}
      </Card>
      {can('cases.configure') && (
        <Suspense fallback={null}>
          <DepartmentAccounts />
        </Suspense>
      )}
      <NewCaseModal open={creating} onClose={() => setCreating(false)} quarterId={quarterId} />
    </>
  );
}
