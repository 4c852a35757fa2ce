import { useMemo, useState } from 'react';
import { Card, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAudit, useQuarters } from '../api/queries';
import { AuditTable } from '../components/AuditTable';
import { QueryError } from '../components/QueryState';
import { codeLabel } from '../lib/labels';
import { TID } from '../testids';

const PAGE_SIZE = 30;
const ENTITIES = ['quarter', 'building', 'unit', 'owner', 'resident', 'import', 'user', 'street', 'community'];

/** 审计日志: who changed what and when, within the caller's scope (every write is recorded). */
export default function AuditPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [quarterId, setQuarterId] = useState<string | undefined>();
  const [entity, setEntity] = useState<string | undefined>();
  // The quarter picker searches on the server: a district has too many quarters to list.
  const [quarterSearch, setQuarterSearch] = useState('');
  const quarters = useQuarters({ q: quarterSearch || undefined, pageSize: 50 });
  const audit = useAudit({ quarterId, entity, page, pageSize: PAGE_SIZE });
  const quarterNames = useMemo(() => new Map((audit.data?.items ?? []).flatMap((e) => (e.quarterId && e.quarterName ? [[e.quarterId, e.quarterName] as const] : []))), [audit.data]);

  return (
    <>
      <div className="gz-page-title">
        <Typography.Title level={3}>{t('audit.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('audit.hint')}</Typography.Text>
      </div>
      <Card size="small">
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
          <Select
            data-testid={TID.auditFilterEntity}
            allowClear
            placeholder={t('audit.allEntities')}
            value={entity}
            onChange={(v?: string) => {
              setEntity(v);
              setPage(1);
            }}
            options={ENTITIES.map((e) => ({ value: e, label: codeLabel('entities', e) }))}
            style={{ width: 160 }}
          />
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
          />
        )}
      </Card>
    </>
  );
}
