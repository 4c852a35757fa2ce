// The owners' supervisory committee: record, add members, remove a member, end its term.
import { useMemo } from 'react';
import { Checkbox, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { TID } from '../../testids';
import {
  useQuarterOwners,
  useRecordWrite,
  type SupervisoryCommittee,
  type SupervisoryMember,
} from '../../api';
import { todayIso, CLAUSE, changedFields, RecordModal, dateInput, plusYears } from './RecordModal';


export function SupervisoryModal({ quarterId, onClose }: { quarterId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const write = useRecordWrite(quarterId);
  const owners = useQuarterOwners(quarterId, true);
  const today = useMemo(todayIso, []);
  // Members are natural-person owners of the quarter (the server refuses anyone else).
  const ownerOptions = (owners.data?.items ?? []).filter((o) => o.kind === 'person').map((o) => ({ value: o.id, label: o.name }));
  const chosen = (Form.useWatch('memberIds', form) ?? []) as string[];
  const chosenOptions = ownerOptions.filter((o) => chosen.includes(o.value));
  const submit = async () => {
    const v = await form.validateFields();
    const party = new Set<string>(v.partyIds ?? []);
    const members = (v.memberIds as string[]).map((ownerId) => ({ ownerId, position: ownerId === v.chairId ? 'chair' : 'member', isPartyMember: party.has(ownerId) }));
    return write.mutateAsync({ method: 'post', path: `/api/quarters/${quarterId}/supervisory-committees`, body: { termStart: v.termStart, termEnd: v.termEnd, electedOn: v.electedOn || null, members } });
  };
  return (
    <RecordModal title={t('organizations.records.supervisory.add')} hint={t('organizations.records.supervisory.addHint')} clause={CLAUSE.supervisory} submitTestId={TID.orgSupervisorySubmit} onSubmit={submit} onClose={onClose} width={600}>
      <Form form={form} layout="vertical" initialValues={{ termStart: today, termEnd: plusYears(today, 3), memberIds: [], partyIds: [] }}>
        <Space wrap size="middle">
          <Form.Item name="termStart" label={t('organizations.records.supervisory.termStart')} rules={[{ required: true }]}>
            {dateInput(TID.orgSupervisoryTermStart)}
          </Form.Item>
          <Form.Item name="termEnd" label={t('organizations.records.supervisory.termEnd')} rules={[{ required: true }]}>
            {dateInput(TID.orgSupervisoryTermEnd)}
          </Form.Item>
          <Form.Item name="electedOn" label={t('organizations.records.supervisory.electedOn')}>
            {dateInput(TID.orgSupervisoryElectedOn)}
          </Form.Item>
        </Space>
        <Form.Item name="memberIds" label={t('organizations.records.supervisory.members')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Select
            mode="multiple"
            data-testid={TID.orgSupervisoryMembers}
            showSearch={{ optionFilterProp: 'label' }}
            loading={owners.isPending}
            options={ownerOptions}
            onChange={(ids: string[]) => {
              // A chair or party mark left on someone taken off the list would send a stale id.
              const { chairId, partyIds } = form.getFieldsValue(['chairId', 'partyIds']) as { chairId?: string; partyIds?: string[] };
              form.setFieldsValue({ chairId: chairId && ids.includes(chairId) ? chairId : undefined, partyIds: (partyIds ?? []).filter((id) => ids.includes(id)) });
            }}
          />
        </Form.Item>
        <Form.Item name="chairId" label={t('organizations.records.supervisory.chair')}>
          <Select data-testid={TID.orgSupervisoryChair} allowClear showSearch={{ optionFilterProp: 'label' }} options={chosenOptions} style={{ maxWidth: 240 }} />
        </Form.Item>
        <Form.Item name="partyIds" label={t('organizations.records.supervisory.party')}>
          <Checkbox.Group options={chosenOptions} />
        </Form.Item>
      </Form>
    </RecordModal>
  );
}

export function RemoveSupervisoryMemberModal({ quarterId, member, onClose }: { quarterId: string; member: SupervisoryMember; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const write = useRecordWrite(quarterId);
  const submit = async () => {
    const v = await form.validateFields();
    return write.mutateAsync({ method: 'post', path: `/api/supervisory-members/${member.id}/removal`, body: { removedOn: v.removedOn, reason: v.reason.trim() } });
  };
  return (
    <RecordModal
      title={t('organizations.records.supervisory.removeTitle', { name: member.name })}
      hint={t('organizations.records.supervisory.removeHint')}
      clause={CLAUSE.supervisory}
      submitTestId={TID.orgSupervisoryRemoveSubmit}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ removedOn: todayIso() }}>
        <Form.Item name="removedOn" label={t('organizations.records.member.removedOn')} rules={[{ required: true }]}>
          {dateInput(TID.orgSupervisoryRemoveDate)}
        </Form.Item>
        <Form.Item name="reason" label={t('organizations.records.member.reason')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input.TextArea data-testid={TID.orgSupervisoryRemoveReason} rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </RecordModal>
  );
}

/** Adds owners to the committee in office; those seated now are not offered again (the server refuses them). */
export function AddSupervisoryMembersModal({ quarterId, committee, onClose }: { quarterId: string; committee: SupervisoryCommittee; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const write = useRecordWrite(quarterId);
  const owners = useQuarterOwners(quarterId, true);
  const seatedNow = committee.members.filter((m) => !m.removedOn);
  const seatedIds = new Set(seatedNow.map((m) => m.ownerId));
  // A chair is chosen here only while the committee has none seated.
  const hasChair = seatedNow.some((m) => m.position === 'chair');
  const ownerOptions = (owners.data?.items ?? []).filter((o) => o.kind === 'person' && !seatedIds.has(o.id)).map((o) => ({ value: o.id, label: o.name }));
  const chosen = (Form.useWatch('memberIds', form) ?? []) as string[];
  const chosenOptions = ownerOptions.filter((o) => chosen.includes(o.value));
  const submit = async () => {
    const v = await form.validateFields();
    const party = new Set<string>(v.partyIds ?? []);
    const members = (v.memberIds as string[]).map((ownerId) => ({
      ownerId,
      position: !hasChair && ownerId === v.chairId ? 'chair' : 'member',
      isPartyMember: party.has(ownerId),
      joinedOn: v.joinedOn || null,
    }));
    return write.mutateAsync({ method: 'post', path: `/api/supervisory-committees/${committee.id}/members`, body: { members } });
  };
  return (
    <RecordModal
      title={t('organizations.records.supervisory.addMembersTitle')}
      hint={t('organizations.records.supervisory.addMembersHint', { start: committee.termStart, end: committee.termEnd })}
      clause={CLAUSE.supervisory}
      submitTestId={TID.orgSupervisoryMembersSubmit}
      onSubmit={submit}
      onClose={onClose}
      width={600}
    >
      <Form form={form} layout="vertical" initialValues={{ memberIds: [], partyIds: [], joinedOn: todayIso() }}>
        <Form.Item name="memberIds" label={t('organizations.records.supervisory.newMembers')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Select
            mode="multiple"
            data-testid={TID.orgSupervisoryMembers}
            showSearch={{ optionFilterProp: 'label' }}
            loading={owners.isPending}
            options={ownerOptions}
            onChange={(ids: string[]) => {
              // A chair or party mark left on someone taken off the list would send a stale id.
              const { chairId, partyIds } = form.getFieldsValue(['chairId', 'partyIds']) as { chairId?: string; partyIds?: string[] };
              form.setFieldsValue({ chairId: chairId && ids.includes(chairId) ? chairId : undefined, partyIds: (partyIds ?? []).filter((id) => ids.includes(id)) });
            }}
          />
        </Form.Item>
        {!hasChair && (
          <Form.Item name="chairId" label={t('organizations.records.supervisory.chair')}>
            <Select data-testid={TID.orgSupervisoryChair} allowClear showSearch={{ optionFilterProp: 'label' }} options={chosenOptions} style={{ maxWidth: 240 }} />
          </Form.Item>
        )}
        <Form.Item name="partyIds" label={t('organizations.records.supervisory.party')}>
          <Checkbox.Group options={chosenOptions} />
        </Form.Item>
        <Form.Item name="joinedOn" label={t('organizations.records.supervisory.joinedOn')}>
          {dateInput(TID.orgSupervisoryJoinedOn)}
        </Form.Item>
      </Form>
    </RecordModal>
  );
}

/**
 * Ends the committee's term (status 'ended'); the day it ended is its term end, which an early
 * end brings forward. Once ended the server takes no more changes to it.
 */
export function EndSupervisoryModal({ quarterId, committee, onClose }: { quarterId: string; committee: SupervisoryCommittee; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const write = useRecordWrite(quarterId);
  const today = useMemo(todayIso, []);
  const submit = async () => {
    const v = await form.validateFields();
    return write.mutateAsync({ method: 'patch', path: `/api/supervisory-committees/${committee.id}`, body: { status: 'ended', ...changedFields({ termEnd: committee.termEnd }, { termEnd: v.termEnd as string }) } });
  };
  return (
    <RecordModal
      title={t('organizations.records.supervisory.endTitle')}
      hint={t('organizations.records.supervisory.endHint', { start: committee.termStart, end: committee.termEnd })}
      clause={CLAUSE.supervisory}
      submitTestId={TID.orgSupervisoryEndSubmit}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ termEnd: committee.termEnd < today ? committee.termEnd : today }}>
        <Form.Item name="termEnd" label={t('organizations.records.supervisory.endedOn')} rules={[{ required: true }]}>
          {dateInput(TID.orgSupervisoryEndDate)}
        </Form.Item>
      </Form>
    </RecordModal>
  );
}

// ---- grids, building leaders, social organisations, volunteers (DB3305/T 309—2024 3.4, A.5–A.6) ----
