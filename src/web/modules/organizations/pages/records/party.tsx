// A party organisation of the quarter: record, edit.
import { Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { TID } from '../../testids';
import { useCompanies, useRecordWrite, type Organizations, type PartyOrganization } from '../../api';
import { useClause, partyForms, compact, changedFields, RecordModal, dateInput } from './RecordModal';

export function PartyOrgModal({ quarterId, data, onClose }: { quarterId: string; data: Organizations; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const write = useRecordWrite(quarterId);
  const clause = useClause(quarterId, 'party');
  const kind = (Form.useWatch('kind', form) ?? 'quarter') as 'quarter' | 'committee' | 'company';
  const companies = useCompanies(kind === 'company');
  const committee = data.committees.find((c) => c.status === 'active') ?? data.committees.find((c) => c.status === 'forming');
  const submit = async () => {
    const v = await form.validateFields();
    const owner = v.kind === 'quarter' ? { quarterId } : v.kind === 'committee' ? { ownersCommitteeId: committee?.id } : { propertyCompanyId: v.propertyCompanyId };
    return write.mutateAsync({
      method: 'post',
      path: '/api/party-organizations',
      body: { kind: v.kind, ...owner, ...compact({ name: v.name, form: v.form, secretaryName: v.secretaryName, secretaryPhone: v.secretaryPhone, memberCount: v.memberCount, establishedOn: v.establishedOn }) },
    });
  };
  return (
    <RecordModal title={t('organizations.records.party.add')} hint={t('organizations.records.party.addHint')} clause={clause} submitTestId={TID.orgPartySubmit} onSubmit={submit} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'quarter', form: 'branch' }}>
        <Form.Item
          name="kind"
          label={t('organizations.records.party.kind')}
          rules={[{ validator: (_, k) => (k === 'committee' && !committee ? Promise.reject(new Error(t('organizations.records.party.noCommittee'))) : Promise.resolve()) }]}
        >
          <Radio.Group data-testid={TID.orgPartyKind}>
            {(['quarter', 'committee', 'company'] as const).map((k) => (
              <Radio key={k} value={k}>
                {t(`organizations.records.party.kinds.${k}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {kind === 'company' && (
          <Form.Item name="propertyCompanyId" label={t('organizations.records.contract.company')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={companies.isPending}
              notFoundContent={t('organizations.records.party.noCompany')}
              options={(companies.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        )}
        <PartyOrgFields />
      </Form>
    </RecordModal>
  );
}

/** A party organisation's particulars; on an edit, the member count is required and it can be dissolved. */
function PartyOrgFields({ edit = false }: { edit?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="name" label={t('organizations.records.party.name')} rules={[{ required: true, whitespace: true, max: 80 }]}>
        <Input data-testid={TID.orgPartyName} maxLength={80} />
      </Form.Item>
      <Form.Item name="form" label={t('organizations.records.party.form')}>
        <Select options={partyForms.map((f) => ({ value: f, label: t(`organizations.records.partyForms.${f}`) }))} />
      </Form.Item>
      <Space wrap size="middle">
        <Form.Item name="secretaryName" label={t('organizations.records.party.secretaryName')} rules={[{ max: 40 }]}>
          <Input data-testid={TID.orgPartySecretaryName} maxLength={40} />
        </Form.Item>
        <Form.Item name="secretaryPhone" label={t('organizations.records.party.secretaryPhone')} rules={[{ pattern: /^[0-9+\- ]*$/ }]}>
          <Input inputMode="tel" maxLength={20} />
        </Form.Item>
      </Space>
      <Space wrap size="middle">
        <Form.Item name="memberCount" label={t('organizations.records.party.memberCount')} rules={edit ? [{ required: true }] : []}>
          <InputNumber data-testid={TID.orgPartyMemberCount} min={0} max={100000} precision={0} />
        </Form.Item>
        <Form.Item name="establishedOn" label={t('organizations.records.party.establishedOn')}>
          {dateInput(TID.orgPartyEstablishedOn)}
        </Form.Item>
        {edit && (
          <Form.Item name="dissolvedOn" label={t('organizations.records.party.dissolvedOn')}>
            {dateInput(TID.orgPartyDissolvedOn)}
          </Form.Item>
        )}
      </Space>
    </>
  );
}

/** A party organisation's particulars, or its dissolution; whom it belongs to stays as recorded. */
export function EditPartyOrgModal({ quarterId, organization, onClose }: { quarterId: string; organization: PartyOrganization; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const write = useRecordWrite(quarterId);
  const clause = useClause(quarterId, 'party');
  const submit = async () => {
    const v = await form.validateFields();
    const before = {
      name: organization.name,
      form: organization.form,
      secretaryName: organization.secretaryName,
      secretaryPhone: organization.secretaryPhone,
      memberCount: organization.memberCount,
      establishedOn: organization.establishedOn,
      dissolvedOn: organization.dissolvedOn,
    };
    const body = changedFields(before, {
      name: (v.name as string).trim(),
      form: v.form as string,
      secretaryName: ((v.secretaryName as string | undefined) ?? '').trim(),
      secretaryPhone: (v.secretaryPhone as string | undefined)?.trim() || null,
      memberCount: v.memberCount as number,
      establishedOn: v.establishedOn || null,
      dissolvedOn: v.dissolvedOn || null,
    });
    if (!Object.keys(body).length) return undefined;
    return write.mutateAsync({ method: 'patch', path: `/api/party-organizations/${organization.id}`, body });
  };
  return (
    <RecordModal
      title={t('organizations.records.party.editTitle', { name: organization.name })}
      hint={t('organizations.records.party.editHint', { kind: organization.kindLabel })}
      clause={clause}
      submitTestId={TID.orgPartyEditSubmit}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          name: organization.name,
          form: organization.form,
          secretaryName: organization.secretaryName,
          secretaryPhone: organization.secretaryPhone ?? '',
          memberCount: organization.memberCount,
          establishedOn: organization.establishedOn ?? '',
          dissolvedOn: organization.dissolvedOn ?? '',
        }}
      >
        <PartyOrgFields edit />
      </Form>
    </RecordModal>
  );
}

// ---- the committee in office: removal, training, appraisal (百委〔2023〕37号 二（二）7) ----
