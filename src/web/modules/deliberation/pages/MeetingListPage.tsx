// 三方联席会议 — the staff list of joint meetings (T/ZAS 4006.1—2020 6.1.1.3) and the form that
// schedules one with the three parties invited and topics on its agenda.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { useAddressParams } from '../../../lib/address-params';
import { Button, Card, Empty, Form, Input, Modal, Radio, Select, Space, Table, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useCan, useCurrentUser } from '../../../auth/session';
import { QueryError } from '../../../components/QueryState';
import { formatDateTime } from '../../../lib/format';
import { rowTestId } from '../../../testids';
import { TID } from '../testids';
import { PARTIES, useActionPage, useDeliberationMutation, useMeetingPage, useProposals, type CreateMeetingBody, type MeetingKind, type MeetingSummary, type Party } from '../api';
import { ActionStatusTag, CALENDAR_DUTIES, chinaTimeOf, MeetingStatusTag } from './shared';
import { QuarterSelect } from '../../../components/QuarterSelect';

const MEETING_PAGE_SIZE = 20;
const OVERDUE_PAGE_SIZE = 10;

export default function MeetingListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { params, page, set } = useAddressParams();
  const quarterId = params.get('quarterId') ?? undefined;
  // The page is in the address; the server pages (GET /api/meetings answers a page and its total).
  const meetings = useMeetingPage({ quarterId, page, pageSize: MEETING_PAGE_SIZE });
  const [creating, setCreating] = useState(false);
  return (
    <>
      <div className="gz-page-title">
        <Typography.Title level={3}>{t('deliberation.meetings.title')}</Typography.Title>
        <div style={{ flex: 1 }} />
        {can('meetings.manage') && (
          <Button data-testid={TID.meetingCreate} type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('deliberation.meetings.create')}
          </Button>
        )}
      </div>
      {meetings.error ? (
        <QueryError error={meetings.error} onRetry={() => meetings.refetch()} />
      ) : (
        <Card>
          <Table<MeetingSummary>
            data-testid={TID.meetingList}
            rowKey="id"
            size="middle"
            loading={meetings.isPending}
            dataSource={meetings.data?.items ?? []}
            pagination={{ current: page, pageSize: MEETING_PAGE_SIZE, total: meetings.data?.total ?? 0, hideOnSinglePage: true, showSizeChanger: false, onChange: (p) => set('page', p > 1 ? String(p) : undefined) }}
            locale={{ emptyText: <Empty description={t('deliberation.meetings.none')} /> }}
            onRow={rowTestId(TID.meetingRow, 'meeting')}
            columns={[
              {
                title: t('deliberation.meetings.col.title'),
                key: 'title',
                render: (_, m) => (
                  <Link data-testid={TID.meetingLink} to={`/meetings/${m.id}`}>
                    {m.title}
                  </Link>
                ),
              },
              { title: t('deliberation.meetings.col.quarter'), dataIndex: 'quarterName', key: 'quarter' },
              { title: t('deliberation.meetings.col.kind'), key: 'kind', render: (_, m) => t(`deliberation.kind.${m.kind}`) },
              { title: t('deliberation.meetings.col.startsAt'), key: 'startsAt', className: 'gz-num', render: (_, m) => formatDateTime(m.startsAt).slice(0, 16) },
              { title: t('deliberation.meetings.col.location'), dataIndex: 'location', key: 'location' },
              { title: t('deliberation.meetings.col.status'), key: 'status', render: (_, m) => <MeetingStatusTag status={m.status} /> },
              { title: t('deliberation.meetings.col.resolutions'), dataIndex: 'resolutions', key: 'resolutions', className: 'gz-num' },
            ]}
          />
        </Card>
      )}
      <OverdueActions quarterId={quarterId} />
      {creating && <CreateMeetingModal quarterId={quarterId} onClose={() => setCreating(false)} />}
    </>
  );
}

/** The actions past their due day, which the responsible party also finds in its inbox. */
function OverdueActions({ quarterId }: { quarterId?: string }) {
  const { t } = useTranslation();
  // The overdue ones only, a page at a time, counted on the server (GET /api/actions?overdue=true).
  const [page, setPage] = useState(1);
  const actions = useActionPage({ quarterId, overdue: true, page, pageSize: OVERDUE_PAGE_SIZE });
  const total = actions.data?.total ?? 0;
  if (!total) return null;
  return (
    <Card title={t('deliberation.meetings.overdue', { count: total })} style={{ marginTop: 16 }} data-testid={TID.overdueActions}>
      <Table
        size="small"
        rowKey="id"
        pagination={{ current: page, pageSize: OVERDUE_PAGE_SIZE, total, hideOnSinglePage: true, showSizeChanger: false, onChange: setPage }}
        dataSource={actions.data?.items ?? []}
        columns={[
          {
            title: t('deliberation.meetings.actionTitle'),
            key: 'title',
            render: (_, a) => (
              <Link data-testid={TID.actionLink} to={`/actions/${a.id}`}>
                {a.title}
              </Link>
            ),
          },
          { title: t('deliberation.meetings.responsible'), key: 'responsible', render: (_, a) => t(`deliberation.party.${a.responsible}`) },
          { title: t('deliberation.meetings.dueDate'), dataIndex: 'dueDate', key: 'due', className: 'gz-num' },
          { title: t('deliberation.meetings.col.status'), key: 'status', render: (_, a) => <ActionStatusTag status={a.status} overdue={a.overdue} /> },
        ]}
      />
    </Card>
  );
}

interface MeetingForm {
  quarterId: string;
  kind: MeetingKind;
  title: string;
  startsAt: string;
  location?: string;
  attendees: { party: Party; name: string; title?: string }[];
  agenda?: string[];
  cases?: string[];
  duties?: (typeof CALENDAR_DUTIES)[number][];
}

function CreateMeetingModal({ quarterId, onClose }: { quarterId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<MeetingForm>();
  const ownQuarter = user.quarterId ?? (user.scope.level === 'quarter' ? user.scope.id : undefined);
  const chosen = Form.useWatch('quarterId', form) ?? ownQuarter ?? quarterId;
  const proposals = useProposals(chosen, !!chosen);
  // The quarter's cases not yet closed, which a meeting may take up (T/ZAS 4006.1—2020 6.1.6.3):
  // filtered on the server, so that older open ones (often the overdue ones) are not cut off.
  const cases = useQuery({
    queryKey: ['deliberation', 'agenda-cases', chosen ?? ''],
    queryFn: () => api.get<{ items: { id: string; trackingCode: string; categoryName: string; description: string; status: string }[] }>('/api/cases', { quarterId: chosen, open: 'true', pageSize: 100 }),
    select: (d) => d.items,
    enabled: !!chosen,
  });
  const create = useDeliberationMutation((body: CreateMeetingBody) => api.post<{ id: string }>('/api/meetings', body));
  const onFinish = async (v: MeetingForm) => {
    const titles = new Map((proposals.data ?? []).map((p) => [p.id, p.title]));
    const { id } = await create.mutateAsync({
      quarterId: ownQuarter ?? v.quarterId,
      kind: v.kind,
      title: v.title,
      startsAt: chinaTimeOf(v.startsAt) ?? v.startsAt,
      location: v.location,
      attendees: v.attendees.filter((a) => a?.name),
      agenda: [
        ...(v.agenda ?? []).map((pid) => ({ title: titles.get(pid) ?? '', proposalId: pid })),
        ...(v.cases ?? []).map((caseId) => {
          const c = cases.data?.find((x) => x.id === caseId);
          return { title: c ? `${c.categoryName}：${c.description.slice(0, 40)}` : caseId, caseId };
        }),
        ...(v.duties ?? []).map((duty) => ({ title: t(`deliberation.duty.${duty}`), duty })),
      ],
    });
    onClose();
    navigate(`/meetings/${id}`);
  };
  return (
    <Modal open width={720} title={t('deliberation.meetings.create')} onCancel={onClose} footer={null} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ quarterId, kind: 'regular', attendees: (['community', 'committee', 'company'] as Party[]).map((party) => ({ party, name: '' })) }}
      >
        {!ownQuarter && (
          <Form.Item name="quarterId" label={t('deliberation.form.quarter')} rules={[{ required: true, message: t('deliberation.form.required') }]}>
            <QuarterSelect style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t('deliberation.meetings.form.kind')}>
          <Radio.Group options={(['regular', 'ad_hoc', 'dispute_analysis'] as const).map((k) => ({ value: k, label: t(`deliberation.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('deliberation.meetings.form.title')} rules={[{ required: true, message: t('deliberation.form.required') }]}>
          <Input data-testid={TID.meetingFormTitle} maxLength={200} />
        </Form.Item>
        <Space>
          <Form.Item name="startsAt" label={t('deliberation.meetings.form.startsAt')} rules={[{ required: true, validator: async (_, v) => (chinaTimeOf(v) ? undefined : Promise.reject(new Error('2026-03-10 19:00'))) }]}>
            <Input data-testid={TID.meetingFormStartsAt} placeholder="2026-03-10 19:00" />
          </Form.Item>
          <Form.Item name="location" label={t('deliberation.meetings.form.location')}>
            <Input data-testid={TID.meetingFormLocation} maxLength={200} />
          </Form.Item>
        </Space>
        <div style={{ marginBottom: 8 }}>
          <Typography.Text strong>{t('deliberation.meetings.form.attendees')}</Typography.Text>
        </div>
        <Form.List name="attendees">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'party']}>
                    <Select style={{ width: 190 }} options={PARTIES.map((p) => ({ value: p, label: t(`deliberation.party.${p}`) }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'name']} rules={i < 3 ? [{ required: true, message: t('deliberation.form.required') }] : []}>
                    <Input data-testid={`meeting-form-attendee-${i}`} placeholder={t('deliberation.meetings.form.name')} maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'title']}>
                    <Input placeholder={t('deliberation.meetings.form.position')} maxLength={100} />
                  </Form.Item>
                  {i >= 3 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ party: 'other', name: '' })} style={{ marginBottom: 16 }}>
                {t('deliberation.meetings.form.addAttendee')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="agenda" label={t('deliberation.meetings.form.agenda')}>
          <Select
            mode="multiple"
            options={(proposals.data ?? []).filter((p) => p.stage !== 'rejected' && p.stage !== 'filed').map((p) => ({ value: p.id, label: `${p.title}（${t(`deliberation.stage.${p.stage}`)}）` }))}
          />
        </Form.Item>
        <Form.Item name="cases" label={t('deliberation.meetings.form.agendaCases')}>
          <Select
            mode="multiple"
            data-testid={TID.meetingFormCases}
            optionFilterProp="label"
            options={(cases.data ?? []).map((c) => ({ value: c.id, label: `${c.trackingCode} ${c.categoryName}：${c.description.slice(0, 30)}` }))}
          />
        </Form.Item>
        <Form.Item name="duties" label={t('deliberation.meetings.form.agendaDuties')}>
          <Select mode="multiple" data-testid={TID.meetingFormDuties} options={CALENDAR_DUTIES.map((d) => ({ value: d, label: t(`deliberation.duty.${d}`) }))} />
        </Form.Item>
        <Button data-testid={TID.meetingFormSubmit} type="primary" htmlType="submit" loading={create.isPending}>
          {t('deliberation.form.submit')}
        </Button>
      </Form>
    </Modal>
  );
}
