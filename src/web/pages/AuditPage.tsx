import { useMemo, useState } from 'react';
import { Card, Select, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAudit, useQuarters } from '../api/queries';
import { AuditTable } from '../components/AuditTable';
import { QueryError } from '../components/QueryState';
import { auditEntityOptions } from '../lib/auditLabels';
import { TID } from '../testids';

const PAGE_SIZE = 30;

type Log = 'changes' | 'security';

/**
 * 审计日志: who changed what and when, within the caller's scope (every write is recorded), and
 * apart from it the security log of sign-ins and password changes.
 */
export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const [log, setLog] = useState<Log>('changes');
  const [page, setPage] = useState(1);
  const [quarterId, setQuarterId] = useState<string | undefined>();
  const [entity, setEntity] = useState<string | undefined>();
  // The quarter picker searches on the server: a district has too many quarters to list.
  const [quarterSearch, setQuarterSearch] = useState('');
  const quarters = useQuarters({ q: quarterSearch || undefined, pageSize: 50 });
  const audit = useAudit({ log, quarterId, entity: log === 'changes' ? entity : undefined, page, pageSize: PAGE_SIZE });
  const quarterNames = useMemo(() => new Map((audit.data?.items ?? []).flatMap((e) => (e.quarterId && e.quarterName ? [[e.quarterId, e.quarterName] as const] : []))), [audit.data]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the labels follow the language
  const entityOptions = useMemo(() => auditEntityOptions(), [i18n.language]);

  return (
    <>
      <div className="gz-page-title">
        <Typography.Title level={3}>{t('audit.title')}</Typography.Title>
        <Typography.Text type="secondary">{t(log === 'changes' ? 'audit.hint' : 'audit.securityHint')}</Typography.Text>
      </div>
      <Card size="small">
        <Tabs
          data-testid={TID.auditTabs}
          activeKey={log}
          onChange={(k) => {
            setLog(k as Log);
            setPage(1);
          }}
          items={[
            { key: 'changes', label: <span data-testid={TID.auditTabChanges}>{t('audit.changes')}</span> },
            { key: 'security', label: <span data-testid={TID.auditTabSecurity}>{t('audit.security')}</span> },
          ]}
        />
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            data-testid={TID.auditFilterQuarter}
            allowClear
            showSearch={{ filterOption: false, onSearch: setQuarterSearch }}
            placeholder={t('audit.allQuarters')}
            value={quarterId}
            onChange={(v?: string) => {
              setQuarterId(v);
              setPage(1);
            }}
            options={(quarters.data ?? []).map((q) => ({ value: q.id, label: q.name }))}
            style={{ width: 220 }}
          />
          {log === 'changes' && (
            <Select
              data-testid={TID.auditFilterEntity}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('audit.allEntities')}
              value={entity}
              onChange={(v?: string) => {
                setEntity(v);
                setPage(1);
              }}
              options={entityOptions}
              style={{ width: 200 }}
            />
          )}
        </Space>
        {audit.error ? (
          <QueryError error={audit.error} onRetry={() => audit.refetch()} />
        ) : (
          <AuditTable
            entries={audit.data?.items}
            total={audit.data?.total ?? 0}
            page={page}
            pageSize={PAGE_SIZE}
            loading={audit.isFetching}
            onPage={setPage}
            quarterNames={quarterNames}
            security={log === 'security'}
          />
        )}
      </Card>
    </>
  );
}
