import { useMemo, useState } from 'react';
import { Button, Card, Checkbox, Form, Input, Popconfirm, Radio, Segmented, Space, Switch, Table, Tag, Typography, type TableProps } from 'antd';
import { DeleteOutlined, EditOutlined, HeartFilled, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client';
import { RESIDENT_KINDS, useResidents, type Resident, type ResidentKind } from '../../api';
import { hasPermission } from '../../../../auth/session';
import { FormModal } from '../../../../components/FormModal';
import { QueryError } from '../../../../components/QueryState';
import { UnitSelect } from '../../components/RemoteSelects';
import { notifyError, notifySuccess } from '../../../../lib/feedback';
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
  const [editing, setEditing] = useState<Resident | null>(null);
  const [search, setSearch] = useState('');
  // Who was registered here just now is shown first, so that the worker sees the new record
  // whatever page its name would sort onto.
  const [justAdded, setJustAdded] = useState<string[]>([]);
  const residents = useResidents(quarterId, kind === 'all' ? undefined : kind, true, search || undefined);
  // People needing care come first: they are who a community worker looks for on this page.
  const rows = useMemo(
    () =>
      (residents.data ?? [])
        .filter((r) => !careOnly || r.needsCare)
        .map((r, i) => [r, i] as const)
        .sort(
          ([a, ia], [b, ib]) =>
            Number(justAdded.includes(b.id)) - Number(justAdded.includes(a.id)) || Number(b.needsCare) - Number(a.needsCare) || ia - ib,
        )
        .map(([r]) => r),
    [residents.data, careOnly, justAdded],
  );

  const columns: TableProps<Resident>['columns'] = [
    {
      title: t('residents.name'),
      dataIndex: 'name',
      render: (v: string, r) => (
        <Space size={4}>
          <strong>{v}</strong>
          {justAdded.includes(r.id) && <Tag color="green">{t('residents.justAdded')}</Tag>}
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
    ...(canWrite
      ? [
          {
            title: t('residents.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, r: Resident) => (
              <Space size={0} className="gz-nowrap">
                <Button data-testid={TID.residentEdit} size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(r)}>
                  {t('residents.edit')}
                </Button>
                <Popconfirm
                  title={t('residents.removeConfirm', { name: r.name })}
                  okText={t('residents.remove')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={async () => {
                    try {
                      await api.delete(`/api/residents/${r.id}`);
                      await queryClient.invalidateQueries({ queryKey: ['quarter', quarterId] });
                      notifySuccess(t('residents.removed', { name: r.name }));
                    } catch (err) {
                      notifyError(err);
                    }
                  }}
                >
                  <Button data-testid={TID.residentDelete} size="small" type="link" danger icon={<DeleteOutlined />}>
                    {t('residents.remove')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
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
        <Input.Search
          data-testid={TID.residentSearch}
          allowClear
          placeholder={t('residents.searchPlaceholder')}
          onSearch={(v) => setSearch(v.trim())}
          style={{ width: 240 }}
        />
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
          const created = await api.post<{ id: string }>(`/api/quarters/${quarterId}/residents`, {
            name: values.name.trim(),
            kind: values.kind,
            unitId: values.unitId || undefined,
            needsCare: !!values.needsCare,
            careNote: values.needsCare ? values.careNote?.trim() || undefined : undefined,
            phone: values.phone?.trim() || undefined,
            idNumber: values.idNumber?.trim() ? normalizeIdNumber(values.idNumber) : undefined,
          });
          setJustAdded((list) => [created.id, ...list]);
          await queryClient.invalidateQueries({ queryKey: ['quarter', quarterId] });
          notifySuccess(t('residents.added', { name: values.name.trim() }));
        }}
      >
        <ResidentFormFields quarterId={quarterId} />
      </FormModal>

      {editing && (
        <FormModal<ResidentValues>
          key={editing.id}
          open
          title={t('residents.editTitle', { name: editing.name })}
          submitTestId={TID.residentEditSubmit}
          initialValues={{ name: editing.name, kind: editing.kind as ResidentKind, unitId: editing.unitId ?? undefined, needsCare: editing.needsCare, careNote: editing.careNote ?? undefined }}
          onClose={() => setEditing(null)}
          onSubmit={async (values) => {
            await api.patch(`/api/residents/${editing.id}`, {
              name: values.name.trim(),
              kind: values.kind,
              unitId: values.unitId || null,
              needsCare: !!values.needsCare,
              careNote: values.needsCare ? values.careNote?.trim() || null : null,
              ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
              ...(values.idNumber?.trim() ? { idNumber: normalizeIdNumber(values.idNumber) } : {}),
            });
            await queryClient.invalidateQueries({ queryKey: ['quarter', quarterId] });
            notifySuccess(t('residents.saved'));
          }}
        >
          <ResidentFormFields quarterId={quarterId} keepHint={{ phone: editing.phoneMasked, idNumber: editing.idNumberMasked }} />
        </FormModal>
      )}
    </Card>
  );
}

/** The resident dialog's fields; when editing, the masked phone and ID number say what is kept if left empty. */
function ResidentFormFields({ quarterId, keepHint }: { quarterId: string; keepHint?: { phone: string | null; idNumber: string | null } }) {
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
        <Input data-testid={TID.residentFormPhone} maxLength={20} inputMode="tel" style={{ maxWidth: 280 }} placeholder={keepHint?.phone ?? undefined} />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('residents.idNumber')}
        extra={keepHint ? t('residents.idNumberKeep') : undefined}
        rules={[{ validator: async (_r, v?: string) => { if (v?.trim() && !isValidIdNumber(v)) throw new Error(t('validation.idNumber')); } }]}
      >
        <Input data-testid={TID.residentFormIdNumber} maxLength={22} autoComplete="off" style={{ maxWidth: 280 }} placeholder={keepHint?.idNumber ?? undefined} />
      </Form.Item>
    </>
  );
}
