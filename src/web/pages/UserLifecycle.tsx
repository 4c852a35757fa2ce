import { useEffect, useState } from 'react';
import { Alert, Button, type ButtonProps, Form, Input, Modal, Popconfirm, Radio, Select, Space, Tag, Tooltip, TreeSelect, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { keys } from '../api/queries';
import type { OfficeRecordOption, PlaceNode, Role, UserAccount, UserResetAnswer } from '../api/types';
import { FormModal } from '../components/FormModal';
import { notifySuccess } from '../lib/feedback';
import { codeLabel } from '../lib/labels';
import { flattenPlaces } from '../lib/places';
import { TID } from '../testids';

/**
 * The roles that come from an organisation record (contracts/users.ts officeKindOfRole): their
 * accounts can be linked to it, and then hold the role only while the record is current.
 */
const LINKED_ROLES: readonly Role[] = ['committee', 'supervisory', 'commissioner', 'building_leader', 'party_secretary', 'company'];

/** The state of an account: disabled or active, a reset waiting for a new password, an office that ended. */
export function AccountStatus({ user }: { user: UserAccount }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap data-testid={TID.userStatus} data-user-id={user.id}>
      {user.disabled ? <Tag>{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>}
      {user.mustChangePassword && <Tag color="gold">{t('users.mustChange')}</Tag>}
      {user.officeEnded && (
        <Tooltip title={user.officeEnded.message}>
          <Tag color="red">{t('users.officeEnded')}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

/** The organisation record an account of the role and place may be linked to (optional). */
export function OfficeField({ role, scopeLevel, scopeId }: { role?: Role; scopeLevel?: string; scopeId?: string }) {
  const { t } = useTranslation();
  const linked = !!role && LINKED_ROLES.includes(role) && !!scopeLevel && !!scopeId;
  const records = useQuery({
    queryKey: ['users', 'office-records', role, scopeLevel, scopeId],
    queryFn: () => api.get<{ items: OfficeRecordOption[] }>('/api/users/office-records', { role, scopeLevel, scopeId }),
    select: (data) => data.items,
    enabled: linked,
  });
  if (!linked) return null;
  return (
    <Form.Item name="officeId" label={t('users.office')} extra={t('users.officeHint')}>
      <Select
        data-testid={TID.userFormOffice}
        allowClear
        loading={records.isFetching}
        placeholder={t('users.officeNone')}
        notFoundContent={t('users.officeNoRecords')}
        options={(records.data ?? []).map((r) => ({ value: `${r.kind}:${r.id}`, label: `${r.label}${r.current ? '' : t('users.officeNotCurrent')}` }))}
      />
    </Form.Item>
  );
}

/** `kind:id` from the office select, as the API's link. */
export function officeLinkOf(value: string | undefined | null): { kind: string; id: string } | null {
  if (!value) return null;
  const [kind, id] = value.split(':');
  return { kind, id };
}

interface MoveValues {
  scopeId: string;
  role: Role;
  officeId?: string;
}

interface ResetValues {
  mode: 'generate' | 'manual';
  password?: string;
}

/** Disable or enable (with a confirmation), reset the password, move: the row's actions. */
export function AccountActions({
  user,
  self,
  tree,
  loadCommunity,
  rolesByLevel,
  toTreeSelect,
}: {
  user: UserAccount;
  self: boolean;
  tree: PlaceNode[];
  loadCommunity: (communityId: string) => Promise<void>;
  rolesByLevel: Record<PlaceNode['level'], Role[]>;
  toTreeSelect: (nodes: PlaceNode[]) => unknown[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [resetting, setResetting] = useState(false);
  const [moving, setMoving] = useState(false);
  const [shown, setShown] = useState<UserResetAnswer | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.users });
  // Nobody disables, resets or moves their own account (the server refuses it too).
  if (self) return <Typography.Text type="secondary">{t('users.you')}</Typography.Text>;
  const ids = { 'data-user-id': user.id };
  const confirmProps = { 'data-testid': TID.userConfirm } as ButtonProps;

  const setDisabled = async (disabled: boolean) => {
    await api.post(`/api/users/${user.id}/${disabled ? 'disable' : 'enable'}`);
    await refresh();
    notifySuccess(t(disabled ? 'users.disabledDone' : 'users.enabledDone', { username: user.username }));
  };

  return (
    <Space size={4} wrap>
      {user.disabled ? (
        <Popconfirm title={t('users.enableConfirm', { username: user.username })} onConfirm={() => setDisabled(false)} okText={t('users.enable')} okButtonProps={confirmProps} cancelText={t('common.cancel')}>
          <Button size="small" data-testid={TID.userEnable} {...ids}>
            {t('users.enable')}
          </Button>
        </Popconfirm>
      ) : (
        <Popconfirm
          title={t('users.disableConfirm', { username: user.username })}
          onConfirm={() => setDisabled(true)}
          okText={t('users.disable')}
          okButtonProps={{ ...confirmProps, danger: true }}
          cancelText={t('common.cancel')}
        >
          <Button size="small" danger data-testid={TID.userDisable} {...ids}>
            {t('users.disable')}
          </Button>
        </Popconfirm>
      )}
      <Button size="small" data-testid={TID.userReset} {...ids} onClick={() => setResetting(true)}>
        {t('users.reset')}
      </Button>
      {user.role !== 'owner' && (
        <Button size="small" data-testid={TID.userMove} {...ids} onClick={() => setMoving(true)}>
          {t('users.move')}
        </Button>
      )}

      <FormModal<ResetValues>
        open={resetting}
        title={t('users.resetTitle', { username: user.username })}
        submitTestId={TID.userResetSubmit}
        okText={t('users.resetSubmit')}
        initialValues={{ mode: 'generate' }}
        onClose={() => setResetting(false)}
        onSubmit={async (values) => {
          const answer = await api.post<UserResetAnswer>(`/api/users/${user.id}/reset-password`, values.mode === 'manual' ? { password: values.password } : {});
          await refresh();
          setShown(answer);
        }}
      >
        <ResetFields />
      </FormModal>

      <Modal
        open={!!shown}
        title={t('users.resetDoneTitle')}
        onCancel={() => setShown(null)}
        footer={
          <Button type="primary" onClick={() => setShown(null)}>
            {t('users.close')}
          </Button>
        }
      >
        {shown?.temporaryPassword ? (
          <>
            <Typography.Paragraph>{t('users.resetShownOnce')}</Typography.Paragraph>
            <Typography.Paragraph copyable={{ text: shown.temporaryPassword }}>
              <Typography.Text code strong style={{ fontSize: 20 }} data-testid={TID.userTemporaryPassword}>
                {shown.temporaryPassword}
              </Typography.Text>
            </Typography.Paragraph>
          </>
        ) : (
          <Typography.Paragraph>{t('users.resetGiven')}</Typography.Paragraph>
        )}
      </Modal>

      <FormModal<MoveValues>
        open={moving}
        title={t('users.moveTitle', { username: user.username })}
        submitTestId={TID.userMoveSubmit}
        okText={t('users.moveSubmit')}
        initialValues={{ scopeId: user.scopeId, role: user.role, officeId: user.office ? `${user.office.kind}:${user.office.id}` : undefined }}
        onClose={() => setMoving(false)}
        onSubmit={async (values) => {
          const place = flattenPlaces(tree).find((p) => p.id === values.scopeId);
          await api.post(`/api/users/${user.id}/move`, {
            role: values.role,
            scopeLevel: place?.level ?? user.scopeLevel,
            scopeId: values.scopeId,
            office: officeLinkOf(values.officeId),
          });
          await refresh();
          notifySuccess(t('users.movedDone', { username: user.username }));
        }}
      >
        <MoveFields tree={tree} loadCommunity={loadCommunity} rolesByLevel={rolesByLevel} toTreeSelect={toTreeSelect} fallbackLevel={user.scopeLevel} />
      </FormModal>
    </Space>
  );
}

function ResetFields() {
  const { t } = useTranslation();
  const mode: ResetValues['mode'] | undefined = Form.useWatch('mode');
  return (
    <>
      <Alert type="warning" showIcon title={t('users.resetExplain')} style={{ marginBottom: 16 }} />
      <Form.Item name="mode" label={t('users.resetMode')}>
        <Radio.Group data-testid={TID.userResetMode}>
          <Radio value="generate">{t('users.resetGenerate')}</Radio>
          <Radio value="manual">{t('users.resetManual')}</Radio>
        </Radio.Group>
      </Form.Item>
      {mode === 'manual' && (
        <Form.Item
          name="password"
          label={t('users.resetPassword')}
          rules={[
            { required: true, message: t('account.newRequired') },
            { min: 8, message: t('account.tooShort') },
          ]}
        >
          <Input.Password data-testid={TID.userResetPassword} autoComplete="new-password" />
        </Form.Item>
      )}
    </>
  );
}

function MoveFields({
  tree,
  loadCommunity,
  rolesByLevel,
  toTreeSelect,
  fallbackLevel,
}: {
  tree: PlaceNode[];
  loadCommunity: (communityId: string) => Promise<void>;
  rolesByLevel: Record<PlaceNode['level'], Role[]>;
  toTreeSelect: (nodes: PlaceNode[]) => unknown[];
  fallbackLevel: string;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<MoveValues>();
  const scopeId: string | undefined = Form.useWatch('scopeId');
  const role: Role | undefined = Form.useWatch('role');
  const level = flattenPlaces(tree).find((p) => p.id === scopeId)?.level;
  const roles = level ? rolesByLevel[level] : [];
  // An account bound to a quarter: its community's quarters are loaded so that the picker names it.
  const [initialScope] = useState(scopeId ?? form.getFieldValue('scopeId'));
  useEffect(() => {
    if (fallbackLevel !== 'quarter' || !initialScope) return;
    api
      .get<{ communityId: string }>(`/api/quarters/${initialScope}`)
      .then((q) => loadCommunity(q.communityId))
      .catch(() => undefined);
  }, [fallbackLevel, initialScope, loadCommunity]);
  return (
    <>
      <Alert type="info" showIcon title={t('users.moveExplain')} style={{ marginBottom: 16 }} />
      <Form.Item name="scopeId" label={t('users.scope')} rules={[{ required: true, message: t('users.scopeRequired') }]}>
        <TreeSelect
          data-testid={TID.userFormScope}
          treeData={toTreeSelect(tree) as never}
          loadData={(node) => loadCommunity(String(node.value))}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          onChange={() => form.setFieldsValue({ role: undefined, officeId: undefined })}
        />
      </Form.Item>
      <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('users.roleRequired') }]}>
        <Select
          data-testid={TID.userFormRole}
          options={(roles.length ? roles : role ? [role] : []).map((r) => ({ value: r, label: codeLabel('roles', r) }))}
          onChange={() => form.setFieldValue('officeId', undefined)}
        />
      </Form.Item>
      <OfficeField role={role} scopeLevel={level ?? fallbackLevel} scopeId={scopeId} />
    </>
  );
}
