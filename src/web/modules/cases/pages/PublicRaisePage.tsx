// /q/:quarterId/raise — anyone with the quarter's QR code reports a problem without an account
// (码上办, T/ZAS 4006.1—2020 6.3.3.2; 6.1.6.3): the phone is proved by a one-time code, and the
// tracking code it answers is how the raiser follows and rates the case (/t/:trackingCode).
// Loads no antd (plain-shared.tsx): it is opened on a phone, often on a mobile network.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { Loading, QueryError } from '../../../components/QueryState';
import { TID } from '../testids';
import { usePublicCategories } from '../api';
import { RaiseForm } from './RaiseForm';

export function TrackingDone({ code }: { code: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid={TID.raiseDone}>
      <h2 className="gz-title-4">{t('cases.raise.done')}</h2>
      <p>{t('cases.raise.doneIntro')}</p>
      <p className="gz-case-code" data-testid={TID.raiseTrackingCode}>
        {code}
      </p>
      <Link className="gz-btn gz-btn-primary gz-btn-block" to={`/t/${code}`}>
        <span>{t('cases.raise.track')}</span>
      </Link>
    </div>
  );
}

export default function PublicRaisePage() {
  const { quarterId = '' } = useParams();
  const { t } = useTranslation();
  const categories = usePublicCategories(quarterId);
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="gz-owner">
      <header className="gz-owner-header">
        <span className="gz-brand-mark">共</span>
        <span style={{ flex: 1, minWidth: 0, fontSize: 18, fontWeight: 600, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {categories.data?.quarterName ?? t('app.name')} · {t('cases.raise.title')}
        </span>
        <LanguageSwitch light />
      </header>
      <main className="gz-owner-main" data-testid={TID.raisePage}>
        <section className="gz-card">
          <div className="gz-card-body">
            {categories.error ? (
              <QueryError error={categories.error} onRetry={() => categories.refetch()} />
            ) : !categories.data ? (
              <Loading />
            ) : done ? (
              <TrackingDone code={done} />
            ) : (
              <>
                <p className="gz-secondary" style={{ marginTop: 0 }}>
                  {t('cases.raise.intro')}
                </p>
                <RaiseForm quarterId={quarterId} categories={categories.data.items} mode="public" onDone={setDone} />
              </>
            )}
          </div>
        </section>
      </main>
    </div>
  );
}
