// A property company's service contract: record, edit.
import { Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { TID } from '../../testids';
import { useCompanies, useRecordWrite, type Contract } from '../../api';
import { todayIso, useClause, selectionMethods, compact, changedFields, RecordModal, dateInput } from './RecordModal';

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
