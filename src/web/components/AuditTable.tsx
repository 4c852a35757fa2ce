import type { HTMLAttributes } from 'react';
import { Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api/types';
import i18n from '../i18n';
import { actionLabel, anonymousLabel, entityLabel, fieldLabel, valueLabel } from '../lib/auditLabels';
import { formatArea, formatDateTime } from '../lib/format';
import { TID } from '../testids';

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  import: 'purple',
  login: 'default',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A value as the user reads it: coded values in words, areas in m², times in China time, objects field by field. */
function show(entity: string, value: unknown, field = ''): string {
  if (value === undefined) return '';
  if (value === null) return '—';
  if (typeof value === 'boolean') return i18n.t(value ? 'audit.yes' : 'audit.no');
  // Areas are stored in 0.01 m²; show them the way the dossier does.
  if (/area$/i.test(field) && (typeof value === 'number' || /^\d+$/.test(String(value)))) return formatArea(value as number);
  if (Array.isArray(value)) return value.map((v) => show(entity, v, field)).join('；');
  if (isRecord(value)) return Object.entries(value).map(([k, v]) => `${fieldLabel(entity, k)}：${show(entity, v, k)}`).join('，');
  if (typeof value === 'string' && ISO_TIME.test(value)) return formatDateTime(value);
  return valueLabel(entity, field, String(value)) ?? String(value);
}

/** Before and after side by side, only the fields that changed, so a reviewer sees the edit. */
export function AuditDiff({ entity, before, after }: { entity: string; before: unknown; after: unknown }) {
  const { t } = useTranslation();
  if (!isRecord(before) && !isRecord(after)) {
    return (
      <pre className="gz-json">
        {show(entity, before)} → {show(entity, after)}
      </pre>
    );
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  // An update may record the whole row before and only the changed fields after: compare the
  // fields the "after" side names; a creation or a deletion shows all fields of its one side.
  const candidates = isRecord(before) && isRecord(after) ? Object.keys(a) : Object.keys(isRecord(after) ? a : b);
  const keys = candidates.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  if (!keys.length) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="field"
      dataSource={keys.map((field) => ({ field, label: fieldLabel(entity, field), before: show(entity, b[field], field), after: show(entity, a[field], field) }))}
      columns={[
        { title: t('audit.field'), dataIndex: 'label', width: 200 },
        { title: t('audit.before'), dataIndex: 'before', render: (v: string) => <span style={{ color: '#b42318' }}>{v}</span> },
        { title: t('audit.after'), dataIndex: 'after', render: (v: string) => <span style={{ color: '#067647' }}>{v}</span> },
      ]}
    />
  );
}

export function AuditTable({
  entries,
  total,
  page,
  pageSize,
  loading,
  onPage,
  quarterNames,
  security = false,
  testId = TID.auditTable,
}: {
  entries: AuditEntry[] | undefined;
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number) => void;
  quarterNames?: Map<string, string>;
  /** The security log: sign-ins and password changes, with the address they came from. */
  security?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const columns: TableProps<AuditEntry>['columns'] = [
    { title: t('audit.at'), dataIndex: 'at', width: 180, render: (v: string) => <span className="gz-num gz-nowrap">{formatDateTime(v)}</span> },
    {
      title: t('audit.user'),
      dataIndex: 'name',
      width: 140,
      // The person's name; the login name on hover, for those who look up the account.
      render: (v: string | null, e) => (e.username ? <span title={e.username}>{v ?? e.username}</span> : anonymousLabel(e.entity)),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 120,
      render: (v: string, e) => <Tag color={ACTION_COLORS[v.split('.').at(-1) ?? v]}>{actionLabel(e.entity, v)}</Tag>,
    },
    ...(security
      ? [{ title: t('audit.ip'), dataIndex: 'ip', render: (v: string | null) => <span className="gz-num">{v ?? '—'}</span> }]
      : []),
    // A sign-in's object is its session, which tells a reader nothing: the security log leaves it out.
    ...(security
      ? []
      : [
          {
            title: t('audit.entity'),
            dataIndex: 'entity',
            render: (v: string, e: AuditEntry) => (
              <span>
                {entityLabel(v)}
                {e.entityId && (
                  <Typography.Text type="secondary" copyable={{ text: e.entityId }} style={{ marginLeft: 6, fontSize: 12 }}>
                    {e.entityId.slice(0, 8)}
                  </Typography.Text>
                )}
              </span>
            ),
          },
        ]),
    ...(quarterNames
      ? [
          {
            title: t('audit.quarter'),
            dataIndex: 'quarterId',
            render: (v: string | null) => (v ? quarterNames.get(v) ?? v.slice(0, 8) : '—'),
          },
        ]
      : []),
  ];
  return (
    <Table<AuditEntry>
      data-testid={testId}
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={entries}
      onRow={() => ({ 'data-testid': TID.auditRow }) as HTMLAttributes<HTMLElement>}
      expandable={{
        expandedRowRender: (e) => <AuditDiff entity={e.entity} before={e.before} after={e.after} />,
        rowExpandable: (e) => !security && (e.before !== null || e.after !== null),
      }}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: false,
        showTotal: (n) => t('common.totalItems', { total: n }),
        onChange: onPage,
      }}
    />
  );
}
