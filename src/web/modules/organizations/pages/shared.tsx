// Pieces every organisations page uses: a rule's result with its citation, and the list of
// violations a refused save answers with (each with the clause it breaks).
import { Alert, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TID } from '../testids';
import type { CheckItem, CheckStatus, Violation } from '../api';

const statusColor: Record<CheckStatus, string> = { pass: 'green', warn: 'orange', fail: 'red' };

export function StatusTag({ status }: { status: CheckStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]}>{t(`organizations.checks.${status}`)}</Tag>;
}

/** The rule's source as users look it up, e.g. “T/ZAS 4006.1—2020 5.4.2”. */
export function Citation({ text }: { text: string }) {
  return (
    <Typography.Text type="secondary" className="gz-citation" style={{ whiteSpace: 'normal' }}>
      〔{text}〕
    </Typography.Text>
  );
}

export function ChecksTable({ items }: { items: CheckItem[] }) {
  const { t } = useTranslation();
  return (
    <Table<CheckItem & { key: string }>
      data-testid={TID.orgChecks}
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={items.map((c, i) => ({ ...c, key: `${c.rule}-${i}` }))}
      locale={{ emptyText: t('organizations.checks.none') }}
      onRow={(r) => ({ 'data-testid': TID.orgCheckRow, 'data-rule': r.rule, 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
      scroll={{ x: true }}
      columns={[
        { title: t('organizations.checks.status'), dataIndex: 'status', width: 90, render: (s: CheckStatus) => <StatusTag status={s} /> },
        { title: t('organizations.checks.message'), dataIndex: 'message' },
        { title: t('organizations.checks.citation'), dataIndex: 'citation', width: 220, render: (c: string) => <Citation text={c} /> },
      ]}
    />
  );
}

/** A refused save: every violated rule with its message and citation. */
export function ViolationList({ violations }: { violations: Violation[] }) {
  const { t } = useTranslation();
  if (!violations.length) return null;
  return (
    <Alert
      data-testid={TID.orgViolations}
      type="error"
      showIcon
      title={t('organizations.violations.title')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {violations.map((v, i) => (
            <li key={`${v.rule}-${i}`} data-testid={TID.orgViolationRow} data-rule={v.rule}>
              {v.message} <Citation text={v.citation} />
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** Warnings of a save that went through (a "warn" rule, or a failure that was there before). */
export function WarningList({ warnings }: { warnings: CheckItem[] }) {
  const { t } = useTranslation();
  if (!warnings.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('organizations.violations.warnings')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {warnings.map((w, i) => (
            <li key={`${w.rule}-${i}`}>
              {w.message} <Citation text={w.citation} />
            </li>
          ))}
        </ul>
      }
    />
  );
}
