import { useMemo, useState } from 'react';
import { Button, Card, Checkbox, Form, Input, Radio, Segmented, Space, Switch, Table, Tag, Typography, type TableProps } from 'antd';
import { HeartFilled, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client';
import { RESIDENT_KINDS, useResidents, type Resident, type ResidentKind } from '../../api';
import { hasPermission } from '../../../../auth/session';
import { FormModal } from '../../../../components/FormModal';
import { QueryError } from '../../../../components/QueryState';
import { UnitSelect } from '../../components/RemoteSelects';
import { notifySuccess } from '../../../../lib/feedback';
import { isPlausiblePhone, isValidIdNumber, normalizeIdNumber } from '../../../../lib/idNumber';
import { codeLabel } from '../../../../lib/labels';
import { rowTestId } from '../../../../testids';
import { TID } from '../../testids';
import type { DossierTabProps } from '../../../module';

interface ResidentValues {
  name: string;
  kind: ResidentKind;
  unitId?: string;
  needsCare?: boolean;
  careNote?: string;
  phone?: string;
  idNumber?: string;
}

const KIND_COLORS: Record<ResidentKind, string> = { permanent: 'blue', floating: 'orange', tenant: 'geekblue' };

/** 居民 (T/ZAS 4006.1—2020 6.2.2.2): permanent and floating population, tenants, people needing care. */
export function ResidentsTab({ quarterId, user }: DossierTabProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canWrite = hasPermission(user, 'residents.write');
  const [kind, setKind] = useState<ResidentKind | 'all'>('all');
  const [careOnly, setCareOnly] = useState(false);
  const [adding, setAdding] = useState(false);
  const residents = useResidents(quarterId, kind === 'all' ? undefined : kind);
  // People needing care come first: they are who a community worker looks for on this page.
  const rows = useMemo(
    () =>
      (residents.data ?? [])
        .filter((r) => !careOnly || r.needsCare)
        .map((r, i) => [r, i] as const)
        .sort(([a, ia], [b, ib]) => Number(b.needsCare) - Number(a.needsCare) || ia - ib)
        .map(([r]) => r),
    [residents.data, careOnly],
  );

  const columns: TableProps<Resident>['columns'] = [
    {
      title: t('residents.name'),
      dataIndex: 'name',
      render: (v: string, r) => (
        <Space size={4}>
          <strong>{v}</strong>
          {r.needsCare && (
            <Tag color="red" icon={<HeartFilled />}>
              {t('residents.needsCare')}
            </Tag>
          )}
        </Space>
      ),
    },
    { title: t('residents.kind'), dataIndex: 'kind', render: (v: ResidentKind) => <Tag color={KIND_COLORS[v]}>{codeLabel('residentKinds', v)}</Tag> },
    { title: t('residents.unit'), dataIndex: 'unitLabel', render: (v: string | null) => v || '—' },
    { title: t('residents.phone'), dataIndex: 'phoneMasked', render: (v: string | null) => <span className="gz-num">{v || '—'}</span> },
    { title: t('residents.idNumber'), dataIndex: 'idNumberMasked', render: (v: string | null) => <span className="gz-num">{v || '—'}</span>, responsive: ['lg'] },
    { title: t('residents.careNote'), dataIndex: 'careNote', render: (v: string | null, r) => (r.needsCare ? v || '—' : ''), ellipsis: true },
  ];

  const counts = useMemo(() => {
    const list = residents.data ?? [];
    return { total: list.length, care: list.filter((r) => r.needsCare).length };
  }, [residents.data]);

  return (
    <Card
      size="small"
      title={t('residents.title')}
      extra={
        canWrite && (
          <Button data-testid={TID.residentAdd} type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('residents.add')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }} size={[16, 8]}>
        <Segmented<ResidentKind | 'all'>
          data-testid={TID.residentKindFilter}
          value={kind}
          onChange={setKind}
          options={[
            { value: 'all', label: t('residents.all') },
            ...RESIDENT_KINDS.map((k) => ({ value: k, label: codeLabel('residentKinds', k) })),
          ]}
        />
        <Checkbox checked={careOnly} onChange={(e) => setCareOnly(e.target.checked)}>
          {t('residents.careOnly')}
        </Checkbox>
        <Typography.Text type="secondary">
          {t('residents.counts', { total: counts.total, care: counts.care })}
        </Typography.Text>
      </Space>
      {residents.error ? (
        <QueryError error={residents.error} onRetry={() => residents.refetch()} />
      ) : (
        <Table<Resident>
          data-testid={TID.residentTable}
          rowKey="id"
          size="small"
          loading={residents.isFetching}
          columns={columns}
          dataSource={rows}
          onRow={(r) => ({ ...rowTestId<Resident>(TID.residentRow, 'resident')(r), style: r.needsCare ? { background: '#fff5f5' } : undefined })}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        />
      )}

      <FormModal<ResidentValues>
        open={adding}
        title={t('residents.add')}
        submitTestId={TID.residentFormSubmit}
        initialValues={{ kind: 'permanent', needsCare: false }}
        onClose={() => setAdding(false)}
        onSubmit={async (values) => {
          await api.post(`/api/quarters/${quarterId}/residents`, {
            name: values.name.trim(),
            kind: values.kind,
            unitId: values.unitId || undefined,
            needsCare: !!values.needsCare,
            careNote: values.needsCare ? values.careNote?.trim() || undefined : undefined,
            phone: values.phone?.trim() || undefined,
            idNumber: values.idNumber?.trim() ? normalizeIdNumber(values.idNumber) : undefined,
          });
          await queryClient.invalidateQueries({ queryKey: ['quarter', quarterId] });
          notifySuccess(t('residents.added', { name: values.name.trim() }));
        }}
      >
        <ResidentFormFields quarterId={quarterId} />
      </FormModal>
    </Card>
  );
}

function ResidentFormFields({ quarterId }: { quarterId: string }) {
  const { t } = useTranslation();
  const needsCare: boolean = Form.useWatch('needsCare') ?? false;
  return (
    <>
      <Form.Item name="name" label={t('residents.name')} rules={[{ required: true, whitespace: true, message: t('residents.nameRequired') }]}>
        <Input data-testid={TID.residentFormName} maxLength={50} />
      </Form.Item>
      <Form.Item name="kind" label={t('residents.kind')}>
        <Radio.Group
          data-testid={TID.residentFormKind}
          optionType="button"
          options={RESIDENT_KINDS.map((k) => ({ value: k, label: codeLabel('residentKinds', k) }))}
        />
      </Form.Item>
      <Form.Item name="unitId" label={t('residents.unit')}>
        <UnitSelect data-testid={TID.residentFormUnit} quarterId={quarterId} allowClear />
      </Form.Item>
      <Form.Item name="needsCare" label={t('residents.needsCare')} valuePropName="checked" extra={t('residents.needsCareHint')}>
        <Switch data-testid={TID.residentFormNeedsCare} />
      </Form.Item>
      {needsCare && (
        <Form.Item name="careNote" label={t('residents.careNote')} rules={[{ max: 200, message: t('validation.tooLong', { max: 200 }) }]}>
          <Input.TextArea data-testid={TID.residentFormCareNote} rows={2} maxLength={200} placeholder={t('residents.careNotePlaceholder')} />
        </Form.Item>
      )}
      <Form.Item
        name="phone"
        label={t('residents.phone')}
        rules={[{ validator: async (_r, v?: string) => { if (v?.trim() && !isPlausiblePhone(v)) throw new Error(t('validation.phone')); } }]}
      >
        <Input data-testid={TID.residentFormPhone} maxLength={20} inputMode="tel" style={{ maxWidth: 280 }} />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('residents.idNumber')}
        rules={[{ validator: async (_r, v?: string) => { if (v?.trim() && !isValidIdNumber(v)) throw new Error(t('validation.idNumber')); } }]}
      >
        <Input data-testid={TID.residentFormIdNumber} maxLength={18} autoComplete="off" style={{ maxWidth: 280 }} />
      </Form.Item>
    </>
  );
}
