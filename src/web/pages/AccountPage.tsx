import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { homePathFor, SESSION_KEY, useCurrentUser } from '../auth/session';
import { notifySuccess } from '../lib/feedback';
import { codeLabel } from '../lib/labels';
import { TID } from '../testids';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** 修改密码, with the account's own facts so the user sees which account they are changing. */
export default function AccountPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const onFinish = async (values: PasswordValues) => {
    setSaving(true);
    setError(null);
    try {
      await api.post('/api/auth/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      form.resetFields();
      notifySuccess(t('account.changed'));
      if (user.mustChangePassword) {
        // The reset is answered: the session may do its work again.
        await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
        navigate(homePathFor(user), { replace: true });
      }
    } catch (err) {
      if (err instanceof ApiError) {
        const fields = err.fieldErrors();
        const known = (['currentPassword', 'newPassword'] as const).filter((f) => fields[f]);
        if (known.length) {
          form.setFields(known.map((f) => ({ name: f, errors: [fields[f]] })));
          return;
        }
      }
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <div className="gz-page-title">
        <Typography.Title level={3}>{t('account.title')}</Typography.Title>
      </div>
      <Card style={{ maxWidth: 560, marginBottom: 16 }} size="small">
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'u', label: t('users.username'), children: user.username },
            { key: 'n', label: t('users.displayName'), children: user.displayName },
            { key: 'r', label: t('users.role'), children: codeLabel('roles', user.role) },
            { key: 's', label: t('users.scope'), children: user.scope.name },
          ]}
        />
      </Card>
      {user.mustChangePassword && (
        <Alert data-testid={TID.passwordMustChange} type="warning" showIcon title={t('account.mustChange')} style={{ maxWidth: 560, marginBottom: 16 }} />
      )}
      <Card style={{ maxWidth: 560 }} title={t('account.changePassword')}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<PasswordValues> data-testid={TID.passwordForm} form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item name="currentPassword" label={t('account.current')} rules={[{ required: true, message: t('account.currentRequired') }]}>
            <Input.Password data-testid={TID.passwordCurrent} autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('account.new')}
            extra={t('account.rule')}
            rules={[
              { required: true, message: t('account.newRequired') },
              { min: 8, message: t('account.tooShort') },
            ]}
          >
            <Input.Password data-testid={TID.passwordNew} autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('account.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('account.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: async (_r, v?: string) => {
                  if (v && v !== getFieldValue('newPassword')) throw new Error(t('account.mismatch'));
                },
              }),
            ]}
          >
            <Input.Password data-testid={TID.passwordConfirm} autoComplete="new-password" />
          </Form.Item>
          <Button data-testid={TID.passwordSubmit} type="primary" htmlType="submit" loading={saving}>
            {t('account.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
