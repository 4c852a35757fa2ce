// The quarter's grids, building leaders, social organisations and volunteers: add, remove.
import { type ReactNode } from 'react';
import { Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { TID } from '../../testids';
import { useBuildings } from '../../../../api/queries';
import { useRecordWrite, type PeopleKind } from '../../api';
import { CLAUSE, compact, RecordModal, dateInput } from './RecordModal';

const phoneRule = { pattern: /^[0-9+\- ]*$/, max: 20 };
const phoneInput = (testId?: string) => <Input data-testid={testId} inputMode="tel" maxLength={20} />;

/** Title key, fields and request body of each kind; the frame around them is the same. */
export function PersonModal({ quarterId, kind, onClose }: { quarterId: string; kind: PeopleKind; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const write = useRecordWrite(quarterId);
  const buildings = useBuildings(quarterId);
  const key = `organizations.records.people.${kind}` as const;
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, string | undefined>;
    const trimmed = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? x.trim() : x]));
    return write.mutateAsync({ method: 'post', path: `/api/quarters/${quarterId}/${kind}`, body: compact(trimmed) });
  };
  const name = (max: number, label: string) => (
    <Form.Item name="name" label={label} rules={[{ required: true, whitespace: true, max }]}>
      <Input data-testid={TID.orgPersonName} maxLength={max} />
    </Form.Item>
  );
  const note = (
    <Form.Item name="note" label={t('organizations.records.people.note')} rules={[{ max: 200 }]}>
      <Input.TextArea rows={2} maxLength={200} />
    </Form.Item>
  );
  let fields: ReactNode;
  switch (kind) {
    case 'grids':
      fields = (
        <>
          {name(40, t('organizations.records.people.gridName'))}
          <Space wrap size="middle">
            <Form.Item name="leaderName" label={t('organizations.records.people.gridLeader')} rules={[{ max: 40 }]}>
              <Input data-testid={TID.orgPersonContact} maxLength={40} />
            </Form.Item>
            <Form.Item name="leaderPhone" label={t('organizations.records.people.phone')} rules={[phoneRule]}>
              {phoneInput(TID.orgPersonPhone)}
            </Form.Item>
          </Space>
          {note}
        </>
      );
      break;
    case 'building-leaders':
      fields = (
        <>
          <Form.Item name="buildingId" label={t('organizations.records.people.building')} rules={[{ required: true }]}>
            <Select
              data-testid={TID.orgPersonBuilding}
              showSearch={{ optionFilterProp: 'label' }}
              loading={buildings.isPending}
              notFoundContent={t('organizations.records.people.noBuilding')}
              options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
              style={{ maxWidth: 240 }}
            />
          </Form.Item>
          {name(40, t('organizations.records.people.name'))}
          <Space wrap size="middle">
            <Form.Item name="phone" label={t('organizations.records.people.phone')} rules={[phoneRule]}>
              {phoneInput(TID.orgPersonPhone)}
            </Form.Item>
            <Form.Item name="startedOn" label={t('organizations.records.people.startedOn')}>
              {dateInput(TID.orgPersonDate)}
            </Form.Item>
          </Space>
          {note}
        </>
      );
      break;
    case 'social-organizations':
      fields = (
        <>
          {name(80, t('organizations.records.people.orgName'))}
          <Form.Item name="kind" label={t('organizations.records.people.orgKind')} rules={[{ max: 40 }]}>
            <Input maxLength={40} placeholder={t('organizations.records.people.orgKindExample')} />
          </Form.Item>
          <Space wrap size="middle">
            <Form.Item name="contactName" label={t('organizations.records.people.contactName')} rules={[{ max: 40 }]}>
              <Input data-testid={TID.orgPersonContact} maxLength={40} />
            </Form.Item>
            <Form.Item name="contactPhone" label={t('organizations.records.people.phone')} rules={[phoneRule]}>
              {phoneInput(TID.orgPersonPhone)}
            </Form.Item>
          </Space>
          {note}
        </>
      );
      break;
    case 'volunteers':
      fields = (
        <>
          {name(40, t('organizations.records.people.name'))}
          <Space wrap size="middle">
            <Form.Item name="phone" label={t('organizations.records.people.phone')} rules={[phoneRule]}>
              {phoneInput(TID.orgPersonPhone)}
            </Form.Item>
            <Form.Item name="joinedOn" label={t('organizations.records.people.joinedOn')}>
              {dateInput(TID.orgPersonDate)}
            </Form.Item>
          </Space>
          <Form.Item name="team" label={t('organizations.records.people.team')} rules={[{ max: 40 }]}>
            <Input data-testid={TID.orgPersonTeam} maxLength={40} />
          </Form.Item>
          <Form.Item name="skills" label={t('organizations.records.people.skills')} rules={[{ max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
        </>
      );
      break;
  }
  return (
    <RecordModal title={t(`${key}.add`)} hint={t(`${key}.hint`)} clause={CLAUSE[kind]} submitTestId={TID.orgPersonSubmit} onSubmit={submit} onClose={onClose}>
      <Form form={form} layout="vertical">
        {fields}
      </Form>
    </RecordModal>
  );
}

/** Removing a grid, building leader, social organisation or volunteer deletes the record (the API keeps no history of them). */
export function RemovePersonModal({ quarterId, kind, person, onClose }: { quarterId: string; kind: PeopleKind; person: { id: string; name: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const write = useRecordWrite(quarterId);
  return (
    <RecordModal
      title={t('organizations.records.people.removeTitle', { name: person.name })}
      hint={t('organizations.records.people.removeHint')}
      clause={CLAUSE[kind]}
      submitTestId={TID.orgPersonRemoveSubmit}
      onSubmit={() => write.mutateAsync({ method: 'delete', path: `/api/${kind}/${person.id}` })}
      onClose={onClose}
    >
      {null}
    </RecordModal>
  );
}
