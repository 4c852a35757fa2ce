// 工作台 · 数据看板: the offices' supervision dashboard (GET /api/dashboard). The place filter
// narrows it to a street, community or quarter of the caller's area (kept in the address as
// ?place=, so a view can be sent on); the platform's figures come first, then the cards the
// modules give through their web descriptors (dashboard-cards.ts), each drawn only when the server
// sent its module's figures.
import { Suspense, useMemo } from 'react';
import { Card, Col, Empty, Row, Skeleton, Statistic, Tag, TreeSelect, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { usePlacesTree } from '../../../api/queries';
import type { PlaceNode } from '../../../api/types';
import { isPlaceLeaf } from '../../../components/PlaceTree';
import { Loading, QueryError } from '../../../components/QueryState';
import { useDashboardCards } from '../../dashboard-cards';
import type { DashboardAggregateKey, DashboardCardProps } from '../../module';
import { useDashboard } from '../api';
import { TID } from '../testids';

type Option = { value: string; title: string; isLeaf: boolean; children?: Option[] };

function toOptions(nodes: PlaceNode[], levelLabel: (level: PlaceNode['level']) => string): Option[] {
  return nodes.map((n) => ({
    value: n.id,
    title: `${n.name}（${levelLabel(n.level)}）`,
    isLeaf: isPlaceLeaf(n),
    children: n.children?.length ? toOptions(n.children, levelLabel) : undefined,
  }));
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const placeId = params.get('place') ?? undefined;
  const dashboard = useDashboard(placeId);
  const tree = usePlacesTree();
  const cards = useDashboardCards();
  const levelLabel = (level: PlaceNode['level']) => t(`organizations.dashboard.level.${level}`);
  const options = useMemo(() => toOptions(tree.data ?? [], levelLabel), [tree.data, t]); // eslint-disable-line react-hooks/exhaustive-deps

  if (dashboard.isPending) return <Loading />;
  if (dashboard.error) return <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const d = dashboard.data;
  const shown = cards.filter((c) => d.aggregates[c.aggregate]);
  const choose = (id: string | undefined) => setParams(id ? { place: id } : {}, { replace: true });

  return (
    <div data-testid={TID.dashboardPage}>
      <div className="gz-page-title">
        <Typography.Title level={3}>{t('organizations.dashboard.title')}</Typography.Title>
        <div style={{ flex: 1 }} />
        <span className="gz-muted">{t('organizations.dashboard.place')}</span>
        <TreeSelect
          data-testid={TID.dashboardPlace}
          style={{ width: 320 }}
          value={placeId}
          placeholder={t('organizations.dashboard.whole')}
          treeData={options}
          loadData={(node) => tree.loadCommunity(String(node.value))}
          treeDefaultExpandAll
          allowClear
          showSearch={{ treeNodeFilterProp: 'title' }}
          onChange={(v?: string) => choose(v)}
        />
      </div>
      <Typography.Paragraph type="secondary">{t('organizations.dashboard.intro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={24} align="middle">
          <Col flex="auto">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid={TID.dashboardPlaceName}>
              {d.place.name} <Tag>{t(`organizations.dashboard.level.${d.place.level}`)}</Tag>
            </Typography.Title>
          </Col>
          <Col>
            <Statistic title={t('organizations.dashboard.quarters')} value={d.platform.quarters} data-testid={TID.dashboardQuarters} />
          </Col>
          {d.place.level === 'district' || d.place.level === 'street' ? (
            <Col>
              <Statistic title={t('organizations.dashboard.communities')} value={d.platform.communities} />
            </Col>
          ) : null}
        </Row>
      </Card>
      {shown.length ? (
        <div className="gz-dashboard-grid">
          {shown.map((c) => {
            const Component = c.component;
            const props = { place: d.place, figures: d.aggregates[c.aggregate] } as DashboardCardProps<DashboardAggregateKey>;
            return (
              <div key={c.key} className={c.wide ? 'gz-dashboard-wide' : undefined}>
                <Suspense fallback={<Card loading />}>
                  <Component {...props} />
                </Suspense>
              </div>
            );
          })}
        </div>
      ) : dashboard.isFetching ? (
        <Skeleton active />
      ) : (
        <Empty description={t('organizations.dashboard.empty')} />
      )}
    </div>
  );
}
