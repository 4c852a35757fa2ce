// Pieces the finance pages share: money shown as ¥ with two decimals from fen, amounts typed in
// yuan turned into fen without floating point, and the quarter the pages are about.
import { useSearchParams } from 'react-router-dom';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QuarterSelect } from '../../../components/QuarterSelect';
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
  return (
    <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
      <Typography.Text type="secondary">{t('finance.quarter')}</Typography.Text>
      <QuarterSelect testId={TID.financeQuarter} value={value} name={name} onChange={onChange} placeholder={t('finance.quarterPlaceholder')} />
    </span>
  );
}
