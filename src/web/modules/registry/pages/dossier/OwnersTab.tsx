import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Popconfirm, Radio, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client';
import { OWNER_KINDS, useOwners, type OwnerRow as Owner, type OwnerKind } from '../../api';
import { hasPermission } from '../../../../auth/session';
import { FormModal } from '../../../../components/FormModal';
import { QueryError } from '../../../../components/QueryState';
import { UnitSelect } from '../../components/RemoteSelects';
import { formatArea, formatCount } from '../../../../lib/format';
import { notifyError, notifySuccess } from '../../../../lib/feedback';
import { isPlausiblePhone, isValidIdNumber, normalizeIdNumber } from '../../../../lib/idNumber';
import { codeLabel } from '../../../../lib/labels';
import { rowTestId } from '../../../../testids';
import { TID } from '../../testids';
import type { DossierTabProps } from '../../../module';

const PAGE_SIZE = 20;

interface OwnerValues {
  kind: OwnerKind;
  name: string;
  idNumber?: string;
  phone?: string;
  unitIds?: string[];
}

const KIND_COLORS: Record<OwnerKind, string | undefined> = { person: undefined, developer: 'gold', organization: 'cyan' };

/** 业主: owners with masked ID numbers (个人信息保护法) and the units each holds. */
export function OwnersTab({ quarterId, user }: DossierTabProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canWrite = hasPermission(user, 'registry.write');
  // The header's search opens this tab with ?q= (components/GlobalSearch.tsx).
  const [params] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Owner | null>(null);
  const owners = useOwners(quarterId, { q: search || undefined, page, pageSize: PAGE_SIZE });

  const columns: TableProps<Owner>['columns'] = [
    {
      title: t('owners.name'),
      dataIndex: 'name',
      render: (v: string, o) => (
        <Space size={4}>
          <strong>{v}</strong>
          {o.kind !== 'person' && <Tag color={KIND_COLORS[o.kind as OwnerKind]}>{codeLabel('ownerKinds', o.kind)}</Tag>}
        </Space>
      ),
    },
    { title: t('owners.idNumber'), dataIndex: 'idNumberMasked', render: (v: string | null) => <span className="gz-num">{v || '—'}</span> },
    { title: t('owners.phone'), dataIndex: 'phoneMasked', render: (v: string | null) => <span className="gz-num">{v || '—'}</span> },
    {
      title: t('owners.units'),
      key: 'units',
      render: (_: unknown, o) => (
        <Space size={[4, 4]} wrap>
          {(o.units ?? []).map((u) => (
            <Tag key={u.id} title={formatArea(u.exclusiveArea)}>
              {u.label}
              {u.coOwned && <span style={{ color: '#722ed1' }}> · {t('units.coOwned')}</span>}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('owners.unitCount'), dataIndex: 'unitCount', align: 'right', width: 90, render: (v: number) => formatCount(v) },
    {
      title: t('owners.totalArea'),
      dataIndex: 'totalArea',
      align: 'right',
      width: 140,
      render: (v: number) => <span className="gz-num gz-nowrap">{formatArea(v)}</span>,
    },
    ...(canWrite
      ? [
          {
            title: t('owners.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, o: Owner) => (
              <Space size={0} className="gz-nowrap">
                <Button data-testid={TID.ownerEdit} size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(o)}>
                  {t('owners.edit')}
                </Button>
                <Popconfirm
                  title={t('owners.deleteConfirm', { name: o.name })}
                  okText={t('owners.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={async () => {
                    try {
                      await api.delete(`/api/owners/${o.id}`);
                      await queryClient.invalidateQueries({ queryKey: ['quarter', quarterId] });
                      notifySuccess(t('owners.deleted'));
                    } catch (err) {
                      notifyError(err);
                    }
                  }}
                >
                  <Button data-testid={TID.ownerDelete} size="small" type="link" danger icon={<DeleteOutlined />}>
                    {t('owners.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title={t('owners.title')}
      extra={
        <Space wrap>
          <Input.Search
            data-testid={TID.ownerSearch}
            defaultValue={search}
            allowClear
            placeholder={t('owners.searchPlaceholder')}
            onSearch={(v) => {
              setSearch(v.trim());
              setPage(1);
            }}
            style={{ width: 240 }}
          />
          {canWrite && (
            <Button data-testid={TID.ownerAdd} type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('owners.add')}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('owners.privacyNote')}
      </Typography.Paragraph>
      {owners.error ? (
        <QueryError error={owners.error} onRetry={() => owners.refetch()} />
      ) : (
        <Table<Owner>
          data-testid={TID.ownerTable}
          rowKey="id"
          size="small"
          loading={owners.isFetching}
          columns={columns}
          dataSource={owners.data?.items}
          onRow={rowTestId<Owner>(TID.ownerRow, 'owner')}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: owners.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('common.totalItems', { total }),
            onChange: setPage,
          }}
        />
      )}

      <FormModal<OwnerValues>
        open={adding}
        title={t('owners.add')}
        submitTestId={TID.ownerFormSubmit}
        initialValues={{ kind: 'person', unitIds: [] }}
        onClose={() => setAdding(false)}
        onSubmit={async (values) => {
          await api.post(`/api/quarters/${quarterId}/owners`, {
            kind: values.kind,
            name: values.name.trim(),
            idNumber: values.kind === 'person' && values.idNumber?.trim() ? normalizeIdNumber(values.idNumber) : undefined,
            phone: values.phone?.trim() || undefined,
            unitIds: values.unitIds?.length ? values.unitIds : undefined,
          });
          await queryClient.invalidateQueries({ queryKey: ['quarter', quarterId] });
          notifySuccess(t('owners.added', { name: values.name.trim() }));
        }}
      >
        <OwnerFormFields quarterId={quarterId} />
      </FormModal>

      {editing && (
        <FormModal<OwnerEditValues>
          key={editing.id}
          open
          title={t('owners.editTitle', { name: editing.name })}
          submitTestId={TID.ownerEditSubmit}
          initialValues={{ name: editing.name }}
          onClose={() => setEditing(null)}
          onSubmit={async (values) => {
            await api.patch(`/api/owners/${editing.id}`, {
              name: values.name.trim(),
              ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
              ...(values.idNumber?.trim() ? { idNumber: normalizeIdNumber(values.idNumber) } : {}),
            });
            await queryClient.invalidateQueries({ queryKey: ['quarter', quarterId] });
            notifySuccess(t('owners.saved'));
          }}
        >
          <OwnerEditFields owner={editing} />
        </FormModal>
      )}
    </Card>
  );
}

interface OwnerEditValues {
  name: string;
  idNumber?: string;
  phone?: string;
}

/**
 * Correcting an owner: the name, a mistyped ID number (the server keeps its keyed hash, so the
 * owner verifies for a vote with the corrected number) and the phone. Numbers are shown only
 * masked, so they are typed anew rather than edited.
 */
function OwnerEditFields({ owner }: { owner: Owner }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="name" label={owner.kind === 'person' ? t('owners.personName') : t('owners.orgName')} rules={[{ required: true, whitespace: true, message: t('owners.nameRequired') }]}>
        <Input data-testid={TID.ownerFormName} maxLength={60} />
      </Form.Item>
      {owner.kind === 'person' && (
        <Form.Item
          name="idNumber"
          label={t('owners.idNumber')}
          extra={t('owners.idNumberKeep', { masked: owner.idNumberMasked ?? '—' })}
          rules={[{ validator: async (_r, v?: string) => { if (v?.trim() && !isValidIdNumber(v)) throw new Error(t('validation.idNumber')); } }]}
        >
          <Input data-testid={TID.ownerFormIdNumber} maxLength={22} autoComplete="off" style={{ maxWidth: 280 }} placeholder={owner.idNumberMasked ?? ''} />
        </Form.Item>
      )}
      <Form.Item
        name="phone"
        label={t('owners.phone')}
        extra={owner.phoneMasked ? t('residents.idNumberKeep') : undefined}
        rules={[{ validator: async (_r, v?: string) => { if (v?.trim() && !isPlausiblePhone(v)) throw new Error(t('validation.phone')); } }]}
      >
        <Input data-testid={TID.ownerFormPhone} maxLength={20} inputMode="tel" style={{ maxWidth: 280 }} placeholder={owner.phoneMasked ?? ''} />
      </Form.Item>
    </>
  );
}

/** The fields of the owner dialog; the ID number is asked only of a natural person. */
function OwnerFormFields({ quarterId }: { quarterId: string }) {
  const { t } = useTranslation();
  const kind: OwnerKind = Form.useWatch('kind') ?? 'person';
  return (
    <>
      <Form.Item name="kind" label={t('owners.kind')}>
        <Radio.Group
          data-testid={TID.ownerFormKind}
          optionType="button"
          options={OWNER_KINDS.map((k) => ({ value: k, label: codeLabel('ownerKinds', k) }))}
        />
      </Form.Item>
      {kind === 'developer' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('owners.developerHint')} />}
      <Form.Item
        name="name"
        label={kind === 'person' ? t('owners.personName') : t('owners.orgName')}
        rules={[{ required: true, whitespace: true, message: t('owners.nameRequired') }]}
      >
        <Input data-testid={TID.ownerFormName} maxLength={100} />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('owners.idNumber')}
        extra={kind === 'person' ? t('owners.idNumberHint') : undefined}
        rules={[
          { required: kind === 'person', message: t('owners.idNumberRequired') },
          {
            validator: async (_r, v?: string) => {
              if (kind !== 'person' || !v?.trim()) return;
              if (!isValidIdNumber(v)) throw new Error(t('validation.idNumber'));
            },
          },
        ]}
        hidden={kind !== 'person'}
      >
        <Input data-testid={TID.ownerFormIdNumber} maxLength={18} autoComplete="off" inputMode="text" style={{ maxWidth: 280 }} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('owners.phone')}
        rules={[{ validator: async (_r, v?: string) => { if (v?.trim() && !isPlausiblePhone(v)) throw new Error(t('validation.phone')); } }]}
      >
        <Input data-testid={TID.ownerFormPhone} maxLength={20} inputMode="tel" style={{ maxWidth: 280 }} />
      </Form.Item>
      <Form.Item name="unitIds" label={t('owners.units')} extra={t('owners.unitsHint')}>
        <UnitSelect data-testid={TID.ownerFormUnits} quarterId={quarterId} mode="multiple" allowClear />
      </Form.Item>
    </>
  );
}
