// 人民调解协议书 — a dispute's mediation agreement on A4, in Chinese, through the browser's print
// layout (DB3305/T 309—2024 5.1.4; 西政办〔2020〕29号 8: 物业管理纠纷人民调解): the parties, the
// matter in dispute and its kind, the quarter and those of a joint mediation, the mediators, the
// sessions, the terms agreed, the lines where the parties and the mediator sign and the
// mediation body seals, and the date. What it must state and why it binds: 《中华人民共和国人民调解法》
// 第二十九条、第三十一条. Plain HTML: no frame, nothing but the page.
import { useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type * as C from '../../../../contracts/cases';
import type { Wire } from '../../../../contracts/common';
import { api } from '../../../api/client';
import { PRINT_CSS } from '../../../lib/print-css';
import { TID } from '../testids';
import { cst } from './plain-shared';

type DisputeDetail = Wire<z.output<typeof C.disputeDetail>>;

const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
/** 2026年11月12日, the day in China Standard Time. */
const chineseDate = (at: string) => {
  const [y, m, d] = shanghaiDay.format(new Date(at)).split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

const AGREEMENT_CSS = `
.gz-a4-signs { width: 100%; margin-top: 6mm; border-collapse: collapse; font-size: 13pt; }
.gz-a4 .gz-a4-signs td, .gz-a4 .gz-a4-signs th { border: none; padding: 3mm 0; }
.gz-a4-line { display: inline-block; min-width: 48mm; border-bottom: 1px solid #000; }
.gz-a4-effect { font-size: 12pt; }
.gz-a4-clause { margin-top: 4mm; font-size: 10.5pt; color: #333; }
.gz-a4 ol.gz-a4-sessions { margin: 0; padding-left: 2em; font-size: 12pt; }
/* A short agreement is one sheet: the page is the sheet, and its margins a little narrower. */
@media print { html, body { margin: 0; } .gz-a4 { min-height: 0; padding: 15mm 18mm; } }
`;

export default function PrintAgreementPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['disputes', id], queryFn: () => api.get<DisputeDetail>(`/api/disputes/${id}`) });
  if (q.error) return <p>{q.error.message}</p>;
  const d = q.data;
  if (!d) return null;
  const agreed = [...d.events].reverse().find((e) => e.action === 'agree');
  if (!d.agreement || !agreed) {
    return (
      <div className="gz-a4" data-testid={TID.agreementPrint}>
        <style>{PRINT_CSS}</style>
        <p data-testid={TID.agreementPrintNone}>{t('cases.agreementPrint.none', { status: t(`cases.disputes.statuses.${d.status}`) })}</p>
      </div>
    );
  }
  const sessions = d.events.filter((e) => e.action === 'schedule' || e.action === 'fail' || e.action === 'agree');
  const line = <span className="gz-a4-line">{'\u00a0'}</span>;
  return (
    <div className="gz-a4" data-testid={TID.agreementPrint}>
      <style>{PRINT_CSS + AGREEMENT_CSS}</style>
      <button className="gz-a4-print" onClick={() => window.print()}>
        {t('cases.agreementPrint.print')}
      </button>
      <h1>{t('cases.agreementPrint.title')}</h1>
      <p className="gz-a4-sub">
        {t('cases.agreementPrint.number', { quarter: d.quarterName, number: d.id.slice(0, 8).toUpperCase() })}
      </p>
      <table>
        <tbody>
          <tr>
            <th>{t('cases.agreementPrint.parties')}</th>
            <td colSpan={3}>{d.parties}</td>
          </tr>
          <tr>
            <th>{t('cases.agreementPrint.subject')}</th>
            <td>{d.subject}</td>
            <th>{t('cases.agreementPrint.category')}</th>
            <td>{t(`cases.disputes.categories.${d.category}`)}</td>
          </tr>
          <tr>
            <th>{t('cases.agreementPrint.quarter')}</th>
            <td>{d.quarterName}</td>
            <th>{t('cases.agreementPrint.kind')}</th>
            <td>{d.mediationKind ? t(`cases.disputes.kinds.${d.mediationKind}`) : '—'}</td>
          </tr>
          {d.jointQuarters.length > 0 && (
            <tr>
              <th>{t('cases.agreementPrint.joint')}</th>
              <td colSpan={3}>{d.jointQuarters.map((j) => j.name).join('、')}</td>
            </tr>
          )}
          <tr>
            <th>{t('cases.agreementPrint.mediators')}</th>
            <td colSpan={3}>{d.mediatorName ?? '—'}</td>
          </tr>
        </tbody>
      </table>
      <h2>{t('cases.agreementPrint.facts')}</h2>
      <p className="gz-a4-text">{d.description}</p>
      <h2>{t('cases.agreementPrint.sessions')}</h2>
      <ol className="gz-a4-sessions" data-testid={TID.agreementPrintSessions}>
        {sessions.map((e, i) => (
          <li key={i}>
            {cst(e.at)} {t(`cases.disputes.actions.${e.action as 'schedule'}`)}
            {e.action !== 'agree' && e.note ? `：${e.note}` : ''}
            {e.actorName ? `（${e.actorName}）` : ''}
          </li>
        ))}
      </ol>
      <h2>{t('cases.agreementPrint.terms')}</h2>
      <div data-testid={TID.agreementPrintTerms}>
        {d.agreement.split('\n').map((text, i) => (
          <p key={i} className="gz-a4-text">
            {text}
          </p>
        ))}
      </div>
      <p className="gz-a4-text gz-a4-effect">{t('cases.agreementPrint.effect')}</p>
      <table className="gz-a4-signs">
        <tbody>
          <tr>
            <td>
              {t('cases.agreementPrint.partySign')}
              {line}
            </td>
            <td>
              {t('cases.agreementPrint.partySign')}
              {line}
            </td>
          </tr>
          <tr>
            <td>
              {t('cases.agreementPrint.mediatorSign')}
              {line}
            </td>
            <td>
              {t('cases.agreementPrint.seal')}
              {line}
            </td>
          </tr>
          <tr>
            <td />
            <td data-testid={TID.agreementPrintDate}>{chineseDate(agreed.at)}</td>
          </tr>
        </tbody>
      </table>
      <p className="gz-a4-clause">{t('cases.agreementPrint.clause', { citation: d.citation })}</p>
    </div>
  );
}
