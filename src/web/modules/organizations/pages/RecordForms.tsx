// Forms of the dossier's organisations tab for the records that staff keep up to date: the
// commissioner (appoint, end), a property company's service contract (record, edit), a party
// organisation (record, edit), for the committee in office a member's removal, the yearly
// training and the yearly appraisal, the owners' supervisory committee (record, add members,
// remove a member, end its term), and the quarter's grids, building leaders, social
// organisations and volunteers (add, remove).
// Every form is a modal of the same shape: a refused save (422) lists every violated rule with its
// clause, and a save that went through with warnings shows them before the modal closes.
import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Checkbox, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { TID } from '../testids';
import { useBuildings } from '../../../api/queries';
import {
  useCompanies,
  useOrganizations,
  useQuarterOwners,
  useRecordWrite,
  useRulesInForce,
  violationsOf,
  type CheckItem,
  type Committee,
  type CommitteeMember,
  type Contract,
  type Organizations,
  type PartyOrganization,
  type PeopleKind,
  type SupervisoryCommittee,
  type SupervisoryMember,
  type Violation,
} from '../api';
import { Citation, ViolationList, WarningList } from './shared';

export const todayIso = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/**
 * The clauses each form is about, shown under its title. The same texts as the server's
 * citations (src/core/policy/citations.ts) under the default pack; forms backed by a rule show
 * the clauses of the quarter's pack instead once the rules have loaded (useClause). The
 * refusals themselves come with the server's own.
 */
const CLAUSE = {
  commissioner: 'T/ZAS 4006.1—2020 5.3.1',
  contract: 'T/ZAS 4006.1—2020 5.5.2',
  party: 'T/ZAS 4006.1—2020 5.1.2；百委〔2023〕37号 二（四）11',
  removal: '百委〔2023〕37号 二（二）7',
  training: '百委〔2023〕37号 二（二）7',
  appraisal: '百委〔2023〕37号 二（二）7',
  // DB3305/T 309—2024: 3.2 defines the supervisory committee, 3.4 the building leader; 4.1 sends
  // the work of each body to annex A (A.3 supervisory committee, A.5 social organisations, A.6
  // the other teams: grids, building leaders, volunteers), as the server's module cites them.
  supervisory: 'DB3305/T 309—2024 3.2、A.3',
  grids: 'DB3305/T 309—2024 4.1、A.6',
  'building-leaders': 'DB3305/T 309—2024 3.4、A.6',
  'social-organizations': 'DB3305/T 309—2024 A.5',
  volunteers: 'DB3305/T 309—2024 A.6',
} as const;

/**
 * The rule behind a form, whose citations differ from pack to pack (BG cites its own 二（一）2 for
 * the commissioner, HN its half-yearly appraisal). A member's removal has none of its own: the
 * appraisal rule's clauses would not be about removal under every pack.
 */
const CLAUSE_RULE: Partial<Record<keyof typeof CLAUSE, string>> = {
  commissioner: 'commissioner-assigned',
  contract: 'single-property-company',
  party: 'party-organization-required',
  training: 'committee-training-yearly',
  appraisal: 'committee-appraisal',
};

/**
 * The clause shown under a form's title: the citations of its rule in the quarter's pack, from
 * the rules in force for the caller's district, so long as that is the quarter's pack too;
 * otherwise, and while the rules load, the default pack's.
 */
function useClause(quarterId: string, key: keyof typeof CLAUSE): string {
  const rules = useRulesInForce();
  const orgs = useOrganizations(quarterId);
  const ruleId = CLAUSE_RULE[key];
  if (!ruleId || !rules.data || rules.data.pack.id !== orgs.data?.pack) return CLAUSE[key];
  const texts = [...new Set(rules.data.rules.find((r) => r.id === ruleId)?.citations.map((c) => c.text) ?? [])];
  return texts.length ? texts.join('；') : CLAUSE[key];
}

const selectionMethods = ['tender', 'direct', 'assembly-vote'] as const;
const partyForms = ['branch', 'general-branch', 'party-committee', 'joint-branch', 'attached'] as const;
const ratings = ['excellent', 'competent', 'basically-competent', 'incompetent'] as const;

/** Empty inputs are left out rather than sent as "", which the server reads as a value. */
export function compact<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Partial<T>;
}

/** Only what an edit form changed is sent, so that the audit log records just that. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): Partial<T> {
  return Object.fromEntries(Object.entries(after).filter(([k, v]) => v !== before[k])) as Partial<T>;
}

interface RecordModalProps {
  title: string;
  hint?: string;
  clause?: string;
  submitTestId: string;
  /** Runs the save; resolves to the server's answer (its `warnings`, if any, are shown). */
  onSubmit: () => Promise<unknown>;
  onClose: () => void;
  children: ReactNode;
  width?: number;
}

/** The frame every record form shares: clause hint, violations, other errors, warnings after a save. */
export function RecordModal({ title, hint, clause, submitTestId, onSubmit, onClose, children, width }: RecordModalProps) {
  const { t } = useTranslation();
  const [violations, setViolations] = useState<Violation[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<CheckItem[] | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async () => {
    setViolations([]);
    setError(null);
    setPending(true);
    try {
      const res = (await onSubmit()) as { warnings?: CheckItem[] } | undefined;
      if (res?.warnings?.length) setWarnings(res.warnings);
      else onClose();
    } catch (err) {
      // antd's own validation failure: the fields already say what is missing.
      if (err && typeof err === 'object' && 'errorFields' in err) return;
      const found = violationsOf(err);
      if (found.length) setViolations(found);
      else setError(err instanceof ApiError || err instanceof Error ? err.message : String(err));
    } finally {
      setPending(false);
    }
  };
  if (warnings) {
    return (
      <Modal open title={t('organizations.records.saved')} onCancel={onClose} onOk={onClose} okText={t('organizations.records.close')} okButtonProps={{ 'data-testid': TID.orgRecordClose } as never} cancelButtonProps={{ style: { display: 'none' } }}>
        <WarningList warnings={warnings} />
      </Modal>
    );
  }
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('organizations.records.save')}
      okButtonProps={{ 'data-testid': submitTestId, loading: pending } as never}
      destroyOnHidden
      width={width}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {hint && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {hint}
            {clause && <Citation text={clause} />}
          </Typography.Paragraph>
        )}
        <ViolationList violations={violations} />
        {error && <Alert type="error" showIcon role="alert" title={error} data-testid={TID.orgRecordError} />}
        {children}
      </Space>
    </Modal>
  );
}

export const dateInput = (testId: string) => <Input type="date" data-testid={testId} style={{ maxWidth: 200 }} />;

// ---- commissioner (T/ZAS 4006.1—2020 5.3.1) ----

export function AppointCommissionerModal({ quarterId, onClose }: { quarterId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const write = useRecordWrite(quarterId);
  const clause = useClause(quarterId, 'commissioner');
  const submit = async () => {
    const v = await form.validateFields();
    return write.mutateAsync({ method: 'post', path: `/api/quarters/${quarterId}/commissioners`, body: { ...compact(v), trainedOn: v.trainedOn || null } });
  };
  return (
    <RecordModal title={t('organizations.records.commissioner.appoint')} hint={t('organizations.records.commissioner.appointHint')} clause={clause} submitTestId={TID.orgCommissionerSubmit} onSubmit={submit} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ startedOn: todayIso(), isPartyMember: false }}>
        <Form.Item name="name" label={t('organizations.records.commissioner.name')} rules={[{ required: true, whitespace: true, max: 40 }]}>
          <Input data-testid={TID.orgCommissionerName} maxLength={40} />
        </Form.Item>
        <Form.Item name="phone" label={t('organizations.records.commissioner.phone')} rules={[{ required: true, pattern: /^[0-9+\- ]{5,20}$/ }]}>
          <Input data-testid={TID.orgCommissionerPhone} inputMode="tel" maxLength={20} />
        </Form.Item>
        <Form.Item name="isPartyMember" valuePropName="checked">
          <Checkbox data-testid={TID.orgCommissionerParty}>{t('organizations.records.commissioner.isParty')}</Checkbox>
        </Form.Item>
        <Space wrap size="middle">
          <Form.Item name="trainedOn" label={t('organizations.records.commissioner.trainedOn')}>
            {dateInput(TID.orgCommissionerTrainedOn)}
          </Form.Item>
          <Form.Item name="startedOn" label={t('organizations.records.commissioner.startedOn')} rules={[{ required: true }]}>
            {dateInput(TID.orgCommissionerStartedOn)}
          </Form.Item>
        </Space>
      </Form>
    </RecordModal>
  );
}

export function EndCommissionerModal({ quarterId, commissioner, onClose }: { quarterId: string; commissioner: { id: string; name: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const write = useRecordWrite(quarterId);
  const clause = useClause(quarterId, 'commissioner');
  const submit = async () => {
    const v = await form.validateFields();
    return write.mutateAsync({ method: 'patch', path: `/api/commissioners/${commissioner.id}`, body: { endedOn: v.endedOn, endReason: v.endReason?.trim() || null } });
  };
  return (
    <RecordModal
      title={t('organizations.records.commissioner.endTitle', { name: commissioner.name })}
      hint={t('organizations.records.commissioner.endHint')}
      clause={clause}
      submitTestId={TID.orgCommissionerEndSubmit}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ endedOn: todayIso() }}>
        <Form.Item name="endedOn" label={t('organizations.records.commissioner.endedOn')} rules={[{ required: true }]}>
          {dateInput(TID.orgCommissionerEndedOn)}
        </Form.Item>
        <Form.Item name="endReason" label={t('organizations.records.commissioner.endReason')} rules={[{ max: 200 }]}>
          <Input.TextArea data-testid={TID.orgCommissionerEndReason} rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </RecordModal>
  );
}

// ---- property company and service contract (T/ZAS 4006.1—2020 5.5.2) ----

export function ContractModal({ quarterId, onClose }: { quarterId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const write = useRecordWrite(quarterId);
  const clause = useClause(quarterId, 'contract');
  const companies = useCompanies(true);
  const mode = Form.useWatch('companyMode', form) as 'existing' | 'new' | undefined;
  const submit = async () => {
    const v = await form.validateFields();
    let companyId = v.propertyCompanyId as string | undefined;
    if (v.companyMode === 'new') {
      const created = (await write.mutateAsync({
        method: 'post',
        path: '/api/property-companies',
        body: compact({ name: v.companyName, creditCode: v.creditCode?.trim().toUpperCase(), phone: v.companyPhone, partyMemberCount: v.partyMemberCount, fullPartyMemberCount: v.fullPartyMemberCount }),
      })) as { id: string };
      companyId = created.id;
      // Registered now: a retry after a refused contract must not register it a second time.
      form.setFieldsValue({ companyMode: 'existing', propertyCompanyId: companyId });
    }
    return write.mutateAsync({
      method: 'post',
      path: `/api/quarters/${quarterId}/contracts`,
      body: {
        propertyCompanyId: companyId,
        selectionMethod: v.selectionMethod,
        startsOn: v.startsOn,
        endsOn: v.endsOn || null,
        signedOn: v.signedOn || null,
        // Fee standards are kept in fen per m² per month (docs/api.md), entered in yuan.
        feeStandardFen: Math.round(Number(v.feeYuan) * 100),
        ...(v.serviceStandard?.trim() ? { serviceStandard: v.serviceStandard.trim() } : {}),
      },
    });
  };
  return (
    <RecordModal title={t('organizations.records.contract.add')} hint={t('organizations.records.contract.addHint')} clause={clause} submitTestId={TID.orgContractSubmit} onSubmit={submit} onClose={onClose} width={600}>
      <Form form={form} layout="vertical" initialValues={{ companyMode: 'existing', selectionMethod: 'tender', startsOn: todayIso() }}>
        <Form.Item name="companyMode" label={t('organizations.records.contract.companyMode')}>
          <Radio.Group data-testid={TID.orgContractCompanyMode}>
            <Radio value="existing">{t('organizations.records.contract.existing')}</Radio>
            <Radio value="new">{t('organizations.records.contract.newCompany')}</Radio>
          </Radio.Group>
        </Form.Item>
        {mode !== 'new' ? (
          <Form.Item name="propertyCompanyId" label={t('organizations.records.contract.company')} rules={[{ required: true }]}>
            <Select
              data-testid={TID.orgContractCompany}
              showSearch={{ optionFilterProp: 'label' }}
              loading={companies.isPending}
              options={(companies.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.creditCode}）` }))}
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="companyName" label={t('organizations.records.contract.companyName')} rules={[{ required: true, whitespace: true, max: 100 }]}>
              <Input data-testid={TID.orgContractCompanyName} maxLength={100} />
            </Form.Item>
            <Form.Item name="creditCode" label={t('organizations.records.contract.creditCode')} rules={[{ required: true, pattern: /^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{2}\d{6}[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{10}$/ }]}>
              <Input data-testid={TID.orgContractCreditCode} maxLength={18} />
            </Form.Item>
            <Form.Item name="companyPhone" label={t('organizations.records.contract.companyPhone')} rules={[{ pattern: /^[0-9+\- ]*$/ }]}>
              <Input inputMode="tel" maxLength={20} />
            </Form.Item>
            <Space wrap size="middle">
              <Form.Item name="partyMemberCount" label={t('organizations.records.contract.partyMembers')}>
                <InputNumber min={0} max={100000} precision={0} />
              </Form.Item>
              <Form.Item name="fullPartyMemberCount" label={t('organizations.records.contract.fullPartyMembers')}>
                <InputNumber min={0} max={100000} precision={0} />
              </Form.Item>
            </Space>
          </>
        )}
        <Form.Item name="selectionMethod" label={t('organizations.records.contract.method')}>
          <Select data-testid={TID.orgContractMethod} options={selectionMethods.map((m) => ({ value: m, label: t(`organizations.records.methods.${m}`) }))} />
        </Form.Item>
        <ContractTermsFields />
      </Form>
    </RecordModal>
  );
}

/** A contract's dates, fee (entered in yuan) and service standard; on an edit, its early end. */
function ContractTermsFields({ withTermination = false }: { withTermination?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Space wrap size="middle">
        <Form.Item name="startsOn" label={t('organizations.records.contract.startsOn')} rules={[{ required: true }]}>
          {dateInput(TID.orgContractStartsOn)}
        </Form.Item>
        <Form.Item name="endsOn" label={t('organizations.records.contract.endsOn')}>
          {dateInput(TID.orgContractEndsOn)}
        </Form.Item>
        <Form.Item name="signedOn" label={t('organizations.records.contract.signedOn')}>
          {dateInput(TID.orgContractSignedOn)}
        </Form.Item>
      </Space>
      {withTermination && (
        <Form.Item name="terminatedOn" label={t('organizations.records.contract.terminatedOn')}>
          {dateInput(TID.orgContractTerminatedOn)}
        </Form.Item>
      )}
      <Form.Item name="feeYuan" label={t('organizations.records.contract.fee')} rules={[{ required: true }]}>
        <InputNumber data-testid={TID.orgContractFee} min={0} max={10000} precision={2} step={0.1} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="serviceStandard" label={t('organizations.records.contract.standard')} rules={[{ max: 500 }]}>
        <Input.TextArea data-testid={TID.orgContractStandard} rows={2} maxLength={500} />
      </Form.Item>
    </>
  );
}

/**
 * A contract's dates, fee and service standard, or its early end. The company and how it was
 * chosen are not part of PATCH /api/contracts/:id: another company is another contract.
 */
export function EditContractModal({ quarterId, contract, onClose }: { quarterId: string; contract: Contract; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const write = useRecordWrite(quarterId);
  const clause = useClause(quarterId, 'contract');
  const submit = async () => {
    const v = await form.validateFields();
    const before = {
      startsOn: contract.startsOn,
      endsOn: contract.endsOn,
      terminatedOn: contract.terminatedOn,
      signedOn: contract.signedOn,
      feeStandardFen: contract.feeStandardFen,
      serviceStandard: contract.serviceStandard,
    };
    const body = changedFields(before, {
      startsOn: v.startsOn as string,
      endsOn: v.endsOn || null,
      terminatedOn: v.terminatedOn || null,
      signedOn: v.signedOn || null,
      feeStandardFen: Math.round(Number(v.feeYuan) * 100),
      serviceStandard: ((v.serviceStandard as string | undefined) ?? '').trim(),
    });
    if (!Object.keys(body).length) return undefined;
    return write.mutateAsync({ method: 'patch', path: `/api/contracts/${contract.id}`, body });
  };
  return (
    <RecordModal
      title={t('organizations.records.contract.editTitle', { company: contract.companyName })}
      hint={t('organizations.records.contract.editHint', { method: contract.selectionMethodLabel })}
      clause={clause}
      submitTestId={TID.orgContractEditSubmit}
      onSubmit={submit}
      onClose={onClose}
      width={600}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          startsOn: contract.startsOn,
          endsOn: contract.endsOn ?? '',
          terminatedOn: contract.terminatedOn ?? '',
          signedOn: contract.signedOn ?? '',
          feeYuan: contract.feeStandardFen / 100,
          serviceStandard: contract.serviceStandard,
        }}
      >
        <ContractTermsFields withTermination />
      </Form>
    </RecordModal>
  );
}

// ---- party organisation (T/ZAS 4006.1—2020 5.1.2; 百委〔2023〕37号 二（四）11) ----

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

const plusYears = (iso: string, n: number) => `${Number(iso.slice(0, 4)) + n}${iso.slice(4)}`;

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
