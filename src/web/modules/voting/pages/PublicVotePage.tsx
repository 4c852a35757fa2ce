// /public/votes/:id — the public notice of a vote (no login): items, window, roll fingerprint,
// and once published the result with the record file to download and re-tally, and the
// receipt check.
// Owners open it on a phone from a QR code on the notice board, so it loads no antd: it is drawn
// with components/plain.tsx and styles.css to look like the rest (its first visit is measured
// in test/e2e/phone-weight.test.ts).
import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../api/client';
import { DownloadOutlined } from '../../../components/icons';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { PlainAlert, PlainButton } from '../../../components/plain';
import { Loading, QueryError } from '../../../components/QueryState';
import { notifyError } from '../../../lib/feedback';
import { formatArea, formatCount } from '../../../lib/numbers';
import { TID } from '../testids';
import { usePublicVote } from '../api';
import { formatWindow, MatterTag, ReceiptCheck, ResultTable, VoteStatusTag } from './shared';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="gz-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export default function PublicVotePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const vote = usePublicVote(id);
  const v = vote.data;
  return (
    <div className="gz-owner">
      <header className="gz-owner-header">
        <span className="gz-brand-mark">共</span>
        <span style={{ flex: 1, minWidth: 0, fontSize: 18, fontWeight: 600, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {v?.quarterName ?? t('app.name')} · {t('voting.public.title')}
        </span>
        <LanguageSwitch light />
      </header>
      <main className="gz-owner-main" style={{ maxWidth: 960 }} data-testid={TID.publicVote}>
        {vote.error ? (
          <QueryError error={vote.error} onRetry={() => vote.refetch()} />
        ) : !v ? (
          <Loading />
        ) : (
          <>
            <section className="gz-card">
              <div className="gz-card-body">
                <h2 className="gz-title-4" data-testid={TID.voteTitle}>
                  {v.title}
                </h2>
                <dl className="gz-facts">
                  <Fact label={t('voting.col.status')}>
                    <VoteStatusTag status={v.status} phase={v.phase} />
                  </Fact>
                  <Fact label={t('voting.detail.quarter')}>{v.quarterName}</Fact>
                  <Fact label={t('voting.detail.rule')}>{t(`voting.rule.${v.rule}`)}</Fact>
                  <Fact label={t('voting.detail.window')}>
                    <span className="gz-num">{formatWindow(v.opensAt, v.closesAt)}</span>
                  </Fact>
                  <Fact label={t('voting.detail.rollMembers')}>
                    <span className="gz-num">{formatCount(v.rollMembers)}</span>
                  </Fact>
                  <Fact label={t('voting.detail.rollArea')}>
                    <span className="gz-num">{formatArea(v.rollArea)}</span>
                  </Fact>
                  <Fact label={t('voting.detail.rollFingerprint')}>
                    <code className="gz-code" style={{ wordBreak: 'break-all' }}>
                      {v.rollFingerprint}
                    </code>
                  </Fact>
                </dl>
                <h3 className="gz-title-5">{t('voting.detail.items')}</h3>
                {v.items.map((item) => (
                  <div key={item.id} style={{ padding: '6px 0' }}>
                    <div>
                      {item.id}. {item.title}
                    </div>
                    <MatterTag matter={item.matter} article={item.article278Item} />
                  </div>
                ))}
                <p className="gz-secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 13 }}>
                  {t('voting.public.noLogin')}
                </p>
              </div>
            </section>
            {v.result ? (
              <>
                <section className="gz-card">
                  <div className="gz-card-head">
                    <span className="gz-card-title">{t('voting.result.title')}</span>
                    <PlainButton data-testid={TID.voteDownload} icon={DownloadOutlined} onClick={() => downloadFile(`/api/votes/${v.id}/record`, `vote-record-${v.id}.json`).catch(notifyError)}>
                      {t('voting.detail.download')}
                    </PlainButton>
                  </div>
                  <div className="gz-card-body">
                    <ResultTable result={v.result} items={v.items} />
                  </div>
                </section>
                <section className="gz-card">
                  <div className="gz-card-body">
                    <ReceiptCheck voteId={v.id} />
                  </div>
                </section>
              </>
            ) : (
              <PlainAlert type="info" title={t('voting.public.notPublished')} />
            )}
          </>
        )}
      </main>
    </div>
  );
}
