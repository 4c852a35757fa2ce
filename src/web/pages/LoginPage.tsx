import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { homePathFor, useSessionActions } from '../auth/session';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { changeLanguage, storedLanguage } from '../i18n';
import { TID } from '../testids';

interface LoginValues {
  username: string;
  password: string;
}

/** Only same-site paths are followed after login, so a crafted link cannot send users away. */
function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return null;
  return next;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useSessionActions();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const onFinish = async (values: LoginValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const session = await login(values.username.trim(), values.password);
      // A user who never chose a language on this device gets the one of their account.
      if (!storedLanguage() && (session.user.locale === 'en' || session.user.locale === 'zh-CN')) {
        await changeLanguage(session.user.locale, false);
      }
      const next = safeNext(params.get('next'));
      const home = homePathFor(session.user);
      // Owners never land on staff pages, even through a stale link; an owner's own page (a vote
      // opened from its public notice) they reach after signing in.
      const ownerNext = next === '/me' || next?.startsWith('/me/') ? next : null;
      navigate(session.user.role === 'owner' ? (ownerNext ?? home) : (next ?? home), { replace: true });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="gz-login">
      <div className="gz-login-lang">
        <LanguageSwitch light />
      </div>
      <Card className="gz-login-card" styles={{ body: { padding: '32px 28px' } }}>
        <div className="gz-login-head">
          <span className="gz-brand-mark">共</span>
          <h1 className="gz-login-title">{t('app.name')}</h1>
          <div className="gz-login-subtitle">{t('app.subtitle')}</div>
        </div>
        {error && (
          <Alert
            data-testid={TID.loginError}
            type="error"
            showIcon
            title={error}
            style={{ marginBottom: 16 }}
            role="alert"
          />
        )}
        <Form<LoginValues>
          data-testid={TID.loginForm}
          layout="vertical"
          size="large"
          requiredMark={false}
          onFinish={onFinish}
          onValuesChange={() => error && setError(null)}
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input
              data-testid={TID.loginUsername}
              prefix={<UserOutlined />}
              autoComplete="username"
              autoCapitalize="none"
              autoFocus
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password data-testid={TID.loginPassword} prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button data-testid={TID.loginSubmit} type="primary" htmlType="submit" block loading={submitting}>
            {t('login.submit')}
          </Button>
        </Form>
        <div className="gz-muted" style={{ marginTop: 20, fontSize: 13, textAlign: 'center' }}>
          {t('login.help')}
        </div>
      </Card>
    </div>
  );
}
