// One topic or proposal: its pipeline (DB3305/T 309—2024 5.1.3.2.1.3) with each step's role,
// record and date, the co-signers' support, and the step the caller's role may take now.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Select, Space, Steps, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { QueryError, Loading } from '../../../components/QueryState';
import { formatDateTime } from '../../../lib/format';
import { TID } from '../testids';
import { PIPELINE, useDeliberationMutation, useMeetings, useProposal, type AdvanceBody, type PipelineStep, type ProposalDetail, type StageAnswer } from '../api';
import { chinaTimeOf, StageTag, SupportBars } from './shared';

const stepRolesWho: Record<PipelineStep, ('committee' | 'party_secretary' | 'supervisory' | 'commissioner' | 'community_office')[]> = {
  proposed: ['committee'],
  discussed: ['committee', 'party_secretary'],
  reviewed: ['supervisory'],
  resolved: ['committee', 'commissioner', 'community_office'],
  published: ['committee', 'commissioner'],
  filed: ['community_office', 'commissioner'],
};

export default function ProposalDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const proposal = useProposal(id);
  if (proposal.error) return <QueryError error={proposal.error} onRetry={() => proposal.refetch()} />;
  if (!proposal.data) return <Loading />;
  const p = proposal.data;
  // A building's topic has its own short line (5.1.3.2.2): 议题 → 决议 → 公示.
  const line: PipelineStep[] = p.buildingId ? ['resolved', 'published'] : PIPELINE;
  const current = p.stage === 'rejected' ? line.indexOf((p.rejectedAtStep ?? 'proposed') as PipelineStep) : p.stage === 'topic' ? 0 : line.indexOf(p.stage as PipelineStep) + 1;
  const next = p.stage === 'rejected' || p.stage === 'filed' || current >= line.length ? null : line[current];
  return (
    <>
      <div className="gz-page-title">
        <Typography.Title level={3} data-testid={TID.proposalTitle}>
          {p.title}
        </Typography.Title>
        <StageTag stage={p.stage} testId={TID.proposalStage} />
        {p.buildingName && (
          <Tag color="orange" data-testid={TID.proposalBuilding}>
            {t('deliberation.detail.building')} · {p.buildingName}
          </Tag>
        )}
        <div style={{ flex: 1 }} />
        {(p.stage === 'published' || p.stage === 'filed') && (
          <Link data-testid={TID.proposalPrintNotice} to={`/print/proposals/${p.id}`} target="_blank">
            {t('deliberation.detail.printNotice')}
          </Link>
        )}
      </div>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card>
          <Typography.Paragraph type="secondary">
            {p.quarterName} · {t('deliberation.detail.raisedBy', { name: p.raisedByName, channel: t(`deliberation.channel.${p.channel}`) })} · {formatDateTime(p.createdAt)}
          </Typography.Paragraph>
          {p.body && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.body}</Typography.Paragraph>}
          {p.stage === 'rejected' && (
            <Alert type="error" showIcon message={t('deliberation.detail.rejectedAt', { step: t(`deliberation.stage.${(p.rejectedAtStep ?? 'proposed') as PipelineStep}`), reason: p.rejectedReason ?? '' })} />
          )}
          {p.escalatedTo && (
            <Typography.Paragraph>
              {t('deliberation.detail.escalatedTo')}
              <Link to={`/proposals/${p.escalatedTo}`}>{p.title}</Link>
            </Typography.Paragraph>
          )}
          {p.escalatedFrom && (
            <Typography.Paragraph>
              {t('deliberation.detail.escalatedFrom')}
              <Link to={`/proposals/${p.escalatedFrom}`}>{p.title}</Link>
            </Typography.Paragraph>
          )}
          {p.buildingId && (
            <Typography.Paragraph type="secondary">
              {t('deliberation.detail.buildingSteps')}
              {p.stage === 'published' && ` · ${t('deliberation.rating.satisfied')} ${p.ratings.satisfied} · ${t('deliberation.rating.basic')} ${p.ratings.basic} · ${t('deliberation.rating.dissatisfied')} ${p.ratings.dissatisfied}`}
            </Typography.Paragraph>
          )}
          {p.merged.length > 0 && (
            <Typography.Paragraph>
              {t('deliberation.detail.merged')}：{p.merged.map((m) => `${m.title}（${m.raisedByName}，${t(`deliberation.channel.${m.channel}`)}）`).join('；')}
            </Typography.Paragraph>
          )}
        </Card>
        <Card title={t('deliberation.detail.steps')}>
          <Steps
            data-testid={TID.proposalSteps}
            size="small"
            current={current}
            status={p.stage === 'rejected' ? 'error' : p.stage === 'filed' || (p.buildingId && p.stage === 'published') ? 'finish' : 'process'}
            items={[
              { title: t('deliberation.stage.topic') },
              ...line.map((s) => ({
                title: t(`deliberation.stage.${s}`),
                description: <span style={{ fontSize: 12 }}>{p.buildingId && (s === 'resolved' || s === 'published') ? t(`deliberation.buildingHint.${s}`) : t(`deliberation.stepHint.${s}`)}</span>,
              })),
            ]}
          />
          <Table
            style={{ marginTop: 16 }}
            size="small"
            rowKey={(s) => `${s.step}-${s.takenAt}`}
            pagination={false}
            dataSource={p.steps}
            onRow={(s) => ({ 'data-testid': TID.proposalStepRecord, 'data-step': s.step }) as never}
            columns={[
              {
                title: t('deliberation.proposals.col.stage'),
                key: 'step',
                width: 80,
                className: 'gz-nowrap',
                render: (_, s) =>
                  s.step === 'rejected'
                    ? t('deliberation.stage.rejected')
                    : s.step === 'merged'
                      ? t('deliberation.detail.merge')
                      : s.step === 'escalated'
                        ? t('deliberation.detail.escalate')
                        : t(`deliberation.stage.${s.step as PipelineStep}`),
              },
              { title: t('deliberation.detail.actor'), key: 'actor', width: 180, render: (_, s) => s.actorName },
              {
                title: t('deliberation.detail.record'),
                key: 'record',
                render: (_, s) => (
                  <Space direction="vertical" size={0}>
                    {s.opinion && <span>{s.opinion}</span>}
                    {s.meetingId && <Link to={`/meetings/${s.meetingId}`}>{t('deliberation.detail.meeting')}</Link>}
                    {s.voteId && <Link to={`/votes/${s.voteId}`}>{t('deliberation.detail.voteLink')}</Link>}
                    {s.notice && <span>{s.notice}</span>}
                  </Space>
                ),
              },
              { title: t('deliberation.detail.date'), key: 'at', width: 180, className: 'gz-num gz-nowrap', render: (_, s) => formatDateTime(s.takenAt) },
            ]}
          />
        </Card>
        {p.stage === 'topic' && (
          <Card title={t('deliberation.detail.support')}>
            <SupportBars support={p.support} testId={TID.proposalSupport} />
          </Card>
        )}
        {next && <NextStep p={p} next={next} />}
        {p.mayEscalate && <Escalate p={p} />}
      </Space>
    </>
  );
}

function NextStep({ p, next }: { p: ProposalDetail; next: PipelineStep }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ opinion?: string; meetingId?: string; notice?: string }>();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const advance = useDeliberationMutation((body: AdvanceBody) => api.post<StageAnswer>(`/api/proposals/${p.id}/advance`, body));
  const reject = useDeliberationMutation((r: string) => api.post<StageAnswer>(`/api/proposals/${p.id}/reject`, { reason: r }));
  const meetings = useMeetings(p.quarterId, next === 'discussed' && p.mayTake.includes('discussed'));
  const may = p.mayTake.includes(next);
  if (!may && !p.mayReject) {
    const who = stepRolesWho[next].map((r) => t(`deliberation.detail.wrongRoleWho.${r}`)).join(' / ');
    return <Alert data-testid={TID.proposalNext} type="info" message={t('deliberation.detail.notYours', { step: t(`deliberation.stage.${next}`), who })} />;
  }
  return (
    <Card title={t('deliberation.detail.takeStep', { step: t(`deliberation.stage.${next}`) })} data-testid={TID.proposalNext} data-step={next}>
      <Typography.Paragraph type="secondary">{t(`deliberation.stepHint.${next}`)}</Typography.Paragraph>
      {next === 'resolved' && <VoteStep p={p} />}
      {may && (
        <Form form={form} layout="vertical" onFinish={(v) => advance.mutate({ to: next, ...v, notice: v.notice || undefined, opinion: v.opinion || undefined })} initialValues={{ notice: next === 'published' ? t('deliberation.detail.noticeDefault') : undefined }}>
          {next === 'discussed' && (
            <Form.Item name="meetingId" label={t('deliberation.detail.meeting')} extra={t('deliberation.detail.meetingHint')} rules={[{ required: true, message: t('deliberation.form.required') }]}>
              <Select
                data-testid={TID.proposalMeeting}
                options={(meetings.data ?? []).filter((m) => m.status === 'held').map((m) => ({ value: m.id, label: `${m.title}（${formatDateTime(m.startsAt).slice(0, 16)}）` }))}
              />
            </Form.Item>
          )}
          {next === 'published' && (
            <Form.Item name="notice" label={t('deliberation.detail.notice')} rules={[{ required: true, message: t('deliberation.form.required') }]}>
              <Input.TextArea data-testid={TID.proposalNotice} rows={3} />
            </Form.Item>
          )}
          {next !== 'resolved' && (
            <Form.Item name="opinion" label={t('deliberation.detail.opinion')} rules={next === 'reviewed' ? [{ required: true, message: t('deliberation.form.required') }] : []}>
              <Input.TextArea data-testid={TID.proposalOpinion} rows={2} />
            </Form.Item>
          )}
          {(next !== 'resolved' || p.vote?.status === 'published') && (
            <Button data-testid={TID.proposalTake} type="primary" htmlType="submit" loading={advance.isPending}>
              {t('deliberation.detail.take')}
            </Button>
          )}
        </Form>
      )}
      {p.mayReject && (
        <div style={{ marginTop: 16 }}>
          {rejecting ? (
            <Space.Compact style={{ width: '100%' }}>
              <Input data-testid={TID.proposalRejectReason} placeholder={t('deliberation.detail.rejectReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
              <Button data-testid={TID.proposalRejectConfirm} danger disabled={!reason.trim()} loading={reject.isPending} onClick={() => reject.mutate(reason)}>
                {t('deliberation.detail.reject')}
              </Button>
            </Space.Compact>
          ) : (
            <Button data-testid={TID.proposalReject} danger onClick={() => setRejecting(true)}>
              {t('deliberation.detail.reject')}
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}

/** A building's topic the building cannot settle goes to the quarter (5.1.3.2.2.5). */
function Escalate({ p }: { p: ProposalDetail }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const escalate = useDeliberationMutation((r: string) => api.post<StageAnswer>(`/api/proposals/${p.id}/escalate`, { reason: r }));
  return (
    <Card title={t('deliberation.detail.escalate')}>
      <Space.Compact style={{ width: '100%' }}>
        <Input data-testid={TID.proposalEscalateReason} placeholder={t('deliberation.detail.escalateReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
        <Button data-testid={TID.proposalEscalateConfirm} disabled={!reason.trim()} loading={escalate.isPending} onClick={() => escalate.mutate(reason)}>
          {t('deliberation.detail.escalate')}
        </Button>
      </Space.Compact>
    </Card>
  );
}

/** 决议: the assembly's vote — opened here for the proposal, or followed once it is. */
function VoteStep({ p }: { p: ProposalDetail }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ article278Item: number; opensAt: string; closesAt: string }>();
  const open = useDeliberationMutation((body: { article278Item: number; opensAt: string; closesAt: string }) => api.post<StageAnswer>(`/api/proposals/${p.id}/vote`, body));
  if (p.vote) {
    return (
      <Descriptions size="small" column={1} data-testid={TID.proposalVote} data-vote-status={p.vote.status}>
        <Descriptions.Item label={t('deliberation.detail.vote')}>
          <Link data-testid={TID.proposalVoteLink} to={`/votes/${p.vote.id}`}>
            {p.vote.title}
          </Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('deliberation.proposals.col.stage')}>{p.vote.status}</Descriptions.Item>
        <Descriptions.Item label="">{t('deliberation.detail.votePending')}</Descriptions.Item>
      </Descriptions>
    );
  }
  if (!p.mayTake.includes('resolved')) return <Typography.Paragraph>{t('deliberation.detail.voteNone')}</Typography.Paragraph>;
  return (
    <Form
      form={form}
      layout="inline"
      style={{ marginBottom: 12, rowGap: 8 }}
      initialValues={{ article278Item: 9 }}
      onFinish={(v) => open.mutate({ article278Item: v.article278Item ?? 9, opensAt: chinaTimeOf(v.opensAt) ?? v.opensAt, closesAt: chinaTimeOf(v.closesAt) ?? v.closesAt })}
    >
      {!p.buildingId && (
        <Form.Item name="article278Item" label={t('deliberation.detail.article')} rules={[{ required: true }]}>
          <InputNumber data-testid={TID.proposalVoteArticle} min={1} max={9} />
        </Form.Item>
      )}
      <Form.Item name="opensAt" label={t('deliberation.detail.opensAt')} rules={[{ required: true, message: t('deliberation.form.required') }]}>
        <Input data-testid={TID.proposalVoteOpensAt} placeholder="2026-03-02 08:00" />
      </Form.Item>
      <Form.Item name="closesAt" label={t('deliberation.detail.closesAt')} rules={[{ required: true, message: t('deliberation.form.required') }]}>
        <Input data-testid={TID.proposalVoteClosesAt} placeholder="2026-03-15 24:00" />
      </Form.Item>
      <Button data-testid={TID.proposalVoteOpen} type="primary" htmlType="submit" loading={open.isPending}>
        {p.buildingId ? t('deliberation.detail.buildingVote') : t('deliberation.detail.openVote')}
      </Button>
    </Form>
  );
}
