// The owners' committee in office: a member's removal, the yearly training and appraisal.
import { useMemo } from 'react';
import { Checkbox, Form, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TID } from '../../testids';
import { useRecordWrite, type Committee, type CommitteeMember } from '../../api';
import { todayIso, CLAUSE, useClause, ratings, compact, RecordModal, dateInput } from './RecordModal';

export function RemoveMemberModal({ quarterId, member, onClose }: { quarterId: string; member: CommitteeMember; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const write = useRecordWrite(quarterId);
  const submit = async () => {
    const v = await form.validateFields();
    return write.mutateAsync({ method: 'post', path: `/api/committee-members/${member.id}/removal`, body: { removedOn: v.removedOn, reason: v.reason.trim() } });
  };
  return (
    <RecordModal title={t('organizations.records.member.removeTitle', { name: member.name })} hint={t('organizations.records.member.removeHint')} clause={CLAUSE.removal} submitTestId={TID.orgRemoveSubmit} onSubmit={submit} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ removedOn: todayIso() }}>
        <Form.Item name="removedOn" label={t('organizations.records.member.removedOn')} rules={[{ required: true }]}>
          {dateInput(TID.orgRemoveDate)}
        </Form.Item>
        <Form.Item name="reason" label={t('organizations.records.member.reason')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input.TextArea data-testid={TID.orgRemoveReason} rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </RecordModal>
  );
}

const seated = (c: Committee) => c.members.filter((m) => !m.removedOn);

export function TrainingModal({ quarterId, committee, onClose }: { quarterId: string; committee: Committee; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const write = useRecordWrite(quarterId);
  const clause = useClause(quarterId, 'training');
  const members = useMemo(() => seated(committee), [committee]);
  const submit = async () => {
    const v = await form.validateFields();
    return write.mutateAsync({ method: 'post', path: `/api/committees/${committee.id}/trainings`, body: { heldOn: v.heldOn, topic: v.topic.trim(), memberIds: v.memberIds, ...compact({ organizer: v.organizer?.trim() }) } });
  };
  return (
    <RecordModal title={t('organizations.records.training.add')} hint={t('organizations.records.training.hint')} clause={clause} submitTestId={TID.orgTrainingSubmit} onSubmit={submit} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ heldOn: todayIso(), memberIds: members.map((m) => m.id) }}>
        <Form.Item name="heldOn" label={t('organizations.records.training.heldOn')} rules={[{ required: true }]}>
          {dateInput(TID.orgTrainingDate)}
        </Form.Item>
        <Form.Item name="topic" label={t('organizations.records.training.topic')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid={TID.orgTrainingTopic} maxLength={100} />
        </Form.Item>
        <Form.Item name="organizer" label={t('organizations.records.training.organizer')} rules={[{ max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="memberIds" label={t('organizations.records.training.attendees')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group options={members.map((m) => ({ value: m.id, label: `${m.name}（${m.positionLabel}）` }))} />
        </Form.Item>
      </Form>
    </RecordModal>
  );
}

export function AppraisalModal({ quarterId, committee, onClose }: { quarterId: string; committee: Committee; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const write = useRecordWrite(quarterId);
  const clause = useClause(quarterId, 'appraisal');
  const members = useMemo(() => seated(committee), [committee]);
  const today = todayIso();
  const submit = async () => {
    const v = await form.validateFields();
    const results = members.map((m) => ({ memberId: m.id, rating: v.ratings[m.id] as string }));
    return write.mutateAsync({
      method: 'post',
      path: `/api/committees/${committee.id}/appraisals`,
      body: { appraisedOn: v.appraisedOn, results, publishedOn: v.publishedOn || null, ...compact({ periodLabel: v.periodLabel?.trim(), ledBy: v.ledBy?.trim() }) },
    });
  };
  return (
    <RecordModal title={t('organizations.records.appraisal.add')} hint={t('organizations.records.appraisal.hint')} clause={clause} submitTestId={TID.orgAppraisalSubmit} onSubmit={submit} onClose={onClose} width={600}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ appraisedOn: today, periodLabel: `${Number(today.slice(0, 4)) - 1}`, ratings: Object.fromEntries(members.map((m) => [m.id, 'competent'])) }}
      >
        <Space wrap size="middle">
          <Form.Item name="appraisedOn" label={t('organizations.records.appraisal.appraisedOn')} rules={[{ required: true }]}>
            {dateInput(TID.orgAppraisalDate)}
          </Form.Item>
          <Form.Item name="periodLabel" label={t('organizations.records.appraisal.period')} rules={[{ max: 40 }]}>
            <Input maxLength={40} style={{ maxWidth: 160 }} />
          </Form.Item>
          <Form.Item name="publishedOn" label={t('organizations.records.appraisal.publishedOn')}>
            {dateInput(TID.orgAppraisalPublishedOn)}
          </Form.Item>
        </Space>
        <Form.Item name="ledBy" label={t('organizations.records.appraisal.ledBy')} rules={[{ max: 60 }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Typography.Text strong>{t('organizations.records.appraisal.rating')}</Typography.Text>
        {members.map((m) => (
          <Form.Item key={m.id} name={['ratings', m.id]} label={`${m.name}（${m.positionLabel}）`} style={{ marginBottom: 8 }}>
            <Select style={{ maxWidth: 200 }} options={ratings.map((r) => ({ value: r, label: t(`organizations.records.ratings.${r}`) }))} />
          </Form.Item>
        ))}
      </Form>
    </RecordModal>
  );
}


// ---- owners' supervisory committee (DB3305/T 309—2024 3.2) ----
