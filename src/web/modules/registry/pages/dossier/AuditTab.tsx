import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Typography } from 'antd';
import { useAudit } from '../../../../api/queries';
import { AuditTable } from '../../../../components/AuditTable';
import { QueryError } from '../../../../components/QueryState';
import { TID } from '../../testids';
import type { DossierTabProps } from '../../../module';

const PAGE_SIZE = 20;

/** 审计: every recorded change to this quarter's dossier, newest first. */
export function AuditTab({ quarterId }: DossierTabProps) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const audit = useAudit({ log: 'changes', quarterId, page, pageSize: PAGE_SIZE });
  if (audit.error) return <QueryError error={audit.error} onRetry={() => audit.refetch()} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('audit.quarterHint')}</Typography.Paragraph>
      <AuditTable
        testId={TID.dossierAuditTable}
        entries={audit.data?.items}
        total={audit.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        loading={audit.isFetching}
        onPage={setPage}
      />
    </>
  );
}
