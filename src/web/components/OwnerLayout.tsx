import type { ReactNode } from 'react';
import { ConfigProvider, Button } from 'antd';
import { KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useSessionActions } from '../auth/session';
import { ownerTheme } from '../theme';
import { TID } from '../testids';
import { LanguageSwitch } from './LanguageSwitch';

/** Phone frame for owners and residents: one column, large type, few buttons. */
export function OwnerLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { logout } = useSessionActions();
  const navigate = useNavigate();
  const location = useLocation();
  const onAccount = location.pathname === '/account';
  return (
    <ConfigProvider theme={ownerTheme}>
      <div className="gz-owner gz-owner-large">
        <header className="gz-owner-header">
          <span className="gz-brand-mark" onClick={() => navigate('/me')} role="link" style={{ cursor: 'pointer' }}>
            共
          </span>
          <span style={{ flex: 1, minWidth: 0, fontSize: 18, fontWeight: 600, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {user.displayName}
          </span>
          <LanguageSwitch light />
          {!onAccount && (
            <Button
              type="text"
              style={{ color: '#fff' }}
              icon={<KeyOutlined />}
              aria-label={t('menu.account')}
              onClick={() => navigate('/account')}
            />
          )}
          <Button
            data-testid={TID.meLogout}
            type="text"
            style={{ color: '#fff' }}
            icon={<LogoutOutlined />}
            aria-label={t('app.logout')}
            onClick={async () => {
              await logout();
              navigate('/login', { replace: true });
            }}
          />
        </header>
        <main className="gz-owner-main">{children}</main>
      </div>
    </ConfigProvider>
  );
}
