// The quarter commissioner (小区专员): appoint, end.
import { Checkbox, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { TID } from '../../testids';
import { useRecordWrite } from '../../api';
import { todayIso, useClause, compact, RecordModal, dateInput } from './RecordModal';

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
