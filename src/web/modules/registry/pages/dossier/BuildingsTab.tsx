import { useState } from 'react';
import { Button, Card, Col, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Spin, Table, Tag, Typography, type TableProps } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client';
import { UNIT_USES, useBuildings, useUnits, type Building, type Unit } from '../../api';
import { hasPermission } from '../../../../auth/session';
import { AreaInput, areaRules } from '../../../../components/AreaInput';
import { FormModal } from '../../../../components/FormModal';
import { QueryError } from '../../../../components/QueryState';
import { OwnerSelect } from '../../components/RemoteSelects';
import { areaToInput, formatArea, formatCount, parseAreaInput } from '../../../../lib/format';
import { notifyError, notifySuccess } from '../../../../lib/feedback';
import { codeLabel } from '../../../../lib/labels';
import { rowTestId } from '../../../../testids';
import { TID } from '../../testids';
import type { DossierTabProps } from '../../../module';

const PAGE_SIZE = 20;

/** The first line of the building list: all buildings at once. */
const ALL_BUILDINGS = { id: '' } as const;

interface BuildingValues {
  name: string;
  floors?: number | null;
}

interface UnitValues {
  buildingId: string;
  number: string;
  exclusiveArea: string;
  use: string;
  certificateNo?: string;
}

export function OwnerTags({ owners }: { owners: Unit['owners'] }) {
  const { t } = useTranslation();
  if (!owners?.length) return <Typography.Text type="secondary">{t('units.noOwner')}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {owners.length > 1 && <Tag color="purple">{t('units.coOwned')}</Tag>}
      {owners.map((o) => (
        <Tag key={o.id} color={o.kind === 'developer' ? 'gold' : o.kind === 'organization' ? 'cyan' : undefined}>
          {o.name}
          {o.kind !== 'person' && <span className="gz-muted">（{codeLabel('ownerKinds', o.kind)}）</span>}
        </Tag>
      ))}
    </Space>
  );
}

/** 楼栋与房屋: the buildings, and the units (专有部分) of one or all of them with their owners. */
export function BuildingsTab({ quarterId, user }: DossierTabProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canWrite = hasPermission(user, 'registry.write');
  const [buildingId, setBuildingId] = useState<string | undefined>();
  // The header's search opens this tab with ?q= (components/GlobalSearch.tsx).
  const [params] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [page, setPage] = useState(1);
  const [addingBuilding, setAddingBuilding] = useState(false);
  const [addingUnit, setAddingUnit] = useState(false);
  const [ownersOf, setOwnersOf] = useState<Unit | null>(null);
  const [editing, setEditing] = useState<Unit | null>(null);
  const buildings = useBuildings(quarterId);
  const units = useUnits(quarterId, { buildingId, q: search || undefined, page, pageSize: PAGE_SIZE });

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['quarter', quarterId] });

  const columns: TableProps<Unit>['columns'] = [
    { title: t('units.building'), dataIndex: 'buildingName', width: 110 },
    { title: t('units.number'), dataIndex: 'number', width: 100, render: (v: string) => <strong>{v}</strong> },
    {
      title: t('units.exclusiveArea'),
      dataIndex: 'exclusiveArea',
      align: 'right',
      width: 140,
      render: (v: number) => <span className="gz-num gz-nowrap">{formatArea(v)}</span>,
    },
    { title: t('units.use'), dataIndex: 'use', width: 90, render: (v: string) => codeLabel('unitUses', v) },
    {
      title: t('units.certificateNo'),
      dataIndex: 'certificateNoMasked',
      render: (v: string | null) => <span className="gz-num">{v || '—'}</span>,
      // The masked number is long; it is shown where there is room for it beside the owners.
      responsive: ['xxl'],
    },
    { title: t('units.owners'), key: 'owners', render: (_: unknown, u) => <OwnerTags owners={u.owners} /> },
    ...(canWrite
      ? [
          {
            title: t('units.actions'),
            key: 'actions',
            // Kept in view at the right edge however wide the other columns are (issue 10: at
            // 1440 px the actions were scrolled out of the card).
            fixed: 'right' as const,
            render: (_: unknown, u: Unit) => (
              <Space size={0} className="gz-nowrap">
                <Button data-testid={TID.unitAddOwner} size="small" type="link" icon={<TeamOutlined />} onClick={() => setOwnersOf(u)}>
                  {t('units.manageOwners')}
                </Button>
                <Button data-testid={TID.unitEdit} size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(u)}>
                  {t('units.edit')}
                </Button>
                <Popconfirm
                  title={t('units.deleteConfirm', { unit: `${u.buildingName} ${u.number}` })}
                  okText={t('units.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={async () => {
                    try {
                      await api.delete(`/api/units/${u.id}`);
                      await refresh();
                      notifySuccess(t('units.deleted'));
                    } catch (err) {
                      notifyError(err);
                    }
                  }}
                >
                  <Button data-testid={TID.unitDelete} size="small" type="link" danger icon={<DeleteOutlined />} aria-label={t('units.delete')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const currentBuilding = buildings.data?.find((b) => b.id === buildingId);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={7} xxl={6}>
        <Card
          size="small"
          title={t('buildings.title', { count: buildings.data?.length ?? 0 })}
          extra={
            canWrite && (
              <Button data-testid={TID.buildingAdd} size="small" type="link" icon={<PlusOutlined />} onClick={() => setAddingBuilding(true)}>
                {t('buildings.add')}
              </Button>
            )
          }
          styles={{ body: { padding: 0, maxHeight: 560, overflow: 'auto' } }}
        >
          {buildings.error ? (
            <QueryError error={buildings.error} />
          ) : (
            <Spin spinning={buildings.isPending}>
              <ul className="gz-list" data-testid={TID.buildingList}>
                {[ALL_BUILDINGS, ...(buildings.data ?? [])].map((item) => {
                  const b = item.id ? (item as Building) : null;
                  const selected = (b?.id ?? undefined) === buildingId;
                  return (
                    <li
                      key={item.id || 'all'}
                      data-testid={b ? TID.buildingRow : undefined}
                      data-building-id={b?.id}
                      role="button"
                      tabIndex={0}
                      aria-pressed={selected}
                      className={`gz-list-item gz-list-item-selectable${selected ? ' gz-list-item-selected' : ''}`}
                      onClick={() => {
                        setBuildingId(b?.id);
                        setPage(1);
                      }}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          setBuildingId(b?.id);
                          setPage(1);
                        }
                      }}
                    >
                      {b ? (
                        <div style={{ width: '100%' }}>
                          <div style={{ display: 'flex', justifyContent: 'space-between' }}>
                            <strong>{b.name}</strong>
                            <span className="gz-muted">{b.floors ? t('buildings.floors', { count: b.floors }) : ''}</span>
                          </div>
                          <div className="gz-muted" style={{ fontSize: 12 }}>
                            {t('buildings.summary', { units: formatCount(b.unitCount), area: formatArea(b.totalArea) })}
                          </div>
                        </div>
                      ) : (
                        <strong>{t('buildings.all')}</strong>
                      )}
                    </li>
                  );
                })}
              </ul>
            </Spin>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={17} xxl={18}>
        <Card
          size="small"
          title={currentBuilding ? t('units.titleOf', { building: currentBuilding.name }) : t('units.title')}
          extra={
            <Space wrap>
              <Input.Search
                data-testid={TID.unitSearch}
                defaultValue={search}
                allowClear
                placeholder={t('units.searchPlaceholder')}
                onSearch={(v) => {
                  setSearch(v.trim());
                  setPage(1);
                }}
                style={{ width: 220 }}
              />
              {canWrite && (
                <Button data-testid={TID.unitAdd} type="primary" icon={<PlusOutlined />} onClick={() => setAddingUnit(true)} disabled={!buildings.data?.length}>
                  {t('units.add')}
                </Button>
              )}
            </Space>
          }
        >
          {units.error ? (
            <QueryError error={units.error} onRetry={() => units.refetch()} />
          ) : (
            <Table<Unit>
              data-testid={TID.unitTable}
              rowKey="id"
              size="small"
              loading={units.isFetching}
              columns={columns}
              dataSource={units.data?.items}
              onRow={rowTestId<Unit>(TID.unitRow, 'unit')}
              scroll={{ x: 'max-content' }}
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                total: units.data?.total ?? 0,
                showSizeChanger: false,
                showTotal: (total) => t('common.totalItems', { total }),
                onChange: setPage,
              }}
            />
          )}
        </Card>
      </Col>

      <FormModal<BuildingValues>
        open={addingBuilding}
        title={t('buildings.add')}
        submitTestId={TID.buildingFormSubmit}
        onClose={() => setAddingBuilding(false)}
        onSubmit={async (values) => {
          await api.post(`/api/quarters/${quarterId}/buildings`, { name: values.name.trim(), floors: values.floors ?? undefined });
          await refresh();
          notifySuccess(t('buildings.added', { name: values.name.trim() }));
        }}
      >
        <Form.Item name="name" label={t('buildings.name')} rules={[{ required: true, whitespace: true, message: t('buildings.nameRequired') }]} extra={t('buildings.nameHint')}>
          <Input data-testid={TID.buildingFormName} maxLength={50} autoFocus />
        </Form.Item>
        <Form.Item name="floors" label={t('buildings.floorsLabel')}>
          <InputNumber data-testid={TID.buildingFormFloors} min={1} max={200} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </FormModal>

      <FormModal<UnitValues>
        open={addingUnit}
        title={t('units.add')}
        submitTestId={TID.unitFormSubmit}
        initialValues={{ buildingId, use: 'residential' }}
        onClose={() => setAddingUnit(false)}
        onSubmit={async (values) => {
          await api.post(`/api/quarters/${quarterId}/units`, {
            buildingId: values.buildingId,
            number: values.number.trim(),
            exclusiveArea: parseAreaInput(values.exclusiveArea),
            use: values.use,
            certificateNo: values.certificateNo?.trim() || undefined,
          });
          await refresh();
          notifySuccess(t('units.added'));
        }}
      >
        <Form.Item name="buildingId" label={t('units.building')} rules={[{ required: true, message: t('units.buildingRequired') }]}>
          <Select
            data-testid={TID.unitFormBuilding}
            options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item name="number" label={t('units.number')} rules={[{ required: true, whitespace: true, message: t('units.numberRequired') }]} extra={t('units.numberHint')}>
          <Input data-testid={TID.unitFormNumber} maxLength={30} />
        </Form.Item>
        <Form.Item name="exclusiveArea" label={t('units.exclusiveArea')} rules={areaRules({ required: true, positive: true })} extra={t('units.areaHint')}>
          <AreaInput data-testid={TID.unitFormArea} placeholder="0.00" />
        </Form.Item>
        <Form.Item name="use" label={t('units.use')}>
          <Select data-testid={TID.unitFormUse} options={UNIT_USES.map((u) => ({ value: u, label: codeLabel('unitUses', u) }))} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="certificateNo" label={t('units.certificateNo')} extra={t('units.certificateHint')}>
          <Input data-testid={TID.unitFormCertificate} maxLength={60} autoComplete="off" />
        </Form.Item>
      </FormModal>

      {editing && (
        <FormModal<Omit<UnitValues, 'buildingId'>>
          key={editing.id}
          open
          title={t('units.editTitle', { unit: `${editing.buildingName} ${editing.number}` })}
          submitTestId={TID.unitEditSubmit}
          initialValues={{ number: editing.number, exclusiveArea: areaToInput(editing.exclusiveArea), use: editing.use }}
          onClose={() => setEditing(null)}
          onSubmit={async (values) => {
            await api.patch(`/api/units/${editing.id}`, {
              number: values.number.trim(),
              exclusiveArea: parseAreaInput(values.exclusiveArea),
              use: values.use,
              ...(values.certificateNo?.trim() ? { certificateNo: values.certificateNo.trim() } : {}),
            });
            await refresh();
            notifySuccess(t('units.saved'));
          }}
        >
          <Form.Item name="number" label={t('units.number')} rules={[{ required: true, whitespace: true, message: t('units.numberRequired') }]}>
            <Input data-testid={TID.unitFormNumber} maxLength={30} />
          </Form.Item>
          <Form.Item name="exclusiveArea" label={t('units.exclusiveArea')} rules={areaRules({ required: true, positive: true })} extra={t('units.areaHint')}>
            <AreaInput data-testid={TID.unitFormArea} placeholder="0.00" />
          </Form.Item>
          <Form.Item name="use" label={t('units.use')}>
            <Select data-testid={TID.unitFormUse} options={UNIT_USES.map((u) => ({ value: u, label: codeLabel('unitUses', u) }))} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="certificateNo" label={t('units.certificateNo')} extra={t('units.certificateKeep')}>
            <Input data-testid={TID.unitFormCertificate} maxLength={60} autoComplete="off" placeholder={editing.certificateNoMasked ?? ''} />
          </Form.Item>
        </FormModal>
      )}

      <UnitOwnersModal quarterId={quarterId} unit={ownersOf} onClose={() => setOwnersOf(null)} onChanged={refresh} />
    </Row>
  );
}

/** Adds a co-owner to a unit or removes one (民法典 共有: a co-owned unit still gives one vote). */
function UnitOwnersModal({
  quarterId,
  unit,
  onClose,
  onChanged,
}: {
  quarterId: string;
  unit: Unit | null;
  onClose: () => void;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [owners, setOwners] = useState<Unit['owners']>([]);
  const [lastUnitId, setLastUnitId] = useState<string | null>(null);
  if (unit && unit.id !== lastUnitId) {
    setLastUnitId(unit.id);
    setOwners(unit.owners ?? []);
  }

  return (
    <FormModal<{ ownerId: string }>
      open={!!unit}
      title={unit ? t('units.ownersOf', { unit: `${unit.buildingName} ${unit.number}` }) : ''}
      submitTestId={TID.unitOwnerSubmit}
      okText={t('units.addOwner')}
      onClose={() => {
        setLastUnitId(null);
        onClose();
      }}
      onSubmit={async ({ ownerId }) => {
        await api.post(`/api/units/${unit!.id}/owners`, { ownerId });
        await onChanged();
        notifySuccess(t('units.ownerAdded'));
      }}
    >
      <Typography.Paragraph type="secondary">{t('units.ownersHint')}</Typography.Paragraph>
      <ul className="gz-list gz-list-bordered" style={{ marginBottom: 16 }}>
        {owners.length === 0 && <li className="gz-list-item gz-muted">{t('units.noOwner')}</li>}
        {owners.map((o) => (
          <li key={o.id} className="gz-list-item">
            <span>
              {o.name} <span className="gz-muted">（{codeLabel('ownerKinds', o.kind)}）</span>
            </span>
            <Popconfirm
              title={t('units.removeOwnerConfirm', { name: o.name })}
              okText={t('common.remove')}
              cancelText={t('common.cancel')}
              onConfirm={async () => {
                try {
                  await api.delete(`/api/units/${unit!.id}/owners/${o.id}`);
                  setOwners((list) => list.filter((x) => x.id !== o.id));
                  await onChanged();
                } catch (err) {
                  notifyError(err);
                }
              }}
            >
              <Button size="small" danger type="link">
                {t('common.remove')}
              </Button>
            </Popconfirm>
          </li>
        ))}
      </ul>
      <Form.Item name="ownerId" label={t('units.addOwner')} rules={[{ required: true, message: t('owners.selectPlaceholder') }]} extra={t('units.addOwnerHint')}>
        <OwnerSelect data-testid={TID.unitOwnerSelect} quarterId={quarterId} excludeIds={owners.map((o) => o.id)} />
      </Form.Item>
    </FormModal>
  );
}
