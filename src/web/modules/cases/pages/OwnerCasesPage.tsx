// /me/cases — an owner reports a problem from the phone and follows what they reported; each
// case opens its tracking page (/t/:trackingCode), where the owner also rates the reply.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../auth/session';
import { Loading, QueryError } from '../../../components/QueryState';
import { TID } from '../testids';
import { useCases, useCreateCase, usePublicCategories } from '../api';
import { TrackingDone } from './PublicRaisePage';
import { RaiseForm } from './RaiseForm';
import { CaseStatusTag, cst } from './plain-shared';

export default function OwnerCasesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const quarterId = user.scope.id;
  const categories = usePublicCategories(quarterId);
  const mine = useCases({ page: 1, pageSize: 50 });
  const create = useCreateCase();
  const [done, setDone] = useState<string | null>(null);
  return (
    <div data-testid={TID.ownerCases} style={{ display: 'flex', flexDirection: 'column', gap: 14 }}>
      <section className="gz-card">
        <div className="gz-card-head">
          <span className="gz-card-title">{t('cases.raise.title')}</span>
        </div>
        <div className="gz-card-body">
          {categories.error ? (
            <QueryError error={categories.error} onRetry={() => categories.refetch()} />
          ) : !categories.data ? (
            <Loading />
          ) : done ? (
            <TrackingDone code={done} />
          ) : (
            <RaiseForm quarterId={quarterId} categories={categories.data.items} mode="owner" createOwnerCase={(body) => create.mutateAsync(body)} onDone={setDone} />
          )}
        </div>
      </section>
      <section className="gz-card">
        <div className="gz-card-head">
          <span className="gz-card-title">{t('cases.raise.mine')}</span>
        </div>
        <div className="gz-card-body">
          {mine.error ? (
            <QueryError error={mine.error} onRetry={() => mine.refetch()} />
          ) : !mine.data ? (
            <Loading />
          ) : mine.data.items.length === 0 ? (
            <span className="gz-secondary">{t('cases.raise.none')}</span>
          ) : (
            mine.data.items.map((c) => (
              <Link key={c.id} to={`/t/${c.trackingCode}`} className="gz-owner-unit" data-testid={TID.ownerCaseRow} style={{ color: 'inherit', textDecoration: 'none' }}>
                <span>
                  <div>{c.categoryName}</div>
                  <div className="gz-secondary gz-num" style={{ fontSize: 13 }}>
                    {cst(c.receivedAt)}
                  </div>
                </span>
                <CaseStatusTag status={c.status} />
              </Link>
            ))
          )}
        </div>
      </section>
    </div>
  );
}
