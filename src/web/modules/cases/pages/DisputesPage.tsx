// 矛盾纠纷登记与调解 (DB3305/T 309—2024 5.1.4): the disputes of the caller's place, the form that
// registers one, and a dispute's steps with the ones the caller may take (schedule a mediation,
// record the agreement or its failure, follow up); a joint mediation names the other quarters
// (HZ 5.1.4.2), an agreement prints on A4 (PrintAgreementPage), and the second tab is the owners'
// committee's monthly analysis of the register (DisputeAnalysis, HZ 5.1.4.1.3).
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Card, DatePicker, Drawer, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type * as C from '../../../../contracts/cases';
import type { Wire } from '../../../../contracts/common';
import { api } from '../../../api/client';
import { useCan } from '../../../auth/session';
import { QueryError } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/feedback';
import { rowTestId } from '../../../testids';
import { TID } from '../testids';
import { cst } from './plain-shared';
import { StepTimeline } from './StepTimeline';
import { DisputeAnalysis } from './DisputeAnalysis';
import { QuarterSelect } from '../../../components/QuarterSelect';

type Dispute = Wire<z.output<typeof C.disputeSummary>>;
type DisputeDetail = Wire<z.output<typeof C.disputeDetail>>;
type DisputeAction = DisputeDetail['actions'][number];
type JointCandidates = Wire<z.output<typeof C.jointCandidateList>>;
const RISKS = ['low', 'medium', 'high', 'major'] as const;
const CATEGORIES = ['neighbour', 'property_use', 'property_service', 'parking', 'renovation', 'other'] as const;
const RISK_COLOR = { low: 'default', medium: 'blue', high: 'orange', major: 'red' } as const;
const PATH: Record<DisputeAction, string> = { schedule: 'schedule', agree: 'agree', fail: 'fail', follow_up: 'follow-up' };

function StepModal({ id, action, onClose }: { id: string; action: DisputeAction; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const kind = Form.useWatch('kind', form);
  const candidates = useQuery({ queryKey: ['disputes', id, 'joint-candidates'], queryFn: () => api.get<JointCandidates>(`/api/disputes/${id}/joint-candidates`), enabled: action === 'schedule' && kind === 'joint' });
  const step = useMutation({ mutationFn: (body: Record<string, unknown>) => api.post(`/api/disputes/${id}/${PATH[action]}`, body), onSuccess: () => qc.invalidateQueries({ queryKey: ['disputes'] }) });
  const submit = async () => {
    const v = await form.validateFields();
    const body =
      action === 'schedule' ? { kind: v.kind, mediatorName: v.mediatorName, place: v.place || null, at: v.at ? v.at.format() : null, ...(v.kind === 'joint' ? { jointQuarterIds: v.jointQuarterIds ?? [] } : {}) } : action === 'agree' ? { agreement: v.text } : { note: v.text };
    try {
      await step.mutateAsync(body);
      notifySuccess(t('cases.detail.done'));
      onClose();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Modal open title={t(`cases.disputes.actions.${action}`)} onCancel={onClose} onOk={submit} okButtonProps={{ 'data-testid': TID.disputeStepSubmit, loading: step.isPending }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'simple' }}>
        {action === 'schedule' ? (
          <>
            <Form.Item name="kind" label={t('cases.disputes.kind')}>
              <Select data-testid={TID.disputeKind} options={(['simple', 'public', 'joint'] as const).map((k) => ({ value: k, label: t(`cases.disputes.kinds.${k}`) }))} />
            </Form.Item>
            {kind === 'joint' && (
              <Form.Item name="jointQuarterIds" label={t('cases.disputes.jointQuarters')} extra={t('cases.disputes.jointHint')} rules={[{ required: true }]}>
                <Select
                  data-testid={TID.disputeJointQuarters}
                  mode="multiple"
                  maxCount={5}
                  showSearch
                  optionFilterProp="label"
                  loading={candidates.isPending}
                  options={(candidates.data?.items ?? []).map((q) => ({ value: q.id, label: q.name }))}
                />
              </Form.Item>
            )}
            <Form.Item name="mediatorName" label={t('cases.disputes.mediator')} rules={[{ required: true }]}>
              <Input maxLength={60} data-testid={TID.disputeMediatorName} />
            </Form.Item>
            <Form.Item name="at" label={t('cases.disputes.at')} rules={[{ required: kind === 'public' }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="place" label={t('cases.disputes.place')} rules={[{ required: kind === 'public' }]}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="text" label={t(action === 'agree' ? 'cases.disputes.agreement' : action === 'follow_up' ? 'cases.disputes.followUp' : 'cases.disputes.note')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={action === 'agree' ? 8 : 3} maxLength={action === 'agree' ? 4000 : 2000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function DisputeDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['disputes', id], queryFn: () => api.get<DisputeDetail>(`/api/disputes/${id}`) });
  const [action, setAction] = useState<DisputeAction | null>(null);
  const d = q.data;
  return (
    <Drawer open width={560} onClose={onClose} title={d?.subject ?? ''}>
      {q.error ? (
        <QueryError error={q.error} onRetry={() => q.refetch()} />
      ) : d ? (
        <div data-testid={TID.disputeDetail}>
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag color={RISK_COLOR[d.risk]}>{t(`cases.disputes.risks.${d.risk}`)}</Tag>
            <Tag>{t(`cases.disputes.categories.${d.category}`)}</Tag>
            <Tag data-status={d.status}>{t(`cases.disputes.statuses.${d.status}`)}</Tag>
            {d.reportedUpAt && <Tag color="volcano">{t('cases.disputes.reportedUp')}</Tag>}
          </Space>
          <Typography.Paragraph>
            <b>{t('cases.disputes.parties')}：</b>
            {d.parties}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.description}</Typography.Paragraph>
          {d.mediationKind && (
            <Typography.Paragraph>
              <b>{t('cases.disputes.mediation')}：</b>
              {[t(`cases.disputes.kinds.${d.mediationKind}`), d.mediatorName, d.mediationAt && cst(d.mediationAt), d.mediationPlace].filter(Boolean).join(' · ')}
            </Typography.Paragraph>
          )}
          {d.jointQuarters.length > 0 && (
            <Typography.Paragraph data-testid={TID.disputeJointList}>
              <b>{t('cases.disputes.jointQuarters')}：</b>
              {d.jointQuarters.map((q) => q.name).join('、')}
              <Typography.Text type="secondary"> （DB3305/T 309—2024 5.1.4.2）</Typography.Text>
            </Typography.Paragraph>
          )}
          {d.agreement && (
            <Card
              size="small"
              title={t('cases.disputes.agreement')}
              style={{ marginBottom: 12 }}
              extra={
                <Button size="small" icon={<PrinterOutlined />} href={`/print/disputes/${d.id}`} target="_blank" data-testid={TID.disputePrint}>
                  {t('cases.disputes.print')}
                </Button>
              }
            >
              <div style={{ whiteSpace: 'pre-wrap' }}>{d.agreement}</div>
            </Card>
          )}
          {d.actions.length > 0 && (
            <Space wrap style={{ marginBottom: 16 }}>
              {d.actions.map((a, i) => (
                <Button key={a} type={i === 0 ? 'primary' : 'default'} data-testid={TID.disputeAction(a)} onClick={() => setAction(a)}>
                  {t(`cases.disputes.actions.${a}`)}
                </Button>
              ))}
            </Space>
          )}
          <Typography.Title level={5}>{t('cases.disputes.steps')}</Typography.Title>
          <StepTimeline events={d.events} label={(a) => t(`cases.disputes.actions.${a as 'register'}`, { defaultValue: a })} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {d.citation}
          </Typography.Text>
        </div>
      ) : null}
      {action && <StepModal id={id} action={action} onClose={() => setAction(null)} />}
    </Drawer>
  );
}

function NewDispute({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const create = useMutation({ mutationFn: (body: z.input<typeof C.createDisputeBody>) => api.post('/api/disputes', body), onSuccess: () => qc.invalidateQueries({ queryKey: ['disputes'] }) });
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await create.mutateAsync(values);
      notifySuccess(t('cases.detail.done'));
      onClose();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Modal open={open} title={t('cases.disputes.new')} onCancel={onClose} onOk={submit} okButtonProps={{ 'data-testid': TID.disputeFormSubmit, loading: create.isPending }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ risk: 'low', category: 'other' }}>
        <Form.Item name="quarterId" label={t('cases.disputes.quarter')} rules={[{ required: true }]}>
          <QuarterSelect style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="subject" label={t('cases.disputes.subject')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="parties" label={t('cases.disputes.parties')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="category" label={t('cases.disputes.category')}>
          <Select data-testid={TID.disputeCategory} options={CATEGORIES.map((c) => ({ value: c, label: t(`cases.disputes.categories.${c}`) }))} />
        </Form.Item>
        <Form.Item name="risk" label={t('cases.disputes.risk')}>
          <Select options={RISKS.map((r) => ({ value: r, label: t(`cases.disputes.risks.${r}`) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('cases.disputes.description')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function DisputesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const selected = params.get('id');
  const tab = params.get('tab') === 'analysis' ? 'analysis' : 'register';
  // The dispute opened and the tab are kept beside the analysis's quarter and month.
  const patch = (change: Record<string, string | null>) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      for (const [k, v] of Object.entries(change)) {
        if (v === null) next.delete(k);
        else next.set(k, v);
      }
      return next;
    });
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ['disputes', 'list', page], queryFn: () => api.get<{ total: number; items: Dispute[] }>('/api/disputes', { page, pageSize: 20 }) });
  return (
    <>
      <div className="gz-page-title">
        <Typography.Title level={3}>{t('cases.disputes.title')}</Typography.Title>
        <div style={{ flex: 1 }} />
        {can('disputes.register') && (
          <Button type="primary" icon={<PlusOutlined />} data-testid={TID.disputeNew} onClick={() => setCreating(true)}>
            {t('cases.disputes.new')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('cases.disputes.intro')}</Typography.Paragraph>
      <Tabs
        data-testid={TID.disputeTabs}
        activeKey={tab}
        onChange={(k) => patch({ tab: k === 'analysis' ? 'analysis' : null })}
        items={[
          { key: 'register', label: t('cases.disputes.tabs.register') },
          { key: 'analysis', label: t('cases.disputes.tabs.analysis') },
        ]}
      />
      {tab === 'analysis' ? (
        <Card>
          <DisputeAnalysis onOpen={(id) => patch({ id })} />
        </Card>
      ) : (
        <Card>
          {list.error ? (
            <QueryError error={list.error} onRetry={() => list.refetch()} />
          ) : (
            <Table<Dispute>
              data-testid={TID.disputeList}
              rowKey="id"
              loading={list.isPending}
              dataSource={list.data?.items}
              locale={{ emptyText: t('cases.disputes.empty') }}
              onRow={(r) => ({ ...rowTestId<Dispute>(TID.disputeRow, 'dispute')(r), onClick: () => patch({ id: r.id }), style: { cursor: 'pointer' } })}
              pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
              columns={[
                { title: t('cases.disputes.subject'), dataIndex: 'subject' },
                { title: t('cases.disputes.category'), render: (_: unknown, r) => t(`cases.disputes.categories.${r.category}`) },
                { title: t('cases.disputes.quarter'), dataIndex: 'quarterName' },
                {
                  title: t('cases.disputes.risk'),
                  render: (_: unknown, r) => (
                    <Space size={4}>
                      <Tag color={RISK_COLOR[r.risk]}>{t(`cases.disputes.risks.${r.risk}`)}</Tag>
                      {r.reportedUpAt && <Tag color="volcano">{t('cases.disputes.reportedUp')}</Tag>}
                    </Space>
                  ),
                },
                { title: t('cases.disputes.status'), render: (_: unknown, r) => <Tag>{t(`cases.disputes.statuses.${r.status}`)}</Tag> },
                { title: t('cases.disputes.mediation'), render: (_: unknown, r) => (r.mediationKind ? [t(`cases.disputes.kinds.${r.mediationKind}`), r.mediationAt && cst(r.mediationAt), r.mediationPlace].filter(Boolean).join(' · ') : '—') },
                { title: t('cases.disputes.registeredAt'), render: (_: unknown, r) => <span className="gz-num">{cst(r.registeredAt)}</span> },
              ]}
            />
          )}
        </Card>
      )}
      {selected && <DisputeDrawer id={selected} onClose={() => patch({ id: null })} />}
      <NewDispute open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
