// 议事结果公告 — the notice of a proposal's result on A4 (公开, DB3305/T 309—2024 5.1.3.2.1.3), in
// Chinese, through the browser's print layout: what was decided, how it went through each step,
// and the notice text. Plain HTML: no frame, nothing but the page.
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { TID } from '../testids';
import { useProposal, type PipelineStep } from '../api';
import { PRINT_CSS } from './print-css';

export default function PrintNoticePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const proposal = useProposal(id);
  if (proposal.error) return <p>{proposal.error.message}</p>;
  const p = proposal.data;
  if (!p) return null;
  const published = p.steps.find((s) => s.step === 'published');
  return (
    <div className="gz-a4" data-testid={TID.printPage}>
      <style>{PRINT_CSS}</style>
      <button className="gz-a4-print" onClick={() => window.print()}>
        {t('deliberation.print.print')}
      </button>
      <h1>{t('deliberation.print.noticeTitle', { quarter: p.quarterName })}</h1>
      <p>{t('deliberation.print.noticeIntro')}</p>
      <h2>{p.title}</h2>
      {p.body.split('\n').map((line, i) => (
        <p key={i} className="gz-a4-text">
          {line}
        </p>
      ))}
      {published?.notice && <p className="gz-a4-text">{published.notice}</p>}
      <h2>{t('deliberation.print.steps')}</h2>
      <table>
        <tbody>
          {p.steps
            // The steps of the line and a rejection; a merge or an escalation is no step of the result.
            .filter((s) => s.step !== 'merged' && s.step !== 'escalated')
            .map((s) => (
              <tr key={`${s.step}-${s.takenAt}`}>
                <th>{s.step === 'rejected' ? t('deliberation.stage.rejected') : t(`deliberation.stage.${s.step as PipelineStep}`)}</th>
                <td>{formatDateTime(s.takenAt).slice(0, 10)}</td>
                <td>{s.actorName}</td>
                <td>{s.opinion ?? ''}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <p className="gz-a4-sign">{t('deliberation.print.signature', { quarter: p.quarterName })}</p>
      <p className="gz-a4-sign">{formatDateTime(published?.takenAt ?? p.updatedAt).slice(0, 10)}</p>
    </div>
  );
}
