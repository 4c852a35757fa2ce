import { Suspense, useMemo, type ReactNode } from 'react';
import { Breadcrumb, Button, Card, Col, Row, Statistic, Tabs, Typography } from 'antd';
import { EditOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useDossier } from '../../api';
import type { Permission, SessionUser } from '../../../../api/types';
import { hasPermission, useCurrentUser } from '../../../../auth/session';
import { Loading, QueryError } from '../../../../components/QueryState';
import { QuarterTypeTag } from '../../components/QuarterTable';
import { formatArea, formatCount, formatPercent } from '../../../../lib/format';
import { TID } from '../../testids';
import { AuditTab } from './AuditTab';
import { BuildingsTab } from './BuildingsTab';
import { GenericSection } from './GenericSection';
import { ImportTab } from './ImportTab';
import { OverviewTab } from './OverviewTab';
import { OwnersTab } from './OwnersTab';
import { ResidentsTab } from './ResidentsTab';
import { useDossierTabs } from '../../../dossier-tabs';
import type { DossierTabProps } from '../../../module';

interface TabEntry {
  key: string;
  label: ReactNode;
  order: number;
  permission?: Permission;
  visible?: (user: SessionUser) => boolean;
  render: (props: DossierTabProps) => ReactNode;
}

/** 一小区一档案 (T/ZAS 4006.1—2020 6.1.3.2): everything the platform holds about one quarter. */
export default function DossierPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const dossier = useDossier(id);
  const dossierSectionOf = useDossierTabs();

  const tabs = useMemo<TabEntry[]>(() => {
    const own: TabEntry[] = [
      { key: 'overview', label: t('dossier.tabs.overview'), order: 10, render: (p) => <OverviewTab {...p} /> },
      { key: 'buildings', label: t('dossier.tabs.buildings'), order: 20, render: (p) => <BuildingsTab {...p} /> },
      { key: 'owners', label: t('dossier.tabs.owners'), order: 30, permission: 'owners.read', render: (p) => <OwnersTab {...p} /> },
      { key: 'residents', label: t('dossier.tabs.residents'), order: 40, permission: 'residents.read', render: (p) => <ResidentsTab {...p} /> },
      {
        key: 'import',
        label: t('dossier.tabs.import'),
        order: 900,
        // Importing needs registry.import; the export holds owners, so reading owners is enough for it.
        visible: (u) => hasPermission(u, 'registry.import') || hasPermission(u, 'owners.read'),
        render: (p) => <ImportTab {...p} />,
      },
      { key: 'audit', label: t('dossier.tabs.audit'), order: 950, permission: 'audit.read', render: (p) => <AuditTab {...p} /> },
    ];
    // Sections of other modules, in the order the server sends them unless their definition says.
    const sections: TabEntry[] = (dossier.data?.sections ?? []).map((section, index) => {
      const def = dossierSectionOf(section.key);
      const Component = def?.component ?? GenericSection;
      return {
        key: `section-${section.key}`,
        label: def?.label?.() ?? section.title ?? section.key,
        order: def?.order ?? 100 + index,
        permission: def?.permission,
        render: (p: DossierTabProps) => (
          <Suspense fallback={<Loading />}>
            <Component {...p} section={section} />
          </Suspense>
        ),
      };
    });
    return [...own, ...sections]
      .filter((tab) => (!tab.permission || hasPermission(user, tab.permission)) && (!tab.visible || tab.visible(user)))
      .sort((a, b) => a.order - b.order);
  }, [t, user, dossier.data?.sections, dossierSectionOf]);

  if (dossier.isPending) return <Loading />;
  if (dossier.error) return <QueryError error={dossier.error} onRetry={() => dossier.refetch()} />;

  const { quarter, stats } = dossier.data;
  const active = tabs.some((tab) => tab.key === params.get('tab')) ? params.get('tab')! : 'overview';
  const tabProps: DossierTabProps = { quarterId: id, dossier: dossier.data, user };

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/quarters">{t('menu.quarters')}</Link> },
          { title: quarter.name },
        ]}
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 12 } }}>
        <div className="gz-page-title" style={{ marginBottom: 4 }}>
          <Typography.Title level={3} data-testid={TID.dossierTitle}>
            {quarter.name}
          </Typography.Title>
          <QuarterTypeTag type={quarter.type} />
          <div style={{ flex: 1 }} />
          {hasPermission(user, 'quarter.update') && (
            <Button data-testid={TID.dossierEdit} icon={<EditOutlined />} onClick={() => navigate(`/quarters/${id}/edit`)}>
              {t('dossier.edit')}
            </Button>
          )}
        </div>
        <div className="gz-muted" style={{ display: 'flex', gap: 16, flexWrap: 'wrap', marginBottom: 12 }}>
          {/* Largest place first, the way Chinese addresses are written. */}
          <span data-testid={TID.dossierPath}>
            {quarter.districtName} › {quarter.streetName} › {quarter.communityName}
          </span>
          {quarter.address && (
            <span>
              <EnvironmentOutlined /> {quarter.address}
            </span>
          )}
        </div>
        <Row gutter={[16, 8]}>
          {(
            [
              ['households', formatCount(quarter.households)],
              ['buildings', formatCount(stats?.buildings ?? quarter.buildingCount)],
              ['units', formatCount(stats?.units ?? quarter.unitCount)],
              ['owners', formatCount(stats?.owners ?? quarter.ownerCount)],
              ['totalBuildingArea', formatArea(quarter.totalBuildingArea)],
              ['deliveredShare', formatPercent(quarter.deliveredArea, quarter.totalBuildingArea)],
            ] as const
          ).map(([key, value]) => (
            <Col key={key} xs={12} sm={8} xl={4}>
              <Statistic title={t(`dossier.figures.${key}`)} value={value} styles={{ content: { fontSize: 22 } }} />
            </Col>
          ))}
        </Row>
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          data-testid={TID.dossierTabs}
          activeKey={active}
          onChange={(key) => {
            const next = new URLSearchParams(params);
            next.set('tab', key);
            // A search handed over by the header's search box belongs to the tab it opened.
            next.delete('q');
            setParams(next, { replace: true });
          }}
          destroyOnHidden
          items={tabs.map((tab) => ({
            key: tab.key,
            label: <span data-testid={TID.dossierTab(tab.key)}>{tab.label}</span>,
            children: tab.render(tabProps),
          }))}
        />
      </Card>
    </>
  );
}
