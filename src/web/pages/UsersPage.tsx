import { useMemo, useState } from 'react';
import { Button, Card, Form, Input, Select, Space, Table, Tag, TreeSelect, Typography, type TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { UserAddOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { keys, usePlacesTree, useUsers, type UserListParams } from '../api/queries';
import type { PlaceNode, Role, ScopeLevel, UserAccount } from '../api/types';
import { useCan, useCurrentUser } from '../auth/session';
import { FormModal } from '../components/FormModal';
import { isPlaceLeaf } from '../components/PlaceTree';
import { QueryError } from '../components/QueryState';
import { formatDateTime } from '../lib/format';
import { notifySuccess } from '../lib/feedback';
import { codeLabel } from '../lib/labels';
import { flattenPlaces } from '../lib/places';
import { rowTestId, TID } from '../testids';
import { AccountActions, AccountStatus, OfficeField, officeLinkOf } from './UserLifecycle';

/**
 * Which roles make sense at which level. The server decides in the end; this only keeps the
 * list short. Owner accounts are linked to a registered owner and are not created here.
 */
const ROLES_BY_LEVEL: Record<PlaceNode['level'], Role[]> = {
  district: ['district_office', 'department', 'mediator'],
  street: ['street_office', 'department', 'mediator'],
  community: ['community_office', 'mediator'],
  quarter: ['commissioner', 'party_secretary', 'committee', 'supervisory', 'company', 'building_leader', 'grid_worker', 'mediator'],
};

interface UserValues {
  username: string;
  displayName: string;
  scopeId: string;
  role: Role;
  password: string;
  officeId?: string;
}

// A community's quarters are loaded when the picker opens it (usePlacesTree).
function toTreeSelect(nodes: PlaceNode[]): { value: string; title: string; isLeaf: boolean; children?: ReturnType<typeof toTreeSelect> }[] {
  return nodes.map((n) => ({
    value: n.id,
    title: `${n.name}（${codeLabel('scopeLevels', n.level)}）`,
    isLeaf: isPlaceLeaf(n),
    children: n.children?.length ? toTreeSelect(n.children) : undefined,
  }));
}

function scopeOf(u: UserAccount): { level?: ScopeLevel; name?: string } {
  return { level: u.scopeLevel, name: u.scopeName };
}

const PAGE_SIZE = 30;
/** The roles the list filters by: those created here, and the owners' accounts. */
const FILTER_ROLES: Role[] = [...new Set<Role>([...Object.values(ROLES_BY_LEVEL).flat(), 'owner'])];

/** 账号管理: the accounts inside the caller's scope, and new ones inside it. */
export default function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  // The server pages, filters and sorts (GET /api/users): a district holds thousands of accounts.
  const [params, setParams] = useState<UserListParams>({ pageSize: PAGE_SIZE });
  const users = useUsers(params, can('users.manage'));
  const sortOrder = (key: UserListParams['sort']): SortOrder => (params.sort === key ? (params.order === 'desc' ? 'descend' : 'ascend') : null);
  const filter = (change: Partial<UserListParams>) => setParams((p) => ({ ...p, ...change, page: undefined }));
  const tree = usePlacesTree();
  const [creating, setCreating] = useState(false);
  const places = useMemo(() => flattenPlaces(tree.data), [tree.data]);

  const columns: TableProps<UserAccount>['columns'] = [
    { title: t('users.username'), dataIndex: 'username', key: 'username', sorter: true, sortOrder: sortOrder('username'), render: (v: string) => <span className="gz-num">{v}</span> },
    { title: t('users.displayName'), dataIndex: 'displayName', key: 'displayName', sorter: true, sortOrder: sortOrder('displayName') },
    { title: t('users.role'), dataIndex: 'role', key: 'role', sorter: true, sortOrder: sortOrder('role'), render: (v: string) => <Tag color="blue">{codeLabel('roles', v)}</Tag> },
    {
      title: t('users.scope'),
      key: 'scope',
      render: (_: unknown, u) => {
        const s = scopeOf(u);
        const name = s.name ?? places.find((p) => p.id === u.scopeId)?.name;
        return (
          <span>
            {name ?? '—'} {s.level && <span className="gz-muted">（{codeLabel('scopeLevels', s.level)}）</span>}
          </span>
        );
      },
    },
    {
      title: t('users.office'),
      key: 'office',
      render: (_: unknown, u) => (u.office ? u.office.label : <span className="gz-muted">—</span>),
    },
    { title: t('users.status'), key: 'status', render: (_: unknown, u) => <AccountStatus user={u} /> },
    { title: t('users.createdAt'), dataIndex: 'createdAt', key: 'createdAt', sorter: true, sortOrder: sortOrder('createdAt'), render: (v?: string) => <span className="gz-num">{formatDateTime(v)}</span>, responsive: ['xl'] },
    {
      title: t('users.actions'),
      key: 'actions',
      render: (_: unknown, u) => <AccountActions user={u} self={u.id === me.id} tree={tree.data ?? []} loadCommunity={tree.loadCommunity} rolesByLevel={ROLES_BY_LEVEL} toTreeSelect={toTreeSelect} />,
    },
  ];

  if (!can('users.manage')) return <QueryError error={new ApiError(403, 'FORBIDDEN', t('errors.noPermission'))} />;

  return (
    <>
      <div className="gz-page-title">
        <Typography.Title level={3}>{t('users.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('users.hint')}</Typography.Text>
        <div style={{ flex: 1 }} />
        <Button data-testid={TID.userCreate} type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
          {t('users.create')}
        </Button>
      </div>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            data-testid={TID.userSearch}
            allowClear
            placeholder={t('users.search')}
            style={{ width: 240 }}
            onSearch={(v) => filter({ q: v.trim() || undefined })}
          />
          <Select<Role>
            data-testid={TID.userRoleFilter}
            allowClear
            placeholder={t('users.allRoles')}
            style={{ width: 180 }}
            value={params.role}
            onChange={(v) => filter({ role: v })}
            options={FILTER_ROLES.map((r) => ({ value: r, label: codeLabel('roles', r) }))}
          />
          <Select<'active' | 'disabled'>
            data-testid={TID.userStatusFilter}
            allowClear
            placeholder={t('users.allStatuses')}
            style={{ width: 140 }}
            value={params.status}
            onChange={(v) => filter({ status: v })}
            options={[
              { value: 'active', label: t('users.active') },
              { value: 'disabled', label: t('users.disabled') },
            ]}
          />
        </Space>
        {users.error ? (
          <QueryError error={users.error} onRetry={() => users.refetch()} />
        ) : (
          <Table<UserAccount>
            data-testid={TID.userTable}
            rowKey="id"
            size="middle"
            loading={users.isFetching}
            columns={columns}
            dataSource={users.data?.items}
            onRow={rowTestId<UserAccount>(TID.userRow, 'user')}
            scroll={{ x: 'max-content' }}
            pagination={{ current: params.page ?? 1, pageSize: PAGE_SIZE, total: users.data?.total ?? 0, hideOnSinglePage: true, showSizeChanger: false }}
            onChange={(pagination, _filters, sorter) => {
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              const key = s?.order ? (s.columnKey as UserListParams['sort']) : undefined;
              const sortChanged = key !== params.sort || (s?.order === 'descend') !== (params.order === 'desc');
              setParams({ ...params, sort: key, order: s?.order === 'descend' ? 'desc' : undefined, page: sortChanged || pagination.current === 1 ? undefined : pagination.current });
            }}
          />
        )}
      </Card>

      <FormModal<UserValues>
        open={creating}
        title={t('users.create')}
        submitTestId={TID.userFormSubmit}
        onClose={() => setCreating(false)}
        onSubmit={async (values) => {
          const place = places.find((p) => p.id === values.scopeId);
          await api.post('/api/users', {
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            role: values.role,
            scopeLevel: place?.level,
            scopeId: values.scopeId,
            password: values.password,
            office: officeLinkOf(values.officeId),
          });
          await queryClient.invalidateQueries({ queryKey: keys.users });
          notifySuccess(t('users.created', { username: values.username.trim() }));
        }}
      >
        <UserFormFields tree={tree.data ?? []} loadCommunity={tree.loadCommunity} />
      </FormModal>
    </>
  );
}

function UserFormFields({ tree, loadCommunity }: { tree: PlaceNode[]; loadCommunity: (communityId: string) => Promise<void> }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<UserValues>();
  const scopeId: string | undefined = Form.useWatch('scopeId');
  const level = useMemo(() => flattenPlaces(tree).find((p) => p.id === scopeId)?.level, [tree, scopeId]);
  const roles = level ? ROLES_BY_LEVEL[level] : [];
  const role: Role | undefined = Form.useWatch('role');
  return (
    <>
      <Form.Item
        name="username"
        label={t('users.username')}
        rules={[
          { required: true, message: t('users.usernameRequired') },
          { pattern: /^[a-zA-Z0-9_.-]{3,32}$/, message: t('users.usernameFormat') },
        ]}
      >
        <Input data-testid={TID.userFormUsername} autoComplete="off" autoCapitalize="none" maxLength={32} />
      </Form.Item>
      <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}>
        <Input data-testid={TID.userFormDisplayName} maxLength={50} />
      </Form.Item>
      <Form.Item name="scopeId" label={t('users.scope')} rules={[{ required: true, message: t('users.scopeRequired') }]} extra={t('users.scopeHint')}>
        <TreeSelect
          data-testid={TID.userFormScope}
          treeData={toTreeSelect(tree)}
          loadData={(node) => loadCommunity(String(node.value))}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          onChange={() => form.setFieldsValue({ role: undefined, officeId: undefined })}
        />
      </Form.Item>
      <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('users.roleRequired') }]}>
        <Select
          data-testid={TID.userFormRole}
          disabled={!level}
          placeholder={level ? undefined : t('users.pickScopeFirst')}
          options={roles.map((r) => ({ value: r, label: codeLabel('roles', r) }))}
          onChange={() => form.setFieldValue('officeId', undefined)}
        />
      </Form.Item>
      <OfficeField role={role} scopeLevel={level} scopeId={scopeId} />
      <Form.Item
        name="password"
        label={t('users.initialPassword')}
        rules={[
          { required: true, message: t('account.newRequired') },
          { min: 8, message: t('account.tooShort') },
        ]}
        extra={t('users.passwordHint')}
      >
        <Input.Password data-testid={TID.userFormPassword} autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
