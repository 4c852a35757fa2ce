import { Button, Card, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { usePlacesTree } from '../../../api/queries';
import { useQuarterPage } from '../api';
import { useCan } from '../../../auth/session';
import { QuarterFilters, useQuarterFilterParams } from '../components/QuarterFilters';
import { QuarterTable } from '../components/QuarterTable';
import { QueryError } from '../../../components/QueryState';
import { TID } from '../testids';

/** 小区档案: every quarter in scope with address and areas, one click from its dossier. */
export default function QuarterListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const tree = usePlacesTree();
  const [filters, setFilters] = useQuarterFilterParams();
  const quarters = useQuarterPage({ ...filters, pageSize: 20 });
  return (
    <>
      <div className="gz-page-title">
        <Typography.Title level={3}>{t('quarters.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('quarters.hint')}</Typography.Text>
        <div style={{ flex: 1 }} />
        {can('quarter.create') && (
          <Button
            data-testid={TID.quarterNew}
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate(filters.communityId ? `/quarters/new?communityId=${filters.communityId}` : '/quarters/new')}
          >
            {t('home.newQuarter')}
          </Button>
        )}
      </div>
      <Card size="small">
        <div style={{ marginBottom: 12 }}>
          <QuarterFilters tree={tree.data} value={filters} onChange={setFilters} />
        </div>
        {quarters.error ? (
          <QueryError error={quarters.error} onRetry={() => quarters.refetch()} />
        ) : (
          <QuarterTable page={quarters.data} params={filters} onChange={setFilters} loading={quarters.isFetching} detailed />
        )}
      </Card>
    </>
  );
}
