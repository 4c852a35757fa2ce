import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Alert, Button, Drawer, Grid, Layout, Menu, Tooltip, type MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  DashboardOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { hasPermission, useCurrentUser, useSessionActions } from '../auth/session';
import i18n from '../i18n';
import { moduleMenu } from '../modules';
import type { MenuEntry, MenuIcon } from '../modules/module';
import { codeLabel } from '../lib/labels';
import { TID } from '../testids';
import { GlobalSearch } from './GlobalSearch';
import { HeaderInbox } from './HeaderInbox';
import { LanguageSwitch } from './LanguageSwitch';

const { Header, Sider, Content } = Layout;

const ICONS: Record<MenuIcon, ReactNode> = {
  home: <HomeOutlined />,
  profile: <ProfileOutlined />,
  solution: <SolutionOutlined />,
  safety: <SafetyCertificateOutlined />,
  apartment: <ApartmentOutlined />,
  audit: <AuditOutlined />,
  team: <TeamOutlined />,
  key: <KeyOutlined />,
  dashboard: <DashboardOutlined />,
};

// The modules' entries come from their descriptors (modules/index.ts); these are the shell's.
const SHELL_MENU: MenuEntry[] = [
  { key: 'places', path: '/places', icon: 'apartment', order: 50, permission: 'places.manage', label: () => i18n.t('menu.places') },
  { key: 'audit', path: '/audit', icon: 'audit', order: 60, permission: 'audit.read', label: () => i18n.t('menu.audit') },
  { key: 'users', path: '/users', icon: 'team', order: 70, permission: 'users.manage', label: () => i18n.t('menu.users') },
  { key: 'account', path: '/account', icon: 'key', order: 80, label: () => i18n.t('menu.account') },
];

const MENU: MenuEntry[] = [...moduleMenu, ...SHELL_MENU].sort((a, b) => a.order - b.order);

/**
 * The menu's items: an entry of a group stands under the group's heading, placed where the
 * group's first entry is, when the user sees two or more of the group; a single one stands alone.
 */
function menuItems(entries: MenuEntry[]): NonNullable<MenuProps['items']> {
  const item = (m: MenuEntry) => ({ key: m.key, icon: ICONS[m.icon], label: <span data-testid={TID.menu(m.key)}>{m.label()}</span> });
  const out: NonNullable<MenuProps['items']> = [];
  const placed = new Set<string>();
  for (const m of entries) {
    const members = m.group ? entries.filter((e) => e.group?.key === m.group!.key) : [];
    if (!m.group || members.length < 2) out.push(item(m));
    else if (!placed.has(m.group.key)) {
      placed.add(m.group.key);
      out.push({ key: m.group.key, icon: ICONS[m.group.icon], label: <span data-testid={TID.menu(m.group.key)}>{m.group.label()}</span>, children: members.map(item) });
    }
  }
  return out;
}

function selectedKey(pathname: string): string {
  if (pathname === '/') return 'home';
  const hit = MENU.filter((m) => m.path !== '/' && pathname.startsWith(m.path));
  return hit[0]?.key ?? 'home';
}

function Brand({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="gz-brand">
      <span className="gz-brand-mark">共</span>
      {!compact && (
        <span style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.2 }}>
          <span className="gz-brand-name">{t('app.name')}</span>
          <span className="gz-brand-sub">{t('app.shortSubtitle')}</span>
        </span>
      )}
    </div>
  );
}

/**
 * The staff frame: side menu on a desktop, a drawer on a phone. Used as a route layout
 * (renders the matched child route) or around a single page (children).
 */
export function AppLayout({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { logout } = useSessionActions();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);

  const items: MenuProps['items'] = useMemo(
    () => menuItems(MENU.filter((m) => !m.permission || hasPermission(user, m.permission))),
    // The labels follow the language, and `t` changes with it (the labels call i18n themselves).
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `t` stands for the language here
    [user, t],
  );
  // The heading of the page's entry is opened; the others are opened by the user.
  const selected = selectedKey(location.pathname);
  const [openKeys, setOpenKeys] = useState<string[]>([]);
  useEffect(() => {
    const group = MENU.find((m) => m.key === selected)?.group;
    if (group) setOpenKeys((keys) => (keys.includes(group.key) ? keys : [...keys, group.key]));
  }, [selected]);

  const onMenuClick: MenuProps['onClick'] = ({ key }) => {
    const entry = MENU.find((m) => m.key === key);
    if (entry) navigate(entry.path);
    setDrawerOpen(false);
  };

  const menu = (
    <Menu
      data-testid={TID.sideMenu}
      theme="dark"
      mode="inline"
      selectedKeys={[selected]}
      openKeys={collapsed && !isPhone ? undefined : openKeys}
      onOpenChange={setOpenKeys}
      items={items}
      onClick={onMenuClick}
      style={{ borderInlineEnd: 0 }}
    />
  );

  const onLogout = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isPhone && (
        <Sider
          width={216}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Brand compact={collapsed} />
          {menu}
        </Sider>
      )}
      {isPhone && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          closable={false}
          styles={{ body: { padding: 0, background: '#0f2a4a' }, header: { display: 'none' } }}
        >
          <Brand />
          {menu}
        </Drawer>
      )}
      <Layout>
        <Header className="gz-header">
          {isPhone && (
            <Button
              data-testid={TID.menuToggle}
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('app.openMenu')}
              onClick={() => setDrawerOpen(true)}
            />
          )}
          {isPhone && <strong style={{ fontSize: 18 }}>{t('app.name')}</strong>}
          {!isPhone && <GlobalSearch width={screens.xl ? 360 : 240} />}
          <div className="gz-header-spacer" />
          <HeaderInbox compact={isPhone || !screens.xl} />
          <LanguageSwitch size={isPhone ? 'small' : 'middle'} />
          <div className="gz-header-user">
            <span className="gz-header-user-name" data-testid={TID.headerUserName}>
              {user.displayName}
            </span>
            {!isPhone && (
              <span className="gz-header-user-meta">
                <span data-testid={TID.headerRole}>{codeLabel('roles', user.role)}</span>
                {' · '}
                <span data-testid={TID.headerScope}>{user.scope.name}</span>
              </span>
            )}
          </div>
          <Tooltip title={t('app.logout')}>
            <Button data-testid={TID.logout} icon={<LogoutOutlined />} onClick={onLogout} aria-label={t('app.logout')}>
              {isPhone ? null : t('app.logout')}
            </Button>
          </Tooltip>
        </Header>
        <Content className="gz-content">
          {user.officeEnded && (
            // Why every page of the role now answers "no permission" (the office's record has ended).
            <Alert data-testid={TID.officeEndedBanner} type="warning" showIcon title={t('account.officeEndedTitle')} description={user.officeEnded.message} style={{ marginBottom: 16 }} />
          )}
          {children ?? <Outlet />}
        </Content>
      </Layout>
    </Layout>
  );
}
