// 维修资金、清单与审计: the maintenance fund kept apart (raising and use, each on its vote), the
// three inventories (三张清单, 百委〔2023〕37号 二（三）10), the property company's half-yearly
// fee-collection rate (T/ZAS 4006.1—2020 6.3.2.2) and the audits with their follow-up (二（三）8).
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Popconfirm, Radio, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type * as V from '../../../../contracts/voting';
import type { Wire } from '../../../../contracts/common';
import { api } from '../../../api/client';
import { FormModal } from '../../../components/FormModal';
import { QueryError } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/feedback';
import { lastEndedHalfYear } from '../../../../core/finance/ledger';
import { TID } from '../testids';
import { useAudits, useFeeCollection, useFinanceMutation, useInventories, useMaintenanceFund, type FinanceAudit, type InventoryItem } from '../api';
import { todayText, Yuan, yuanToFen } from './shared';
import { ArrearsCard } from './ArrearsCard';

type VoteList = Wire<z.output<typeof V.voteList>>;
type VoteDetail = Wire<z.output<typeof V.voteDetail>>;

export function RecordsTab({ quarterId }: { quarterId: string }) {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <FundCard quarterId={quarterId} />
      <InventoriesCard quarterId={quarterId} />
      <Row gutter={16}>
        <Col span={12}>
          <FeeCard quarterId={quarterId} />
        </Col>
        <Col span={12}>
          <AuditsCard quarterId={quarterId} />
        </Col>
      </Row>
      <ArrearsCard quarterId={quarterId} />
    </Space>
  );
}

function FundCard({ quarterId }: { quarterId: string }) {
  const { t } = useTranslation();
  const fund = useMaintenanceFund(quarterId);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ kind: 'raise' | 'use'; date: Dayjs; amount: string; memo: string; voteId: string; voteItemId: string }>();
  const voteId = Form.useWatch('voteId', form);
  const votes = useQuery({ queryKey: ['votes', 'list', quarterId], queryFn: () => api.get<VoteList>('/api/votes', { quarterId }), enabled: open });
  const vote = useQuery({ queryKey: ['votes', voteId], queryFn: () => api.get<VoteDetail>(`/api/votes/${voteId}`), enabled: !!voteId });
  const record = useFinanceMutation((body: object) => api.post(`/api/quarters/${quarterId}/maintenance-fund`, body));
  if (fund.error) return <QueryError error={fund.error} />;
  const f = fund.data;
  const required = [{ required: true, message: t('finance.book.required') }];
  return (
    <Card
      title={t('finance.records.fund')}
      extra={
        f?.canRecord && (
          <Button data-testid={TID.fundRecord} onClick={() => setOpen(true)}>
            {t('finance.records.record')}
          </Button>
        )
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('finance.records.fundHint')} />
      {f && (
        <Row gutter={16} style={{ marginBottom: 12 }}>
          <Col span={8}>
            <Statistic title={t('finance.records.raised')} valueRender={() => <Yuan fen={f.raisedFen} />} />
          </Col>
          <Col span={8}>
            <Statistic title={t('finance.records.used')} valueRender={() => <Yuan fen={f.usedFen} />} />
          </Col>
          <Col span={8}>
            <Statistic title={t('finance.records.balance')} valueRender={() => <Yuan fen={f.balanceFen} testId={TID.fundBalance} />} />
          </Col>
        </Row>
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={f?.items}
        columns={[
          { title: t('finance.entries.date'), dataIndex: 'date', width: 110 },
          { title: t('finance.records.kind'), dataIndex: 'kind', width: 80, render: (k: 'raise' | 'use') => <Tag color={k === 'raise' ? 'green' : 'volcano'}>{t(`finance.records.kinds.${k}`)}</Tag> },
          { title: t('finance.entries.memo'), dataIndex: 'memo' },
          { title: t('finance.records.vote'), dataIndex: 'voteTitle' },
          { title: t('finance.projects.amount'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => <Yuan fen={fen} /> },
        ]}
      />
      <FormModal
        open={open}
        form={form}
        title={t('finance.records.fund')}
        onClose={() => setOpen(false)}
        submitTestId="maintenance-fund-submit"
        initialValues={{ kind: 'raise', date: dayjs(todayText()) }}
        onSubmit={async (v) => {
          await record.mutateAsync({ kind: v.kind, date: v.date.format('YYYY-MM-DD'), amountFen: yuanToFen(v.amount), memo: v.memo, voteId: v.voteId, voteItemId: v.voteItemId });
          notifySuccess(t('finance.records.saved'));
          form.resetFields();
        }}
      >
        <Form.Item name="kind" label={t('finance.records.kind')}>
          <Radio.Group optionType="button" options={(['raise', 'use'] as const).map((k) => ({ value: k, label: t(`finance.records.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="date" label={t('finance.book.date')} rules={required}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="amount" label={t('finance.book.amount')} rules={[{ validator: (_, v) => (yuanToFen(v) ? Promise.resolve() : Promise.reject(new Error(t('finance.book.amountInvalid')))) }]}>
          <Input prefix="¥" inputMode="decimal" />
        </Form.Item>
        <Form.Item name="memo" label={t('finance.book.memo')} rules={required}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="voteId" label={t('finance.records.vote')} rules={required}>
          <Select
            onChange={() => form.setFieldValue('voteItemId', undefined)}
            options={(votes.data?.items ?? []).filter((x) => x.status === 'published' && !x.buildingId).map((x) => ({ value: x.id, label: x.title }))}
          />
        </Form.Item>
        <Form.Item name="voteItemId" label={t('finance.records.voteItem')} rules={required}>
          <Select options={(vote.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.id}. ${i.title}` }))} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

function InventoriesCard({ quarterId }: { quarterId: string }) {
  const { t } = useTranslation();
  const inv = useInventories(quarterId);
  const [open, setOpen] = useState(false);
  const add = useFinanceMutation((body: object) => api.post(`/api/quarters/${quarterId}/inventory-items`, body));
  const remove = useFinanceMutation((id: string) => api.delete(`/api/inventory-items/${id}`));
  if (inv.error) return <QueryError error={inv.error} />;
  const d = inv.data;
  const table = (items: InventoryItem[] | undefined) => (
    <Table<InventoryItem>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={items}
      columns={[
        { title: t('finance.records.name'), dataIndex: 'name' },
        { title: t('finance.records.quantity'), dataIndex: 'quantity' },
        { title: t('finance.records.location'), dataIndex: 'location' },
        { title: t('finance.records.value'), dataIndex: 'valueFen', align: 'right', render: (fen: number | null) => (fen === null ? '—' : <Yuan fen={fen} />) },
        ...(d?.canManage
          ? [
              {
                title: '',
                key: 'remove',
                width: 60,
                render: (_: unknown, i: InventoryItem) => (
                  <Popconfirm title={t('finance.records.remove')} onConfirm={() => remove.mutateAsync(i.id).catch(notifyError)}>
                    <Button size="small" type="link" danger>
                      {t('finance.records.remove')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]
          : []),
      ]}
    />
  );
  return (
    <Card
      data-testid={TID.inventoryList}
      title={t('finance.records.inventories')}
      extra={
        d?.canManage && (
          <Button data-testid={TID.inventoryAdd} onClick={() => setOpen(true)}>
            {t('finance.records.add')}
          </Button>
        )
      }
    >
      <Row gutter={16}>
        <Col span={8}>
          <h4>{t('finance.records.inventoryKinds.resource')}</h4>
          {table(d?.resources)}
        </Col>
        <Col span={8}>
          <h4>{t('finance.records.inventoryKinds.asset')}</h4>
          {table(d?.assets)}
        </Col>
        <Col span={8}>
          <h4>{t('finance.records.inventoryKinds.fund')}</h4>
          {d && (
            <div style={{ marginBottom: 8 }}>
              {t('finance.records.ledgerHeld')}：<Yuan fen={d.ledgerHeldFen} />
            </div>
          )}
          {table(d?.funds)}
        </Col>
      </Row>
      <FormModal<{ kind: string; name: string; quantity?: string; location?: string; value?: string; description?: string }>
        open={open}
        title={t('finance.records.inventories')}
        onClose={() => setOpen(false)}
        submitTestId="inventory-submit"
        initialValues={{ kind: 'resource' }}
        onSubmit={async (v) => {
          await add.mutateAsync({ kind: v.kind, name: v.name, quantity: v.quantity, location: v.location, description: v.description, valueFen: v.value ? yuanToFen(v.value) : null });
          notifySuccess(t('finance.records.saved'));
        }}
      >
        <Form.Item name="kind" label={t('finance.records.kind')}>
          <Radio.Group optionType="button" options={(['resource', 'asset', 'fund'] as const).map((k) => ({ value: k, label: t(`finance.records.inventoryKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('finance.records.name')} rules={[{ required: true, whitespace: true, message: t('finance.book.required') }]}>
          <Input data-testid={TID.inventoryName} maxLength={200} />
        </Form.Item>
        <Form.Item name="quantity" label={t('finance.records.quantity')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="location" label={t('finance.records.location')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="value" label={t('finance.records.value')}>
          <Input prefix="¥" inputMode="decimal" />
        </Form.Item>
        <Form.Item name="description" label={t('finance.records.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

function FeeCard({ quarterId }: { quarterId: string }) {
  const { t } = useTranslation();
  const fee = useFeeCollection(quarterId);
  const [open, setOpen] = useState(false);
  const report = useFinanceMutation((body: object) => api.post(`/api/quarters/${quarterId}/fee-collection`, body));
  if (fee.error) return <QueryError error={fee.error} />;
  const d = fee.data;
  return (
    <Card
      data-testid={TID.feeList}
      title={t('finance.records.fee')}
      extra={
        d?.canReport && (
          <Button data-testid={TID.feeReport} onClick={() => setOpen(true)}>
            {t('finance.records.report')}
          </Button>
        )
      }
    >
      {d && <Alert type={d.due.reported ? 'success' : 'warning'} showIcon style={{ marginBottom: 12 }} title={t('finance.records.feeDue', { period: d.due.period, state: d.due.reported ? t('finance.records.feeReported') : t('finance.records.feeMissing') })} />}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={d?.items}
        columns={[
          { title: t('finance.disclosures.period'), dataIndex: 'period' },
          { title: t('finance.records.receivable'), dataIndex: 'receivableFen', align: 'right', render: (fen: number) => <Yuan fen={fen} /> },
          { title: t('finance.records.collected'), dataIndex: 'collectedFen', align: 'right', render: (fen: number) => <Yuan fen={fen} /> },
          { title: t('finance.records.rate'), dataIndex: 'rateBasisPoints', align: 'right', render: (bp: number | null) => (bp === null ? '—' : `${(bp / 100).toFixed(2)}%`) },
          { title: t('finance.records.householdsPaid'), key: 'households', align: 'right', render: (_: unknown, r) => `${r.householdsPaid}/${r.householdsDue}` },
        ]}
      />
      <FormModal<{ period: string; receivable: string; collected: string; householdsDue: number; householdsPaid: number }>
        open={open}
        title={t('finance.records.fee')}
        onClose={() => setOpen(false)}
        submitTestId="fee-collection-submit"
        initialValues={{ period: lastEndedHalfYear(todayText()) }}
        onSubmit={async (v) => {
          await report.mutateAsync({ period: v.period, receivableFen: yuanToFen(v.receivable) ?? 0, collectedFen: yuanToFen(v.collected) ?? 0, householdsDue: v.householdsDue, householdsPaid: v.householdsPaid });
          notifySuccess(t('finance.records.saved'));
        }}
      >
        <Form.Item name="period" label={t('finance.disclosures.period')} rules={[{ required: true, pattern: /^\d{4}H[12]$/, message: t('finance.disclosures.periodHint') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="receivable" label={t('finance.records.receivable')} rules={[{ required: true, message: t('finance.book.required') }]}>
          <Input prefix="¥" inputMode="decimal" />
        </Form.Item>
        <Form.Item name="collected" label={t('finance.records.collected')} rules={[{ required: true, message: t('finance.book.required') }]}>
          <Input prefix="¥" inputMode="decimal" />
        </Form.Item>
        <Form.Item name="householdsDue" label={t('finance.records.householdsDue')} rules={[{ required: true, message: t('finance.book.required') }]}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
        <Form.Item name="householdsPaid" label={t('finance.records.householdsPaid')} rules={[{ required: true, message: t('finance.book.required') }]}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

function AuditsCard({ quarterId }: { quarterId: string }) {
  const { t } = useTranslation();
  const audits = useAudits(quarterId);
  const [open, setOpen] = useState(false);
  const create = useFinanceMutation((body: object) => api.post(`/api/quarters/${quarterId}/finance-audits`, body));
  const resolve = useFinanceMutation((id: string) => api.patch(`/api/finance-audits/${id}`, { resolvedOn: todayText() }));
  if (audits.error) return <QueryError error={audits.error} />;
  const d = audits.data;
  return (
    <Card
      data-testid={TID.auditList}
      title={t('finance.records.audits')}
      extra={
        d?.canRecord && (
          <Button data-testid={TID.auditAdd} onClick={() => setOpen(true)}>
            {t('finance.records.add')}
          </Button>
        )
      }
    >
      <Table<FinanceAudit>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={d?.items}
        columns={[
          { title: t('finance.records.auditedOn'), dataIndex: 'auditedOn', width: 105 },
          { title: t('finance.records.kind'), dataIndex: 'kind', render: (k: FinanceAudit['kind'], a) => `${t(`finance.records.auditKinds.${k}`)} · ${a.periodLabel}` },
          { title: t('finance.records.findings'), dataIndex: 'findings' },
          {
            title: t('finance.records.followUp'),
            key: 'status',
            render: (_: unknown, a) =>
              a.status === 'resolved' ? (
                <Tag color="green">{t('finance.records.statuses.resolved')}</Tag>
              ) : d?.canRecord ? (
                <Button size="small" onClick={() => resolve.mutateAsync(a.id).catch(notifyError)}>
                  {t('finance.records.resolve')}
                </Button>
              ) : (
                <Tag color="gold">{t('finance.records.statuses.open')}</Tag>
              ),
          },
        ]}
      />
      <FormModal<{ kind: string; periodLabel: string; auditor: string; auditedOn: Dayjs; findings?: string }>
        open={open}
        title={t('finance.records.audits')}
        onClose={() => setOpen(false)}
        submitTestId="finance-audit-submit"
        initialValues={{ kind: 'yearly_spot', auditedOn: dayjs(todayText()) }}
        onSubmit={async (v) => {
          await create.mutateAsync({ kind: v.kind, periodLabel: v.periodLabel, auditor: v.auditor, auditedOn: v.auditedOn.format('YYYY-MM-DD'), findings: v.findings });
          notifySuccess(t('finance.records.saved'));
        }}
      >
        <Form.Item name="kind" label={t('finance.records.kind')}>
          <Select options={(['yearly_spot', 'term_end', 'other'] as const).map((k) => ({ value: k, label: t(`finance.records.auditKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="periodLabel" label={t('finance.records.periodLabel')} rules={[{ required: true, whitespace: true, message: t('finance.book.required') }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="auditor" label={t('finance.records.auditor')} rules={[{ required: true, whitespace: true, message: t('finance.book.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="auditedOn" label={t('finance.records.auditedOn')} rules={[{ required: true, message: t('finance.book.required') }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="findings" label={t('finance.records.findings')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
