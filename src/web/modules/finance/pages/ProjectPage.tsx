// One fund-use project: its purpose, quotes and amount, the steps of 四审两公开 (百委〔2023〕37号
// 二（三）9) with who took each and the form for the next, the assembly's vote it rests on, and
// its payments (each booked in the public-revenue ledger).
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, Input, Radio, Row, Select, Space, Steps, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type * as V from '../../../../contracts/voting';
import type { Wire } from '../../../../contracts/common';
import { api } from '../../../api/client';
import { FormModal } from '../../../components/FormModal';
import { Loading, QueryError } from '../../../components/QueryState';
import { notifySuccess } from '../../../lib/feedback';
import { formatDateTime } from '../../../lib/format';
import { TID } from '../testids';
import { useFinanceMutation, useProject, type PaymentBody, type ProjectDetail, type TakeStepBody } from '../api';
import { stageColor } from './ProjectsTab';
import { todayText, Yuan, yuanToFen } from './shared';

type VoteList = Wire<z.output<typeof V.voteList>>;
type VoteDetail = Wire<z.output<typeof V.voteDetail>>;

export default function ProjectPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const project = useProject(id);
  const [taking, setTaking] = useState(false);
  const [paying, setPaying] = useState(false);
  if (project.error) return <QueryError error={project.error} onRetry={() => project.refetch()} />;
  const p = project.data;
  if (!p) return <Loading />;
  const current = p.steps.findIndex((s) => s.step === p.nextStep);
  const nextLabel = p.steps.find((s) => s.step === p.nextStep)?.label ?? '';
  return (
    <>
      <div className="gz-page-title">
        <Link to={`/finance?quarterId=${p.quarterId}&tab=projects`}>
          <ArrowLeftOutlined /> {t('finance.project.back')}
        </Link>
        <Typography.Title level={3} data-testid={TID.projectTitle} style={{ margin: '0 16px' }}>
          {p.title}
        </Typography.Title>
        <Tag data-testid={TID.projectStage} data-stage={p.stage} color={stageColor(p.stage)}>
          {p.stageLabel}
        </Tag>
      </div>
      <Row gutter={16}>
        <Col span={9}>
          <Card>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('finance.project.amount')}>
                <Yuan fen={p.amountFen} />
              </Descriptions.Item>
              <Descriptions.Item label={t('finance.projects.category')}>{p.categoryLabel}</Descriptions.Item>
              <Descriptions.Item label={t('finance.project.paid')}>
                <Yuan fen={p.paidFen} />
              </Descriptions.Item>
              <Descriptions.Item label={t('finance.project.threshold')}>
                <Yuan fen={p.thresholdFen} /> {p.large ? <Tag color="purple">{t('finance.projects.large')}</Tag> : <Tag>{t('finance.projects.small')}</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label={t('finance.project.purpose')}>{p.purpose || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('finance.project.quotes')}>
                {p.quotes.length ? (
                  <div>
                    {p.quotes.map((q, i) => (
                      <div key={i}>
                        {q.supplier} <Yuan fen={q.amountFen} />
                        {q.note ? `（${q.note}）` : ''}
                      </div>
                    ))}
                  </div>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
              {p.vote && (
                <Descriptions.Item label={t('finance.project.decision')}>
                  <Link to={`/votes/${p.vote.id}`}>{p.vote.title}</Link> · {p.vote.itemTitle}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
        <Col span={15}>
          <Card
            title={t('finance.project.steps')}
            extra={
              p.canTakeNext && (
                <Button type="primary" data-testid={TID.projectStepTake} onClick={() => setTaking(true)}>
                  {t('finance.project.takeStep', { step: nextLabel })}
                </Button>
              )
            }
          >
            <Steps
              data-testid={TID.projectSteps}
              orientation="vertical"
              size="small"
              current={current < 0 ? p.steps.length : current}
              status={p.stage === 'rejected' ? 'error' : undefined}
              items={p.steps.map((s) => ({
                title: s.label,
                status: s.outcome === 'approved' ? 'finish' : s.outcome === 'rejected' ? 'error' : s.step === p.nextStep ? 'process' : 'wait',
                description: (
                  <div data-step={s.step} data-outcome={s.outcome ?? ''}>
                    <Typography.Text type="secondary">{t('finance.project.roles', { roles: s.roles.join(' / ') })}</Typography.Text>
                    {s.outcome && (
                      <div>
                        {t(`finance.project.outcomes.${s.outcome}`)} · {s.takenBy} · {formatDateTime(s.takenAt)}
                        {s.note ? ` · ${s.note}` : ''}
                      </div>
                    )}
                  </div>
                ),
              }))}
            />
          </Card>
          <Card
            style={{ marginTop: 16 }}
            title={t('finance.project.payments')}
            extra={
              p.canPay && (
                <Button type="primary" data-testid={TID.projectPay} onClick={() => setPaying(true)}>
                  {t('finance.project.pay')}
                </Button>
              )
            }
          >
            {!p.paymentAllowed && p.large && p.stage !== 'use_published' && p.stage !== 'rejected' && (
              <Alert data-testid={TID.projectPaymentBlocked} type="warning" showIcon style={{ marginBottom: 12 }} title={t('finance.project.paymentBlocked', { citation: p.citation })} />
            )}
            <Table
              data-testid={TID.projectPayments}
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={p.payments}
              columns={[
                { title: t('finance.entries.seq'), dataIndex: 'seq', width: 70 },
                { title: t('finance.entries.date'), dataIndex: 'date', width: 110 },
                { title: t('finance.entries.memo'), dataIndex: 'memo', render: (m: string, x) => (x.reversed ? <Typography.Text delete>{m}</Typography.Text> : m) },
                { title: t('finance.projects.amount'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => <Yuan fen={fen} /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {p.nextStep && <StepModal open={taking} onClose={() => setTaking(false)} project={p} label={nextLabel} />}
      <PayModal open={paying} onClose={() => setPaying(false)} project={p} />
    </>
  );
}

interface StepValues {
  outcome: 'approved' | 'rejected';
  note?: string;
  voteId?: string;
  voteItemId?: string;
}

function StepModal({ open, onClose, project, label }: { open: boolean; onClose: () => void; project: ProjectDetail; label: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<StepValues>();
  const step = project.nextStep!;
  const assembly = step === 'assembly_decision';
  const mayReject = ['committee_review', 'party_review', 'joint_review', 'assembly_decision'].includes(step);
  const voteId = Form.useWatch('voteId', form);
  const outcome = Form.useWatch('outcome', form);
  // The published votes of the quarter, and the chosen one's items (the voting module's API).
  const votes = useQuery({ queryKey: ['votes', 'list', project.quarterId], queryFn: () => api.get<VoteList>('/api/votes', { quarterId: project.quarterId }), enabled: open && assembly });
  const vote = useQuery({ queryKey: ['votes', voteId], queryFn: () => api.get<VoteDetail>(`/api/votes/${voteId}`), enabled: !!voteId });
  const take = useFinanceMutation((body: TakeStepBody) => api.post(`/api/fund-projects/${project.id}/steps`, body));
  return (
    <FormModal<StepValues>
      open={open}
      form={form}
      title={label}
      onClose={onClose}
      submitTestId={TID.projectStepSubmit}
      initialValues={{ outcome: 'approved' }}
      onSubmit={async (v) => {
        await take.mutateAsync({ step, outcome: v.outcome, note: v.note, voteId: v.voteId, voteItemId: v.voteItemId });
        notifySuccess(t('finance.project.stepDone'));
        form.resetFields();
      }}
    >
      {mayReject && (
        <Form.Item name="outcome" label={t('finance.project.outcome')}>
          <Radio.Group optionType="button">
            <Radio.Button value="approved">{t('finance.project.approve')}</Radio.Button>
            <Radio.Button value="rejected">{t('finance.project.reject')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
      )}
      {assembly && outcome !== 'rejected' && (
        <>
          <Form.Item name="voteId" label={t('finance.project.vote')} rules={[{ required: true, message: t('finance.book.required') }]}>
            <Select
              data-testid={TID.projectStepVote}
              placeholder={t('finance.project.votePlaceholder')}
              loading={votes.isFetching}
              onChange={() => form.setFieldValue('voteItemId', undefined)}
              options={(votes.data?.items ?? []).filter((x) => x.status === 'published' && !x.buildingId).map((x) => ({ value: x.id, label: x.title }))}
            />
          </Form.Item>
          <Form.Item name="voteItemId" label={t('finance.project.voteItem')} rules={[{ required: true, message: t('finance.book.required') }]}>
            <Select data-testid={TID.projectStepItem} loading={vote.isFetching} options={(vote.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.id}. ${i.title}` }))} />
          </Form.Item>
        </>
      )}
      <Form.Item name="note" label={t('finance.project.note')}>
        <Input.TextArea data-testid={TID.projectStepNote} rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

interface PayValues {
  amount: string;
  date: Dayjs;
  memo: string;
  from: 'asset.bank' | 'asset.cash';
}

function PayModal({ open, onClose, project }: { open: boolean; onClose: () => void; project: ProjectDetail }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PayValues>();
  const pay = useFinanceMutation((body: PaymentBody) => api.post<{ seq: number }>(`/api/fund-projects/${project.id}/payments`, body));
  return (
    <FormModal<PayValues>
      open={open}
      form={form}
      title={t('finance.project.payTitle')}
      onClose={onClose}
      submitTestId={TID.projectPaySubmit}
      initialValues={{ date: dayjs(todayText()), from: 'asset.bank' }}
      onSubmit={async (v) => {
        const r = await pay.mutateAsync({ amountFen: yuanToFen(v.amount)!, date: v.date.format('YYYY-MM-DD'), memo: v.memo, from: v.from });
        notifySuccess(t('finance.project.payDone', { seq: r.seq }));
        form.resetFields();
      }}
    >
      <Form.Item name="amount" label={t('finance.book.amount')} rules={[{ validator: (_, v) => (yuanToFen(v) ? Promise.resolve() : Promise.reject(new Error(t('finance.book.amountInvalid')))) }]}>
        <Input data-testid={TID.projectPayAmount} inputMode="decimal" prefix="¥" />
      </Form.Item>
      <Form.Item name="date" label={t('finance.book.date')} rules={[{ required: true, message: t('finance.book.required') }]}>
        <DatePicker data-testid={TID.projectPayDate} allowClear={false} />
      </Form.Item>
      <Form.Item name="memo" label={t('finance.book.memo')} rules={[{ required: true, whitespace: true, message: t('finance.book.required') }]}>
        <Input data-testid={TID.projectPayMemo} maxLength={300} />
      </Form.Item>
      <Form.Item name="from" label={t('finance.book.money')}>
        <Radio.Group>
          <Radio value="asset.bank">银行专户 / Bank</Radio>
          <Radio value="asset.cash">现金 / Cash</Radio>
        </Radio.Group>
      </Form.Item>
      <Space />
    </FormModal>
  );
}
