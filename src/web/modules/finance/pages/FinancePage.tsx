// 资金公示 — the staff page of a quarter's money: the public-revenue ledger, the fund-use
// projects and the half-yearly disclosures, one tab each.
import { Tabs, Typography, Empty } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { TID } from '../testids';
import { useLedger } from '../api';
import { DisclosuresTab } from './DisclosuresTab';
import { LedgerTab } from './LedgerTab';
import { ProjectsTab } from './ProjectsTab';
import { RecordsTab } from './RecordsTab';
import { QuarterPicker, useFinanceQuarter } from './shared';

export default function FinancePage() {
  const { t } = useTranslation();
  const [quarterId, setQuarterId] = useFinanceQuarter();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'ledger';
  return (
    <>
      <div className="gz-page-title">
        <Typography.Title level={3}>{t('finance.title')}</Typography.Title>
        <div style={{ flex: 1 }} />
        <QuarterPickerWithName quarterId={quarterId} onChange={setQuarterId} />
      </div>
      {quarterId ? (
        <Tabs
          data-testid={TID.financeTabs}
          activeKey={tab}
          onChange={(key) => setParams((p) => ({ ...Object.fromEntries(p), tab: key }))}
          items={[
            { key: 'ledger', label: t('finance.tabs.ledger'), children: <LedgerTab quarterId={quarterId} /> },
            { key: 'projects', label: t('finance.tabs.projects'), children: <ProjectsTab quarterId={quarterId} /> },
            { key: 'disclosures', label: t('finance.tabs.disclosures'), children: <DisclosuresTab quarterId={quarterId} /> },
            { key: 'records', label: t('finance.records.tab'), children: <RecordsTab quarterId={quarterId} /> },
          ]}
        />
      ) : (
        <Empty description={t('finance.chooseQuarter')} />
      )}
    </>
  );
}

function QuarterPickerWithName({ quarterId, onChange }: { quarterId?: string; onChange: (id: string, replace?: boolean) => void }) {
  const ledger = useLedgerName(quarterId);
  return <QuarterPicker value={quarterId} name={ledger} onChange={onChange} />;
}

function useLedgerName(quarterId?: string): string | undefined {
  const ledger = useLedger(quarterId ?? '', !!quarterId);
  return quarterId ? ledger.data?.quarterName : undefined;
}
