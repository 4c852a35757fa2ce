import type { HTMLAttributes } from 'react';
import { Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api/types';
import i18n from '../i18n';
import { formatArea, formatDateTime } from '../lib/format';
import { codeLabel } from '../lib/labels';
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

function show(value: unknown, field = ''): string {
  if (value === undefined) return '';
  if (value === null) return '—';
  if (typeof value === 'boolean') return i18n.t(value ? 'audit.yes' : 'audit.no');
  // Areas are stored in 0.01 m²; show them the way the dossier does.
  if (/area$/i.test(field) && (typeof value === 'number' || /^\d+$/.test(String(value)))) return formatArea(value as number);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Field names arrive as database columns (sold_area) or JSON names (soldArea). */
function fieldLabel(field: string): string {
  const snake = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const key = `auditFields.${snake}`;
  return i18n.exists(key) ? String(i18n.t(key as never)) : field;
}

/** Before and after side by side, only the fields that changed, so a reviewer sees the edit. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  if (!isRecord(before) && !isRecord(after)) {
    return (
      <pre className="gz-json">
        {show(before)} → {show(after)}
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
      dataSource={keys.map((field) => ({ field, label: fieldLabel(field), before: show(b[field], field), after: show(a[field], field) }))}
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
  testId = TID.auditTable,
}: {
  entries: AuditEntry[] | undefined;
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number) => void;
  quarterNames?: Map<string, string>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const columns: TableProps<AuditEntry>['columns'] = [
    { title: t('audit.at'), dataIndex: 'at', width: 180, render: (v: string) => <span className="gz-num gz-nowrap">{formatDateTime(v)}</span> },
    { title: t('audit.user'), dataIndex: 'username', width: 140, render: (v: string | null) => v || t('audit.system') },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 110,
      render: (v: string) => <Tag color={ACTION_COLORS[v.split('.').at(-1) ?? v]}>{codeLabel('auditActions', v)}</Tag>,
    },
    {
      title: t('audit.entity'),
      dataIndex: 'entity',
      render: (v: string, e) => (
        <span>
          {codeLabel('entities', v)}
          {e.entityId && (
            <Typography.Text type="secondary" copyable={{ text: e.entityId }} style={{ marginLeft: 6, fontSize: 12 }}>
              {e.entityId.slice(0, 8)}
            </Typography.Text>
          )}
        </span>
      ),
    },
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
        expandedRowRender: (e) => <AuditDiff before={e.before} after={e.after} />,
        rowExpandable: (e) => e.before !== null || e.after !== null,
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
