// 议事协商 — the staff list of topics and proposals of the caller's scope with where each stands
// (the community office sees every proposal of its quarters), and the form to record a topic.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAddressParams } from '../../../lib/address-params';
import { Button, Card, Empty, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useBuildings } from '../../../api/queries';
import { useCan, useCurrentUser } from '../../../auth/session';
import { QueryError } from '../../../components/QueryState';
import { formatDate } from '../../../lib/format';
import { rowTestId } from '../../../testids';
import { TID } from '../testids';
import { CHANNELS, useDeliberationMutation, useProposalPage, type CreateProposalBody, type ProposalStage, type ProposalSummary, type TopicChannel } from '../api';
import { StageTag } from './shared';
import { QuarterSelect } from '../../../components/QuarterSelect';

const PROPOSAL_PAGE_SIZE = 20;

export default function ProposalListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { params, page, set } = useAddressParams();
  const quarterId = params.get('quarterId') ?? undefined;
  // The stage and the page are in the address, so that a page can be reloaded and shared; the
  // server filters and pages (GET /api/proposals answers a page and its total).
  const stage = (params.get('stage') as ProposalStage | null) ?? undefined;
  const proposals = useProposalPage({ quarterId, stage, page, pageSize: PROPOSAL_PAGE_SIZE });
  const [creating, setCreating] = useState(false);
  return (
    <>
      <div className="gz-page-title">
        <Typography.Title level={3}>{t('deliberation.proposals.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('deliberation.proposals.intro')}</Typography.Text>
        <div style={{ flex: 1 }} />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('deliberation.proposals.allStages')}
          value={stage}
          onChange={(value?: ProposalStage) => set('stage', value)}
          options={(['topic', 'proposed', 'discussed', 'reviewed', 'resolved', 'published', 'filed', 'rejected'] as const).map((s) => ({ value: s, label: t(`deliberation.stage.${s}`) }))}
        />
        {can('proposals.raise') && (
          <Button data-testid={TID.proposalCreate} type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('deliberation.proposals.create')}
          </Button>
        )}
      </div>
      {proposals.error ? (
        <QueryError error={proposals.error} onRetry={() => proposals.refetch()} />
      ) : (
        <Card>
          <Table<ProposalSummary>
            data-testid={TID.proposalList}
            rowKey="id"
            size="middle"
            loading={proposals.isPending}
            dataSource={proposals.data?.items ?? []}
            pagination={{ current: page, pageSize: PROPOSAL_PAGE_SIZE, total: proposals.data?.total ?? 0, hideOnSinglePage: true, showSizeChanger: false, onChange: (p) => set('page', String(p)) }}
            locale={{ emptyText: <Empty description={t('deliberation.proposals.none')} /> }}
            onRow={rowTestId(TID.proposalRow, 'proposal')}
            columns={[
              {
                title: t('deliberation.proposals.col.title'),
                key: 'title',
                render: (_, p) => (
                  <>
                    <Link data-testid={TID.proposalLink} to={`/proposals/${p.id}`}>
                      {p.title}
                    </Link>
                    {p.buildingName && (
                      <Tag color="orange" style={{ marginLeft: 8 }}>
                        {p.buildingName}
                      </Tag>
                    )}
                  </>
                ),
              },
              { title: t('deliberation.proposals.col.quarter'), dataIndex: 'quarterName', key: 'quarter' },
              { title: t('deliberation.proposals.col.stage'), key: 'stage', render: (_, p) => <StageTag stage={p.stage} testId={TID.proposalStage} /> },
              { title: t('deliberation.proposals.col.channel'), key: 'channel', render: (_, p) => t(`deliberation.channel.${p.channel}`) },
              { title: t('deliberation.proposals.col.raisedBy'), dataIndex: 'raisedByName', key: 'raisedBy' },
              { title: t('deliberation.proposals.col.cosigners'), dataIndex: 'cosigners', key: 'cosigners', className: 'gz-num' },
              { title: t('deliberation.proposals.col.updatedAt'), key: 'updatedAt', className: 'gz-num', render: (_, p) => formatDate(p.updatedAt) },
            ]}
          />
        </Card>
      )}
      {creating && <CreateTopicModal quarterId={quarterId} onClose={() => setCreating(false)} />}
    </>
  );
}

interface TopicForm {
  quarterId: string;
  buildingId?: string;
  livelihoodYear?: number;
  title: string;
  body?: string;
  channel: TopicChannel;
  raisedByName?: string;
}

function CreateTopicModal({ quarterId, onClose }: { quarterId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<TopicForm>();
  const ownQuarter = user.quarterId ?? (user.scope.level === 'quarter' ? user.scope.id : undefined);
  const chosen = Form.useWatch('quarterId', form) ?? ownQuarter;
  const create = useDeliberationMutation((body: CreateProposalBody) => api.post<{ id: string }>('/api/proposals', body));
  const onFinish = async (v: TopicForm) => {
    const { id } = await create.mutateAsync({ ...v, quarterId: ownQuarter ?? v.quarterId, buildingId: v.buildingId || undefined, livelihoodYear: v.livelihoodYear || undefined, raisedByName: v.raisedByName || undefined, body: v.body || undefined });
    onClose();
    navigate(`/proposals/${id}`);
  };
  return (
    <Modal open title={t('deliberation.proposals.create')} onCancel={onClose} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ quarterId, channel: user.role === 'building_leader' || user.role === 'grid_worker' ? 'visit' : 'resident' }}>
        {!ownQuarter && (
          <Form.Item name="quarterId" label={t('deliberation.form.quarter')} rules={[{ required: true, message: t('deliberation.form.required') }]}>
            <QuarterSelect testId={TID.proposalFormQuarter} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {chosen && (
          <Form.Item name="buildingId" label={t('deliberation.detail.building')} extra={t('deliberation.detail.buildingHint')}>
            <BuildingSelect quarterId={chosen} only={user.scope.level === 'building' ? user.scope.id : undefined} />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('deliberation.form.title')} rules={[{ required: true, message: t('deliberation.form.required') }]}>
          <Input data-testid={TID.proposalFormTitle} maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label={t('deliberation.form.body')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="channel" label={t('deliberation.form.channel')}>
          <Select data-testid={TID.proposalFormChannel} options={CHANNELS.filter((c) => c !== 'online').map((c) => ({ value: c, label: t(`deliberation.channel.${c}`) }))} />
        </Form.Item>
        <Form.Item name="livelihoodYear" label={t('deliberation.livelihood.candidateYear')}>
          <InputNumber data-testid={TID.proposalFormLivelihood} min={2000} max={2100} placeholder={String(new Date().getFullYear())} />
        </Form.Item>
        <Form.Item name="raisedByName" label={t('deliberation.form.raisedByName')} extra={t('deliberation.form.raisedByNameHint')}>
          <Input data-testid={TID.proposalFormRaisedBy} maxLength={100} />
        </Form.Item>
        <Button data-testid={TID.proposalFormSubmit} type="primary" htmlType="submit" loading={create.isPending}>
          {t('deliberation.form.submit')}
        </Button>
      </Form>
    </Modal>
  );
}

/** The quarter's buildings (a building leader: their own), for a building's own topic. */
function BuildingSelect({ quarterId, only, ...props }: { quarterId: string; only?: string; value?: string; onChange?: (v: string) => void }) {
  const buildings = useBuildings(quarterId);
  return (
    <Select
      {...props}
      allowClear
      data-testid={TID.proposalFormBuilding}
      loading={buildings.isFetching}
      options={(buildings.data ?? []).filter((b) => !only || b.id === only).map((b) => ({ value: b.id, label: b.name }))}
    />
  );
}
