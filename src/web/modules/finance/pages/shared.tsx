// Pieces the finance pages share: money shown as ¥ with two decimals from fen, amounts typed in
// yuan turned into fen without floating point, and the quarter the pages are about.
import { useSearchParams } from 'react-router-dom';
import { Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuarters } from '../../../api/queries';
import { useCurrentUser } from '../../../auth/session';
import { formatFen } from '../../../../core/finance/ledger';
import { shanghaiDate } from '../../../../core/dates';
import { TID } from '../testids';

/** ¥1,234.56 from fen. */
export function Yuan({ fen, testId }: { fen: number; testId?: string }) {
  return (
    <span className="gz-num" data-testid={testId} data-fen={fen}>
      {formatFen(fen)}
    </span>
  );
}

export { formatFen };

/** Fen from a yuan amount as typed ('1234.5' → 123450); null when it is not one. */
export function yuanToFen(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const m = /^\s*(\d{1,12})(?:\.(\d{1,2}))?\s*$/.exec(String(value));
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen > 0 ? fen : null;
}

/** Today in China, as the books date things. */
export function todayText(): string {
  return shanghaiDate();
}

/**
 * The quarter the finance pages are about: `?quarterId=`, else the caller's own quarter. Staff
 * of a street or district choose it (the picker searches on the server).
 */
export function useFinanceQuarter(): [string | undefined, (id: string, replace?: boolean) => void] {
  const [params, setParams] = useSearchParams();
  const user = useCurrentUser();
  const own = user.quarterId ?? (user.scope.level === 'quarter' ? user.scope.id : undefined);
  const quarterId = params.get('quarterId') ?? own ?? undefined;
  return [quarterId, (id, replace = false) => setParams((p) => ({ ...Object.fromEntries(p), quarterId: id }), { replace })];
}

export function QuarterPicker({ value, name, onChange }: { value?: string; name?: string; onChange: (id: string, replace?: boolean) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const quarters = useQuarters({ q: q || undefined, pageSize: 50 });
  // A community office of one quarter (the usual case) sees that quarter's money at once
  // instead of an empty page asking it to pick the only choice there is.
  const only = !value && !q && quarters.data?.length === 1 ? quarters.data[0].id : undefined;
  useEffect(() => {
    // Replacing the history entry, so that Back leaves the page instead of landing here again.
    if (only) onChange(only, true);
  }, [only, onChange]);
  return (
    <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
      <Typography.Text type="secondary">{t('finance.quarter')}</Typography.Text>
      <Select
        data-testid={TID.financeQuarter}
        showSearch={{ filterOption: false, onSearch: setQ }}
        style={{ width: 260 }}
        value={value}
        placeholder={t('finance.quarterPlaceholder')}
        onChange={(id: string) => onChange(id)}
        // The chosen quarter keeps its name when it is not among the latest results.
        options={[...(value && name && !quarters.data?.some((x) => x.id === value) ? [{ value, label: name }] : []), ...(quarters.data ?? []).map((x) => ({ value: x.id, label: x.name }))]}
        loading={quarters.isFetching}
      />
    </span>
  );
}
