import { useMemo, useState } from 'react';
import { Button, Card, Col, Form, Input, Row, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { usePlacesTree } from '../api/queries';
import { useCan, useCurrentUser } from '../auth/session';
import { FormModal } from '../components/FormModal';
import { PlaceTree } from '../components/PlaceTree';
import { QueryError } from '../components/QueryState';
import { notifySuccess } from '../lib/feedback';
import { codeLabel } from '../lib/labels';
import { flattenPlaces, type FlatPlace } from '../lib/places';
import { TID } from '../testids';

type Adding = { level: 'street' | 'community' } | null;

/** 区划: the streets and communities below the caller; district and street offices add them. */
export default function PlacesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const tree = usePlacesTree();
  const [adding, setAdding] = useState<Adding>(null);
  const [selected, setSelected] = useState<string | undefined>();
  const places = useMemo(() => flattenPlaces(tree.data), [tree.data]);
  const districts = places.filter((p) => p.level === 'district');
  const streets = places.filter((p) => p.level === 'street');
  const canManage = can('places.manage');
  // Only a district office creates streets (docs/api.md); street offices create communities.
  const canAddStreet = canManage && user.scope.level === 'district';

  const rows = useMemo(() => {
    const current = places.find((p) => p.id === selected);
    if (!current) return places.filter((p) => p.level !== 'quarter');
    return places.filter((p) => p.path.length > current.path.length && p.path.slice(0, current.path.length).join('/') === current.path.join('/'));
  }, [places, selected]);

  return (
    <>
      <div className="gz-page-title">
        <Typography.Title level={3}>{t('places.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('places.hint')}</Typography.Text>
        <div style={{ flex: 1 }} />
        {canManage && (
          <Space>
            {canAddStreet && (
              <Button data-testid={TID.placeAddStreet} icon={<PlusOutlined />} onClick={() => setAdding({ level: 'street' })}>
                {t('places.addStreet')}
              </Button>
            )}
            <Button
              data-testid={TID.placeAddCommunity}
              type="primary"
              icon={<PlusOutlined />}
              disabled={!streets.length}
              onClick={() => setAdding({ level: 'community' })}
            >
              {t('places.addCommunity')}
            </Button>
          </Space>
        )}
      </div>
      {tree.error ? (
        <QueryError error={tree.error} onRetry={() => tree.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={8}>
            <Card size="small" title={t('home.hierarchy')} loading={tree.isPending}>
              <PlaceTree
                testId={TID.placesTree}
                nodes={tree.data}
                loadCommunity={tree.loadCommunity}
                selectedId={selected}
                onSelect={(n) => {
                  setSelected(n?.id);
                  // The list beside the tree shows a community's quarters: load them as the tree would.
                  if (n?.level === 'community') void tree.loadCommunity(n.id);
                }}
              />
            </Card>
          </Col>
          <Col xs={24} lg={16}>
            <Card size="small" title={t('places.listTitle')}>
              <Table<FlatPlace>
                rowKey="id"
                size="small"
                dataSource={rows}
                pagination={{ pageSize: 30, hideOnSinglePage: true }}
                columns={[
                  { title: t('places.level'), dataIndex: 'level', width: 100, render: (v: string) => codeLabel('scopeLevels', v) },
                  { title: t('places.name'), dataIndex: 'name', render: (v: string) => <strong>{v}</strong> },
                  { title: t('places.path'), dataIndex: 'path', render: (v: string[]) => <span className="gz-muted">{v.slice(0, -1).join(' › ') || '—'}</span> },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}

      <FormModal<{ parentId: string; name: string }>
        open={!!adding}
        title={adding?.level === 'street' ? t('places.addStreet') : t('places.addCommunity')}
        submitTestId={TID.placeFormSubmit}
        initialValues={{
          parentId: adding?.level === 'street' ? districts[0]?.id : streets.find((s) => s.id === selected)?.id ?? (streets.length === 1 ? streets[0].id : undefined),
        }}
        onClose={() => setAdding(null)}
        onSubmit={async ({ parentId, name }) => {
          if (adding?.level === 'street') await api.post('/api/streets', { districtId: parentId, name: name.trim() });
          else await api.post('/api/communities', { streetId: parentId, name: name.trim() });
          await queryClient.invalidateQueries({ queryKey: ['places'] });
          notifySuccess(t('places.added', { name: name.trim() }));
        }}
      >
        <Form.Item
          name="parentId"
          label={adding?.level === 'street' ? t('scopeLevels.district') : t('scopeLevels.street')}
          rules={[{ required: true, message: t('places.parentRequired') }]}
        >
          <Select
            data-testid={TID.placeFormParent}
            options={(adding?.level === 'street' ? districts : streets).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('places.name')} rules={[{ required: true, whitespace: true, message: t('places.nameRequired') }]}>
          <Input data-testid={TID.placeFormName} maxLength={50} placeholder={adding?.level === 'street' ? t('places.streetPlaceholder') : t('places.communityPlaceholder')} />
        </Form.Item>
      </FormModal>
    </>
  );
}
