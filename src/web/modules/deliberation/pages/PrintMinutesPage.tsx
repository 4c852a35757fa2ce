// 三方联席会议纪要 — the minutes on A4, in Chinese, through the browser's print layout: time and
// place, who came for which party and who did not, the agenda, the minutes, the resolutions with
// their responsible party and due date. Plain HTML: no frame, nothing but the page.
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { TID } from '../testids';
import { useMeeting } from '../api';
import { PRINT_CSS } from './print-css';
import { agendaReferenceText } from './shared';

export default function PrintMinutesPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const meeting = useMeeting(id);
  if (meeting.error) return <p>{meeting.error.message}</p>;
  const m = meeting.data;
  if (!m) return null;
  const by = (present: boolean) =>
    m.attendees
      .filter((a) => !!a.present === present)
      .map((a) => `${t(`deliberation.party.${a.party}`)} ${a.name}${a.title ? `（${a.title}）` : ''}`)
      .join('；') || '—';
  return (
    <div className="gz-a4" data-testid={TID.printPage}>
      <style>{PRINT_CSS}</style>
      <button className="gz-a4-print" onClick={() => window.print()}>
        {t('deliberation.print.print')}
      </button>
      <h1>{t('deliberation.print.minutesTitle', { quarter: m.quarterName })}</h1>
      <p className="gz-a4-sub">{m.title}</p>
      <table>
        <tbody>
          <tr>
            <th>{t('deliberation.print.time')}</th>
            <td>{formatDateTime(m.startsAt).slice(0, 16)}</td>
            <th>{t('deliberation.print.place')}</th>
            <td>{m.location || '—'}</td>
          </tr>
          <tr>
            <th>{t('deliberation.print.attendees')}</th>
            <td colSpan={3}>{by(true)}</td>
          </tr>
          <tr>
            <th>{t('deliberation.print.absentees')}</th>
            <td colSpan={3}>{by(false)}</td>
          </tr>
          <tr>
            <th>{t('deliberation.print.agenda')}</th>
            <td colSpan={3} data-testid={TID.printAgenda}>
              {m.agenda.length
                ? m.agenda.map((a, i) => {
                    const reference = agendaReferenceText(a, t, i18n.language);
                    return <div key={a.id}>{`${i + 1}. ${a.title}${reference ? `（${reference}）` : ''}`}</div>;
                  })
                : '—'}
            </td>
          </tr>
        </tbody>
      </table>
      <h2>{t('deliberation.print.minutes')}</h2>
      {(m.minutes ?? '').split('\n').map((line, i) => (
        <p key={i} className="gz-a4-text">
          {line}
        </p>
      ))}
      <h2>{t('deliberation.print.resolutions')}</h2>
      <ol>
        {m.resolutions.map((r) => (
          <li key={r.id}>
            {r.text}
            <div className="gz-a4-sub">{t('deliberation.print.responsibleDue', { party: t(`deliberation.party.${r.action.responsible}`), due: r.action.dueDate })}</div>
          </li>
        ))}
      </ol>
      <p className="gz-a4-sign">{t('deliberation.print.recorder')}＿＿＿＿＿＿{'\u3000\u3000'}{formatDateTime(m.heldAt).slice(0, 10)}</p>
    </div>
  );
}
