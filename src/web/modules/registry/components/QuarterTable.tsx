import { Progress, Table, Tag, Typography, type TableProps } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Quarter } from '../api';
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

/** The list of quarters with their key figures; `detailed` adds address and areas. */
export function QuarterTable({
  quarters,
  loading,
  detailed = false,
}: {
  quarters: Quarter[] | undefined;
  loading: boolean;
  detailed?: boolean;
}) {
  const { t } = useTranslation();
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
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
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
      sorter: (a, b) => a.households - b.households,
    },
    {
      title: t('quarter.buildingCount'),
      dataIndex: 'buildingCount',
      align: 'right',
      render: (v: number) => <span className="gz-num">{formatCount(v)}</span>,
      sorter: (a, b) => a.buildingCount - b.buildingCount,
    },
    {
      title: t('quarter.unitCount'),
      dataIndex: 'unitCount',
      align: 'right',
      render: (v: number) => <span className="gz-num">{formatCount(v)}</span>,
      sorter: (a, b) => a.unitCount - b.unitCount,
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
            align: 'right' as const,
            render: (v: number) => <span className="gz-num gz-nowrap">{formatArea(v)}</span>,
          },
        ]
      : []),
    {
      title: t('quarter.deliveredShare'),
      key: 'delivered',
      render: (_: unknown, q) => <DeliveredShare quarter={q} />,
      sorter: (a, b) => deliveredShare(a) - deliveredShare(b),
    },
    {
      title: t('quarter.firstDeliveryDate'),
      dataIndex: 'firstDeliveryDate',
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
      dataSource={quarters}
      onRow={rowTestId<Quarter>(TID.quarterRow, 'quarter')}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Typography.Text type="secondary">{t('home.noQuarters')}</Typography.Text> }}
    />
  );
}
