// The tags and row attributes both result tables use: the phone's blocks (shared.tsx) and the
// desktop table (ResultTableWide.tsx), which shared.tsx loads on demand. In a file of their own
// so that the wide table does not import the file that imports it.
import { useTranslation } from 'react-i18next';
import { CheckCircleFilled, CloseCircleFilled } from '../../../components/icons';
import { PlainTag } from '../../../components/plain';
import { TID } from '../testids';
import type { Matter, TallyResult, VoteRule } from '../api';

/** The matter class and where it comes from: users know the rule by its article. */
export function MatterTag({ matter, article }: { matter: Matter | null; article: number | null }) {
  const { t } = useTranslation();
  if (!matter) return null;
  return (
    <span>
      <PlainTag color={matter === 'special' ? 'red' : 'blue'}>{t(`voting.matter.${matter}`)}</PlainTag>
      <span className="gz-secondary" style={{ fontSize: 12 }}>
        {article ? t('voting.citation', { item: chineseItem(article) }) : t('voting.citationShort')}
      </span>
    </span>
  );
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 第（六）项 — the way the code numbers the items of 第1款. */
export function chineseItem(n: number): string {
  return CN_DIGITS[n] ?? String(n);
}

export function PassedTag({ passed }: { passed: boolean }) {
  const { t } = useTranslation();
  return passed ? (
    <PlainTag color="green" icon={CheckCircleFilled}>
      {t('voting.result.passed')}
    </PlainTag>
  ) : (
    <PlainTag color="red" icon={CloseCircleFilled}>
      {t('voting.result.failed')}
    </PlainTag>
  );
}

type ResultRow = TallyResult['items'][number];

export const resultRowAttrs = (r: ResultRow) =>
  ({ 'data-testid': TID.voteResultRow, 'data-item-id': r.id, 'data-passed': String(r.passed) }) as React.HTMLAttributes<HTMLElement>;

/**
 * What an item needs to pass, as the owner reads it (民法典 第278条 第2款; the building rule of
 * HZ 5.1.3.2.2.5): more than half, or at least three quarters, of those taking part.
 */
export function needOf(rule: VoteRule, matter: Matter | null): 'half' | 'threeQuarters' {
  return rule === 'civil-code-278' && matter === 'special' ? 'threeQuarters' : 'half';
}

/** The one-line rule under an item of the result. */
export function ruleLineKey(rule: VoteRule, matter: Matter | null) {
  if (rule === 'building-majority') return 'voting.result.rule.building' as const;
  return matter === 'special' ? ('voting.result.rule.special' as const) : ('voting.result.rule.ordinary' as const);
}

/** "名册指纹" and "记录校验通过" are checked by owners themselves: this is where it is explained. */
export const VOTE_RECORD_HELP = '/help/vote-record';
