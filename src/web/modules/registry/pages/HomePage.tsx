import { Alert, Button, Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { usePlacesTree, useSearch } from '../../../api/queries';
import { useQuarterPage } from '../api';
import { useCan, useCurrentUser } from '../../../auth/session';
import { PlaceTree } from '../../../components/PlaceTree';
import { QuarterFilters, useQuarterFilterParams } from '../components/QuarterFilters';
import { QuarterTable } from '../components/QuarterTable';
import { QueryError } from '../../../components/QueryState';
import { formatArea } from '../../../lib/format';
import { codeLabel } from '../../../lib/labels';
import { TID } from '../testids';

/** Staff home: the caller's part of the hierarchy beside the quarters it contains. */
export default function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const can = useCan();
  const navigate = useNavigate();
  const tree = usePlacesTree();
  const [filters, setFilters] = useQuarterFilterParams();
  const quarters = useQuarterPage({ ...filters, pageSize: 20 });
  // The totals are the server's sums over the selected area, not over the page shown, and a
  // search narrows the list, not the area (typing an owner's name used to turn every total into 0).
  const area = useQuarterPage({ streetId: filters.streetId, communityId: filters.communityId, pageSize: 1, totals: true });
  const totals = area.data?.totals ?? { quarters: 0, households: 0, buildings: 0, units: 0, area: 0 };
  const noQuarterMatch = !!filters.q && quarters.data?.total === 0;
  // A name that is no quarter's may be an owner's or a unit's: the registry's search says where.
  const elsewhere = useSearch(noQuarterMatch ? filters.q! : '');

  const newQuarterPath = filters.communityId ? `/quarters/new?communityId=${filters.communityId}` : '/quarters/new';

  return (
    <>
      <div className="gz-page-title">
        <Typography.Title level={3}>{t('home.title')}</Typography.Title>
        <Typography.Text type="secondary">
          {codeLabel('roles', user.role)} · {user.scope.name}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        {can('quarter.create') && (
          <Button data-testid={TID.quarterNew} type="primary" icon={<PlusOutlined />} onClick={() => navigate(newQuarterPath)}>
            {t('home.newQuarter')}
          </Button>
        )}
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7} xxl={6}>
          <Card title={t('home.hierarchy')} size="small" loading={tree.isPending} styles={{ body: { maxHeight: 640, overflow: 'auto' } }}>
            {tree.error ? (
              <QueryError error={tree.error} onRetry={() => tree.refetch()} />
            ) : (
              <PlaceTree
                testId={TID.placeTree}
                nodes={tree.data}
                loadCommunity={tree.loadCommunity}
                selectedId={filters.communityId ?? filters.streetId}
                onSelect={(node) => {
                  if (!node || node.level === 'district') setFilters({ q: filters.q });
                  else if (node.level === 'street') setFilters({ q: filters.q, streetId: node.id });
                  else if (node.level === 'community') setFilters({ q: filters.q, communityId: node.id });
                  else navigate(`/quarters/${node.id}`);
                }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={17} xxl={18}>
          <Row gutter={[12, 12]} data-testid={TID.homeTotals} style={{ marginBottom: 12 }}>
            {(
              [
                ['quarters', totals.quarters],
                ['households', totals.households],
                ['buildings', totals.buildings],
                ['units', totals.units],
              ] as const
            ).map(([key, value]) => (
              <Col key={key} xs={12} md={6}>
                <Card size="small">
                  <Statistic title={t(`home.totals.${key}`)} value={value} loading={area.isPending} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card
            size="small"
            title={
              <span>
                {t('home.quarterList')}
                <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 8, fontSize: 13 }}>
                  {t('home.totalArea', { area: formatArea(totals.area) })}
                </Typography.Text>
              </span>
            }
          >
            <div style={{ marginBottom: 12 }}>
              <QuarterFilters tree={tree.data} value={filters} onChange={setFilters} />
            </div>
            {noQuarterMatch && (
              <Alert
                data-testid={TID.homeOtherMatches}
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('home.noQuarterMatch', { q: filters.q })}
                description={
                  elsewhere.data && (elsewhere.data.owners.length || elsewhere.data.units.length) ? (
                    <Space orientation="vertical" size={2}>
                      <span>{t('home.otherMatches')}</span>
                      {elsewhere.data.owners.map((o) => (
                        <Link key={o.id} to={`/quarters/${o.quarterId}?tab=owners&q=${encodeURIComponent(o.name)}`}>
                          {t('home.ownerIn', { name: o.name, quarter: o.quarterName })}
                        </Link>
                      ))}
                      {elsewhere.data.units.map((u) => (
                        <Link key={u.id} to={`/quarters/${u.quarterId}?tab=buildings&q=${encodeURIComponent(u.label.split(' ').pop() ?? u.label)}`}>
                          {t('home.unitIn', { label: u.label, quarter: u.quarterName })}
                        </Link>
                      ))}
                    </Space>
                  ) : undefined
                }
              />
            )}
            {quarters.error ? (
              <QueryError error={quarters.error} onRetry={() => quarters.refetch()} />
            ) : noQuarterMatch ? null : (
              <QuarterTable page={quarters.data} params={filters} onChange={setFilters} loading={quarters.isFetching} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
