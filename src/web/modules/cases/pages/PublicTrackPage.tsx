// /t/:trackingCode — the raiser follows a case by its tracking code, without an account: its
// status, the office handling it, the steps and the reply; then rates the reply (回访): 满意 or
// 基本满意 close it, 不满意 reopens it. Nothing personal is shown (the server sends none).
// Loads no antd (plain-shared.tsx).
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { PlainAlert, PlainButton } from '../../../components/plain';
import { Loading, QueryError } from '../../../components/QueryState';
import { TID } from '../testids';
import { caseKeys, ratePublicCase, usePublicCase, type PublicCase, type Rating } from '../api';
import { CaseStatusTag, cst, Field } from './plain-shared';

const RATINGS: Rating[] = ['satisfied', 'basically_satisfied', 'unsatisfied'];

function RateForm({ c }: { c: PublicCase }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!rating) return;
    setBusy(true);
    setError(null);
    try {
      await ratePublicCase(c.trackingCode, rating, comment.trim());
      await qc.invalidateQueries({ queryKey: caseKeys.track(c.trackingCode) });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="gz-card">
      <div className="gz-card-body">
        <h3 className="gz-title-5">{t('cases.track.rateTitle')}</h3>
        <div className="gz-wrap-row" style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 12 }}>
          {RATINGS.map((r) => (
            <PlainButton key={r} type={rating === r ? 'primary' : 'default'} data-testid={TID.trackRate(r)} aria-pressed={rating === r} onClick={() => setRating(r)}>
              {t(`cases.rating.${r}`)}
            </PlainButton>
          ))}
        </div>
        <Field label={t('cases.track.comment')}>
          <textarea className="gz-input" data-testid={TID.trackComment} maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} />
        </Field>
        {error && <PlainAlert type="error" title={error} style={{ marginBottom: 12 }} />}
        <PlainButton type="primary" className="gz-btn-block" data-testid={TID.trackRateSubmit} disabled={!rating} loading={busy} onClick={send}>
          {t('cases.track.submit')}
        </PlainButton>
      </div>
    </section>
  );
}

export default function PublicTrackPage() {
  const { trackingCode = '' } = useParams();
  const { t } = useTranslation();
  const q = usePublicCase(trackingCode);
  const c = q.data;
  const reply = c ? [...c.timeline].reverse().find((e) => e.action === 'reply') : undefined;
  return (
    <div className="gz-owner">
      <header className="gz-owner-header">
        <span className="gz-brand-mark">共</span>
        <span style={{ flex: 1, minWidth: 0, fontSize: 18, fontWeight: 600, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {c?.quarterName ?? t('app.name')} · {t('cases.track.title')}
        </span>
        <LanguageSwitch light />
      </header>
      <main className="gz-owner-main" data-testid={TID.trackPage}>
        {q.error ? (
          <QueryError error={q.error} onRetry={() => q.refetch()} />
        ) : !c ? (
          <Loading />
        ) : (
          <>
            <section className="gz-card">
              <div className="gz-card-body">
                <h2 className="gz-title-4">{c.categoryName}</h2>
                <p style={{ whiteSpace: 'pre-wrap' }}>{c.description}</p>
                <dl className="gz-facts">
                  <div className="gz-fact">
                    <dt>{t('cases.list.status')}</dt>
                    <dd>
                      <CaseStatusTag status={c.status} testId={TID.trackStatus} />
                    </dd>
                  </div>
                  <div className="gz-fact">
                    <dt>{t('cases.track.handler')}</dt>
                    <dd>{c.handlerLabel}</dd>
                  </div>
                  <div className="gz-fact">
                    <dt>{t('cases.track.code')}</dt>
                    <dd className="gz-num">{c.trackingCode}</dd>
                  </div>
                  <div className="gz-fact">
                    <dt>{t('cases.track.received')}</dt>
                    <dd className="gz-num">{cst(c.receivedAt)}</dd>
                  </div>
                  <div className="gz-fact">
                    <dt>{t('cases.track.due')}</dt>
                    <dd className="gz-num">{cst(c.resolveDueAt)}</dd>
                  </div>
                </dl>
                {c.ratingLabel && <PlainAlert type={c.rating === 'unsatisfied' ? 'warning' : 'success'} title={t('cases.track.rated', { rating: c.ratingLabel })} />}
                {c.status === 'reopened' && <PlainAlert type="info" title={t('cases.track.reopenedNote')} style={{ marginTop: 8 }} />}
              </div>
            </section>
            {reply && (
              <section className="gz-card">
                <div className="gz-card-body" data-testid={TID.trackReply}>
                  <h3 className="gz-title-5">
                    {t('cases.track.reply')} · {reply.office}
                  </h3>
                  <p style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{reply.text}</p>
                </div>
              </section>
            )}
            {c.canRate && <RateForm c={c} />}
            <section className="gz-card">
              <div className="gz-card-body">
                <h3 className="gz-title-5">{t('cases.track.timeline')}</h3>
                <ol className="gz-case-steps">
                  {c.timeline.map((e, i) => (
                    <li key={i}>
                      <div>
                        {t(`cases.action.${e.action}`, { defaultValue: e.action })} · {e.office}
                        {e.action === 'assign' && e.handlerLabel ? ` → ${e.handlerLabel}` : ''}
                      </div>
                      <div className="gz-secondary gz-num" style={{ fontSize: 13 }}>
                        {cst(e.at)}
                        {e.rating ? ` · ${t(`cases.rating.${e.rating}`, { defaultValue: e.rating })}` : ''}
                      </div>
                    </li>
                  ))}
                </ol>
              </div>
            </section>
          </>
        )}
      </main>
    </div>
  );
}
