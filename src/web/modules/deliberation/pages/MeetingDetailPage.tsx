// One joint meeting: who was invited for which party and who came, the agenda, the minutes, and
// the resolutions with the actions they became (督办事项, DB3305/T 309—2024 5.1.3.2.1.5).
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button, Card, Checkbox, Descriptions, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { Loading, QueryError } from '../../../components/QueryState';
import { useCan } from '../../../auth/session';
import { formatDateTime } from '../../../lib/format';
import { TID } from '../testids';
import { RESPONSIBLE, useDeliberationMutation, useMeeting, useProposals, type MeetingDetail, type ResolutionBody } from '../api';
import { ActionStatusTag, agendaReferenceText, MeetingStatusTag } from './shared';

export default function MeetingDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const can = useCan();
  const meeting = useMeeting(id);
  if (meeting.error) return <QueryError error={meeting.error} onRetry={() => meeting.refetch()} />;
  if (!meeting.data) return <Loading />;
  const m = meeting.data;
  return (
    <>
      <div className="gz-page-title">
        <Typography.Title level={3} data-testid={TID.meetingTitle}>
          {m.title}
        </Typography.Title>
        <MeetingStatusTag status={m.status} testId={TID.meetingStatus} />
        <div style={{ flex: 1 }} />
        {m.status === 'held' && (
          <Link data-testid={TID.meetingPrint} to={`/print/meetings/${m.id}`} target="_blank">
            {t('deliberation.meetings.printMinutes')}
          </Link>
        )}
      </div>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card>
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('deliberation.meetings.col.quarter')}>{m.quarterName}</Descriptions.Item>
            <Descriptions.Item label={t('deliberation.meetings.col.kind')}>
              {t(`deliberation.kind.${m.kind}`)}
              {/* The monthly dispute-analysis meeting reads the month's register (HZ 5.1.4.1.3): the cases module's analysis. */}
              {m.kind === 'dispute_analysis' && can('disputes.read') && (
                <Link style={{ marginLeft: 8 }} to={`/disputes?tab=analysis&quarterId=${m.quarterId}&month=${formatDateTime(m.startsAt).slice(0, 7)}`}>
                  {t('deliberation.disputeAnalysisLink')}
                </Link>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('deliberation.meetings.col.startsAt')}>{formatDateTime(m.startsAt).slice(0, 16)}</Descriptions.Item>
            <Descriptions.Item label={t('deliberation.meetings.col.location')}>{m.location || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('deliberation.meetings.agenda')} span={2}>
              {m.agenda.length ? (
                <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid={TID.meetingAgenda}>
                  {m.agenda.map((a) => (
                    <li key={a.id} data-reference={a.case ? 'case' : a.duty ? 'duty' : a.proposalId ? 'proposal' : 'none'}>
                      {a.proposalId ? <Link to={`/proposals/${a.proposalId}`}>{a.title}</Link> : a.title}
                      {a.case && (
                        <>
                          {' '}
                          <Link to={`/cases/${a.case.id}`}>
                            <Tag color="blue">{agendaReferenceText(a, t, i18n.language)}</Tag>
                          </Link>
                        </>
                      )}
                      {a.duty && (
                        <>
                          {' '}
                          <Tag color="purple">{agendaReferenceText(a, t, i18n.language)}</Tag>
                        </>
                      )}
                    </li>
                  ))}
                </ol>
              ) : (
                '—'
              )}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        {m.status === 'scheduled' && m.canManage ? <HoldForm m={m} /> : <Attendance m={m} />}
        {m.status === 'held' && (
          <Card title={t('deliberation.meetings.minutes')}>
            <Typography.Paragraph data-testid={TID.meetingMinutes} style={{ whiteSpace: 'pre-wrap' }}>
              {m.minutes}
            </Typography.Paragraph>
          </Card>
        )}
        {m.status === 'held' && <Resolutions m={m} />}
      </Space>
    </>
  );
}

function Attendance({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  return (
    <Card title={t('deliberation.meetings.attendance')}>
      <Table
        data-testid={TID.meetingAttendees}
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={m.attendees}
        onRow={(a) => ({ 'data-party': a.party, 'data-present': String(a.present) }) as never}
        columns={[
          { title: t('deliberation.meetings.form.party'), key: 'party', render: (_, a) => t(`deliberation.party.${a.party}`) },
          { title: t('deliberation.meetings.form.name'), dataIndex: 'name', key: 'name' },
          { title: t('deliberation.meetings.form.position'), dataIndex: 'title', key: 'title' },
          { title: t('deliberation.meetings.attendance'), key: 'present', render: (_, a) => (a.present === null ? '—' : a.present ? t('deliberation.meetings.present') : t('deliberation.meetings.absent')) },
        ]}
      />
    </Card>
  );
}

/** Records the meeting as held: who came (by party) and the minutes. */
function HoldForm({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  const [present, setPresent] = useState<string[]>(m.attendees.map((a) => a.id));
  const [minutes, setMinutes] = useState('');
  const hold = useDeliberationMutation(() => api.post(`/api/meetings/${m.id}/hold`, { minutes, present }));
  const cancel = useDeliberationMutation(() => api.post(`/api/meetings/${m.id}/cancel`));
  return (
    <Card title={t('deliberation.meetings.attendance')}>
      <div data-testid={TID.meetingAttendees}>
        {m.attendees.map((a, i) => (
          <div key={a.id} style={{ padding: '4px 0' }}>
            <Checkbox data-testid={TID.meetingPresent(i)} checked={present.includes(a.id)} onChange={(e) => setPresent((p) => (e.target.checked ? [...p, a.id] : p.filter((x) => x !== a.id)))}>
              {t(`deliberation.party.${a.party}`)}：{a.name} {a.title}
            </Checkbox>
          </div>
        ))}
      </div>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('deliberation.meetings.minutes')}
      </Typography.Title>
      <Input.TextArea data-testid={TID.meetingMinutes} rows={5} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
      <Space style={{ marginTop: 12 }}>
        <Button data-testid={TID.meetingHold} type="primary" disabled={!minutes.trim() || !present.length} loading={hold.isPending} onClick={() => hold.mutate(undefined)}>
          {t('deliberation.meetings.hold')}
        </Button>
        <Button onClick={() => cancel.mutate(undefined)} loading={cancel.isPending}>
          {t('deliberation.meetings.cancel')}
        </Button>
      </Space>
    </Card>
  );
}

function Resolutions({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string; responsible: ResolutionBody['responsible']; dueDate: string; proposalId?: string }>();
  const proposals = useProposals(m.quarterId, m.canManage);
  const add = useDeliberationMutation((body: ResolutionBody) => api.post(`/api/meetings/${m.id}/resolutions`, body));
  return (
    <Card title={t('deliberation.meetings.resolutions')}>
      <Table
        data-testid={TID.meetingResolutions}
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={m.resolutions}
        columns={[
          { title: t('deliberation.meetings.resolution'), dataIndex: 'text', key: 'text' },
          {
            title: t('deliberation.meetings.actionTitle'),
            key: 'action',
            render: (_, r) => (
              <Link data-testid={TID.actionLink} to={`/actions/${r.action.id}`}>
                {r.action.title}
              </Link>
            ),
          },
          { title: t('deliberation.meetings.responsible'), key: 'responsible', render: (_, r) => t(`deliberation.party.${r.action.responsible}`) },
          { title: t('deliberation.meetings.dueDate'), key: 'due', className: 'gz-num', render: (_, r) => r.action.dueDate },
          { title: t('deliberation.meetings.col.status'), key: 'status', render: (_, r) => <ActionStatusTag status={r.action.status} overdue={r.action.overdue} testId={TID.actionStatus} /> },
        ]}
      />
      {m.canManage && (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 16, rowGap: 8 }}
          initialValues={{ responsible: 'company' }}
          onFinish={async (v) => {
            await add.mutateAsync({ ...v, proposalId: v.proposalId || undefined });
            form.resetFields();
          }}
        >
          <Form.Item name="text" rules={[{ required: true, message: t('deliberation.form.required') }]} style={{ minWidth: 320 }}>
            <Input data-testid={TID.meetingResolutionText} placeholder={t('deliberation.meetings.resolution')} maxLength={2000} />
          </Form.Item>
          <Form.Item name="responsible" label={t('deliberation.meetings.responsible')}>
            <Select data-testid={TID.meetingResolutionResponsible} style={{ width: 200 }} options={RESPONSIBLE.map((r) => ({ value: r, label: t(`deliberation.party.${r}`) }))} />
          </Form.Item>
          <Form.Item name="dueDate" label={t('deliberation.meetings.dueDate')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}>
            <Input data-testid={TID.meetingResolutionDue} placeholder="2026-04-30" style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="proposalId">
            <Select allowClear style={{ width: 200 }} placeholder={t('deliberation.proposals.col.title')} options={(proposals.data ?? []).map((p) => ({ value: p.id, label: p.title }))} />
          </Form.Item>
          <Button data-testid={TID.meetingResolutionAdd} type="primary" htmlType="submit" loading={add.isPending}>
            {t('deliberation.meetings.addResolution')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
