import { Progress, Table, Tag, Typography, type TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Quarter, QuarterListParams, QuarterPage } from '../api';
import { formatArea, formatCount, formatDate, formatPercent } from '../../../lib/format';
import { codeLabel } from '../../../lib/labels';
import { rowTestId } from '../../../testids';
import { TID } from '../testids';

const TYPE_COLORS: Record<string, string> = {
  commercial: 'blue',
  resettlement: 'green',
  old: 'orange',
  mixed: 'purple',
  other: 'default',
};

export function QuarterTypeTag({ type }: { type: string }) {
  return <Tag color={TYPE_COLORS[type] ?? 'default'}>{codeLabel('quarterTypes', type)}</Tag>;
}

/** Share of delivered area as a number for the progress bar (display text comes from formatPercent). */
function deliveredShare(q: Quarter): number {
  if (!q.totalBuildingArea) return 0;
  return Math.min(100, Math.floor((q.deliveredArea * 10000) / q.totalBuildingArea) / 100);
}

export function DeliveredShare({ quarter }: { quarter: Quarter }) {
  const text = formatPercent(quarter.deliveredArea, quarter.totalBuildingArea);
  return (
    <div style={{ minWidth: 120 }}>
      <span className="gz-num">{text}</span>
      <Progress percent={deliveredShare(quarter)} showInfo={false} size="small" style={{ margin: 0 }} />
    </div>
  );
}

const PAGE_SIZE = 20;

/**
 * One page of the quarters with their key figures; `detailed` adds address and areas. The server
 * pages and sorts (GET /api/quarters): the table shows `page` and asks for another page or sort
 * through `onChange`.
 */
export function QuarterTable({
  page,
  params,
  onChange,
  loading,
  detailed = false,
}: {
  page: QuarterPage | undefined;
  params: QuarterListParams;
  onChange: (next: QuarterListParams) => void;
  loading: boolean;
  detailed?: boolean;
}) {
  const { t } = useTranslation();
  const sortOrder = (key: QuarterListParams['sort']): SortOrder => (params.sort === key ? (params.order === 'desc' ? 'descend' : 'ascend') : null);
  const columns: TableProps<Quarter>['columns'] = [
    {
      title: t('quarter.name'),
      dataIndex: 'name',
      fixed: 'left',
      render: (_: unknown, q) => (
        <div>
          <Link to={`/quarters/${q.id}`} data-testid={TID.quarterLink} style={{ fontWeight: 600 }}>
            {q.name}
          </Link>
          <div>
            <QuarterTypeTag type={q.type} />
          </div>
        </div>
      ),
      key: 'name',
      sorter: true,
      sortOrder: sortOrder('name'),
    },
    {
      title: t('quarter.location'),
      key: 'place',
      render: (_: unknown, q) => (
        <span className="gz-muted">
          {q.streetName} › {q.communityName}
        </span>
      ),
      responsive: ['md'],
    },
    ...(detailed
      ? [
          {
            title: t('quarter.address'),
            dataIndex: 'address',
            ellipsis: true,
            render: (v: string) => v || '—',
          },
        ]
      : []),
    {
      title: t('quarter.households'),
      dataIndex: 'households',
      align: 'right',
      render: (v: number) => <span className="gz-num">{formatCount(v)}</span>,
      key: 'households',
      sorter: true,
      sortOrder: sortOrder('households'),
    },
    {
      title: t('quarter.buildingCount'),
      dataIndex: 'buildingCount',
      key: 'buildingCount',
      align: 'right',
      render: (v: number) => <span className="gz-num">{formatCount(v)}</span>,
      sorter: true,
      sortOrder: sortOrder('buildingCount'),
    },
    {
      title: t('quarter.unitCount'),
      dataIndex: 'unitCount',
      key: 'unitCount',
      align: 'right',
      render: (v: number) => <span className="gz-num">{formatCount(v)}</span>,
      sorter: true,
      sortOrder: sortOrder('unitCount'),
    },
    ...(detailed
      ? [
          {
            title: t('quarter.ownerCount'),
            dataIndex: 'ownerCount',
            align: 'right' as const,
            render: (v: number) => <span className="gz-num">{formatCount(v)}</span>,
          },
          {
            title: t('quarter.totalBuildingArea'),
            dataIndex: 'totalBuildingArea',
            key: 'totalBuildingArea',
            align: 'right' as const,
            sorter: true,
            sortOrder: sortOrder('totalBuildingArea'),
            render: (v: number) => <span className="gz-num gz-nowrap">{formatArea(v)}</span>,
          },
        ]
      : []),
    {
      title: t('quarter.deliveredShare'),
      key: 'deliveredShare',
      render: (_: unknown, q) => <DeliveredShare quarter={q} />,
      sorter: true,
      sortOrder: sortOrder('deliveredShare'),
    },
    {
      title: t('quarter.firstDeliveryDate'),
      dataIndex: 'firstDeliveryDate',
      key: 'firstDeliveryDate',
      sorter: true,
      sortOrder: sortOrder('firstDeliveryDate'),
      render: (v: string | null) => <span className="gz-nowrap gz-num">{formatDate(v)}</span>,
      responsive: ['lg'],
    },
  ];

  return (
    <Table<Quarter>
      data-testid={TID.quarterList}
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={page?.items}
      onRow={rowTestId<Quarter>(TID.quarterRow, 'quarter')}
      pagination={{ current: params.page ?? 1, pageSize: PAGE_SIZE, total: page?.total ?? 0, hideOnSinglePage: true, showSizeChanger: false }}
      onChange={(pagination, _filters, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        const key = s?.order ? (s.columnKey as QuarterListParams['sort']) : undefined;
        const sortChanged = key !== params.sort || (s?.order === 'descend') !== (params.order === 'desc');
        onChange({
          ...params,
          sort: key,
          order: s?.order === 'descend' ? 'desc' : undefined,
          page: sortChanged || pagination.current === 1 ? undefined : pagination.current,
        });
      }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Typography.Text type="secondary">{t('home.noQuarters')}</Typography.Text> }}
    />
  );
}
