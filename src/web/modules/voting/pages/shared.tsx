// Pieces the staff, owner and public voting pages share: status and matter tags with the
// legal citation, the result table with both ratios, and the receipt check against the record.
// The public page and the owner's page are opened on phones, often from a QR code: these pieces
// are drawn without antd (components/plain.tsx), and the desktop table loads on its own.
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlainAlert, PlainButton, PlainTag, type TagColor } from '../../../components/plain';
import { Loading } from '../../../components/QueryState';
import { Joined, PlainInput } from '../../../components/PlainInput';
import { formatArea, formatCount, formatPercent } from '../../../lib/numbers';
import { PHONE_QUERY, useMediaQuery } from '../../../lib/media';
import { TID } from '../testids';
import { shanghaiDate, shanghaiMinute } from '../../../../core/dates';
import { fetchRecord, findReceipt, type TallyResult, type VoteItem, type VotePhase, type VoteRule, type VoteStatus } from '../api';
import { MatterTag, needOf, PassedTag, resultRowAttrs, ruleLineKey, VOTE_RECORD_HELP } from './tags';

export { MatterTag } from './tags';

const PHASE_COLORS: Record<VotePhase, TagColor> = { draft: 'default', upcoming: 'default', open: 'processing', ended: 'warning', closed: 'warning', published: 'success' };

/**
 * The vote's state as a tag, named for what it is (issue 10 point 1): the server's phase, so an
 * open vote reads 未开始 before its window and 已截止 after it, whatever the device's clock says.
 */
export function VoteStatusTag({ status, phase = status }: { status: VoteStatus; phase?: VotePhase }) {
  const { t } = useTranslation();
  return (
    <PlainTag color={PHASE_COLORS[phase]} data-testid={TID.voteStatus} data-status={status} data-phase={phase}>
      {t(`voting.phase.${phase}`)}
    </PlainTag>
  );
}

/** A window "2026-03-02 08:00 – 2026-03-15 24:00" in China time. */
export function formatWindow(opensAt: string, closesAt: string): string {
  return `${shortTime(opensAt)} – ${shortTime(closesAt, true)}`;
}

/** YYYY-MM-DD HH:mm in Asia/Shanghai; the end of a day reads as 24:00 of that day. */
export function shortTime(iso: string | null | undefined, endOfDay = false): string {
  if (!iso) return '—';
  const at = new Date(iso);
  const shown = shanghaiMinute(at);
  // A close at midnight is the end of the day before (the notice says "到某日24:00").
  return endOfDay && shown.endsWith(' 00:00') ? `${shanghaiDate(new Date(at.getTime() - 1))} 24:00` : shown;
}

const ResultTableWide = lazy(() => import('./ResultTableWide'));

/** One line that says what a term means, with a link to the page on how to check it oneself. */
export function HelpLine({ text, testId }: { text: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <div className="gz-secondary gz-help-line" data-testid={testId} style={{ fontSize: 13, marginTop: 4 }}>
      {text}{' '}
      <a className="gz-no-print" href={VOTE_RECORD_HELP} target="_blank" rel="noreferrer">
        {t('voting.result.howToCheck')}
      </a>
    </div>
  );
}

/**
 * Whether enough owners took part, against the two thirds the law asks (民法典 第278条 第2款),
 * said in words, so that a 未通过 explains itself.
 */
function QuorumLine({ result, rule }: { result: TallyResult; rule: VoteRule }) {
  const { t } = useTranslation();
  const p = result.participation;
  const members = formatPercent(p.members, result.totals.members);
  const area = formatPercent(p.area, result.totals.area);
  return (
    <div data-testid={TID.voteQuorumLine} data-met={String(p.quorumMet)} style={{ marginBottom: 12 }}>
      <div className="gz-wrap-row">
        <PlainTag color={p.quorumMet ? 'green' : 'red'}>{t('voting.result.quorum')}</PlainTag>
        <span className="gz-num">{rule === 'building-majority' ? t('voting.result.quorumLineMembers', { members }) : t('voting.result.quorumLine', { members, area })}</span>
        <span className="gz-secondary" style={{ fontSize: 12 }}>
          {t('voting.result.quorumClause')}
        </span>
      </div>
      {!p.quorumMet && <PlainAlert type="warning" style={{ marginTop: 8 }} title={t('voting.result.quorumFailed')} />}
    </div>
  );
}

/** The result per item: counts, yes by members and by area (both ratios) against what each needs, pass or fail. */
export function ResultTable({ result, items, rule }: { result: TallyResult; items: VoteItem[]; rule: VoteRule }) {
  const { t } = useTranslation();
  // Owners read the result on a phone: one block per item there, instead of a table that
  // scrolls sideways and hides the ratios.
  const narrow = useMediaQuery(PHONE_QUERY);
  const byId = new Map(items.map((i) => [i.id, i]));
  const p = result.participation;
  // On a wide screen the whole result waits for its table (loaded then), so that it is never
  // shown without its rows.
  const shown = (
    <div data-testid={TID.voteResult}>
      <div className="gz-wrap-row" style={{ marginBottom: 8 }}>
        <span className="gz-num">{t('voting.result.participation', { members: formatCount(p.members), area: formatArea(p.area) })}</span>
      </div>
      <QuorumLine result={result} rule={rule} />
      {narrow ? (
        <div>
          {result.items.map((r) => (
            <div key={r.id} {...resultRowAttrs(r)} className="gz-result-item">
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'flex-start' }}>
                <strong>
                  {r.id}. {byId.get(r.id)?.title ?? ''}
                </strong>
                <PassedTag passed={r.passed} />
              </div>
              <MatterTag matter={r.matter} article={byId.get(r.id)?.article278Item ?? null} />
              <div className="gz-num" style={{ marginTop: 6 }}>
                {t('voting.result.counts')}：{formatCount(r.yes.members)} / {formatCount(r.no.members)} / {formatCount(r.abstain.members)}
              </div>
              <div className="gz-num">
                {t('voting.result.yesMembers')}：{formatPercent(r.yes.members, p.members)}
                <span className="gz-secondary">（{t(`voting.result.need.${needOf(rule, r.matter)}`)}）</span>
              </div>
              {rule === 'civil-code-278' && (
                <div className="gz-num">
                  {t('voting.result.yesArea')}：{formatPercent(r.yes.area, p.area)}
                  <span className="gz-secondary">（{t(`voting.result.need.${needOf(rule, r.matter)}`)}）</span>
                </div>
              )}
              <div className="gz-secondary" data-testid={TID.voteResultRule} style={{ fontSize: 13 }}>
                {t(ruleLineKey(rule, r.matter))}
              </div>
            </div>
          ))}
        </div>
      ) : (
        <ResultTableWide result={result} byId={byId} rule={rule} />
      )}
      <div style={{ marginTop: 12 }}>
        <PlainTag color={result.valid ? 'green' : 'red'} data-testid={TID.voteRecordValid}>
          {result.valid ? t('voting.result.valid') : t('voting.result.invalid')}
        </PlainTag>
        <HelpLine text={t(result.valid ? 'voting.result.validHelp' : 'voting.result.invalidHelp')} />
      </div>
    </div>
  );
  return narrow ? shown : <Suspense fallback={<Loading />}>{shown}</Suspense>;
}

/** "Find my ballot by receipt": looks the code up in the published record, in the browser. */
/** `staff`: a worker checks an owner's code for them, before or after publication. */
export function ReceiptCheck({ voteId, initial = '', staff = false }: { voteId: string; initial?: string; staff?: boolean }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ kind: 'found'; seq?: number; choices: string } | { kind: 'notFound' | 'invalid' } | { kind: 'error'; message: string } | null>(null);
  const check = async () => {
    setBusy(true);
    try {
      const record = await fetchRecord(voteId);
      const hit = findReceipt(record, code);
      // Version 2 has no ballot number: the owner sees the choices the record holds for the
      // code instead, to compare with what they chose. Staff checking a code for an owner see
      // only that it is there.
      const choices = hit && hit !== 'invalid' && hit.choices ? (record.vote?.items ?? []).map((item) => `${item.title}：${t(`voting.choice.${(hit.choices![item.id] ?? 'abstain') as 'yes' | 'no' | 'abstain'}`)}`).join('；') : '';
      setAnswer(hit === 'invalid' ? { kind: 'invalid' } : hit ? { kind: 'found', seq: hit.seq, choices } : { kind: 'notFound' });
    } catch (err) {
      setAnswer({ kind: 'error', message: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <strong>{t(staff ? 'voting.receiptCheck.staff.title' : 'voting.receiptCheck.title')}</strong>
      <Joined style={{ marginTop: 8 }}>
        <PlainInput
          data-testid={TID.voteReceiptInput}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder={t('voting.receiptCheck.placeholder')}
          onPressEnter={check}
          autoComplete="off"
        />
        <PlainButton data-testid={TID.voteReceiptCheck} type="primary" loading={busy} onClick={check}>
          {t('voting.receiptCheck.check')}
        </PlainButton>
      </Joined>
      {answer?.kind === 'found' && (
        <PlainAlert
          data-testid={TID.voteReceiptFound}
          style={{ marginTop: 8 }}
          type="success"
          title={
            answer.seq !== undefined
              ? t(staff ? 'voting.receiptCheck.staff.found' : 'voting.receiptCheck.found', { seq: answer.seq })
              : staff
                ? t('voting.receiptCheck.staff.foundV2')
                : t('voting.receiptCheck.foundV2', { choices: answer.choices })
          }
        />
      )}
      {answer?.kind === 'notFound' && <PlainAlert data-testid={TID.voteReceiptNotFound} style={{ marginTop: 8 }} type="warning" title={t(staff ? 'voting.receiptCheck.staff.notFound' : 'voting.receiptCheck.notFound')} />}
      {answer?.kind === 'invalid' && <PlainAlert style={{ marginTop: 8 }} type="warning" title={t('voting.receiptCheck.invalid')} />}
      {answer?.kind === 'error' && <PlainAlert style={{ marginTop: 8 }} type="error" title={answer.message} />}
    </div>
  );
}
