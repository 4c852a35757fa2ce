// /public/votes/:id — the public notice of a vote (no login): its state, items, window, roll
// fingerprint; while open the way to vote, and once published the result with the record file
// to download and re-tally, the receipt check, and a notice to print on A4 for the board (the
// print styles in styles.css drop the page's frame and buttons).
// Owners open it on a phone from a QR code on the notice board, so it loads no antd: it is drawn
// with components/plain.tsx and styles.css to look like the rest (its first visit is measured
// in test/e2e/phone-weight.test.ts).
import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../api/client';
import { DownloadOutlined, PrinterOutlined } from '../../../components/icons';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { PlainAlert, PlainButton } from '../../../components/plain';
import { Loading, QueryError } from '../../../components/QueryState';
import { notifyError } from '../../../lib/feedback';
import { formatArea, formatCount } from '../../../lib/numbers';
import { TID } from '../testids';
import { usePublicVote } from '../api';
import { formatWindow, HelpLine, MatterTag, ReceiptCheck, ResultTable, shortTime, VoteStatusTag } from './shared';

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
          {v?.quarterName ?? t('app.name')} · {v ? t(`voting.public.heading.${v.phase ?? v.status}`) : t('voting.public.title')}
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
            {v.status === 'published' && (
              <div className="gz-print-only" data-testid={TID.publicVoteNotice}>
                <h1 className="gz-notice-title">{t('voting.public.noticeTitle', { title: v.title })}</h1>
                <p>
                  {t('voting.public.noticeIntro', {
                    quarter: v.quarterName,
                    window: formatWindow(v.opensAt, v.closesAt),
                    members: formatCount(v.rollMembers),
                    area: formatArea(v.rollArea),
                  })}
                </p>
              </div>
            )}
            {v.phase === 'upcoming' && <PlainAlert type="info" title={t('voting.owner.startsAt', { date: shortTime(v.opensAt, true) })} />}
            {v.phase === 'ended' && <PlainAlert type="info" title={t('voting.owner.endedAt', { date: shortTime(v.closesAt, true) })} />}
            {v.status === 'open' && (v.phase ?? 'open') === 'open' && (
              <section className="gz-card gz-no-print">
                <div className="gz-card-body">
                  <PlainAlert type="info" title={t('voting.public.openNotice', { date: shortTime(v.closesAt, true) })} />
                  <a className="gz-btn gz-btn-primary gz-btn-block" data-testid={TID.publicVoteGo} href={`/me/votes/${v.id}`} style={{ marginTop: 12 }}>
                    <span>{t('voting.public.goVote')}</span>
                  </a>
                </div>
              </section>
            )}
            {v.status === 'closed' && <PlainAlert type="info" title={t('voting.public.closedNotice', { date: shortTime(v.objectionEndsAt, true) })} />}
            <section className="gz-card gz-print-plain">
              <div className="gz-card-body">
                <h2 className="gz-title-4 gz-no-print" data-testid={TID.voteTitle}>
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
                    <HelpLine text={t('voting.result.fingerprintHelp')} testId={TID.voteFingerprintHelp} />
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
                <p className="gz-secondary gz-no-print" style={{ marginTop: 8, marginBottom: 0, fontSize: 13 }}>
                  {t('voting.public.noLogin')}
                </p>
              </div>
            </section>
            {v.result ? (
              <>
                <section className="gz-card gz-print-plain">
                  <div className="gz-card-head">
                    <span className="gz-card-title">{t('voting.result.title')}</span>
                  </div>
                  <div className="gz-card-body">
                    {/* Below the title rather than beside it: on a phone two buttons do not fit beside it. */}
                    <div className="gz-wrap-row gz-no-print" style={{ marginBottom: 12 }}>
                      <PlainButton data-testid={TID.publicVotePrint} icon={PrinterOutlined} onClick={() => window.print()}>
                        {t('voting.public.print')}
                      </PlainButton>
                      <PlainButton data-testid={TID.voteDownload} icon={DownloadOutlined} onClick={() => downloadFile(`/api/votes/${v.id}/record`, `vote-record-${v.id}.json`).catch(notifyError)}>
                        {t('voting.detail.download')}
                      </PlainButton>
                    </div>
                    <ResultTable result={v.result} items={v.items} rule={v.rule} />
                  </div>
                </section>
                <div className="gz-print-only gz-notice-foot">
                  <p>{t('voting.public.noticeRecord', { url: `${window.location.origin}/public/votes/${v.id}` })}</p>
                  <p className="gz-notice-sign">{t('voting.public.noticeSign', { quarter: v.quarterName })}</p>
                  <p className="gz-notice-sign">{t('voting.public.noticeDate', { date: shortTime(v.publishedAt).slice(0, 10) })}</p>
                </div>
                <section className="gz-card gz-no-print">
                  <div className="gz-card-body">
                    <ReceiptCheck voteId={v.id} />
                  </div>
                </section>
              </>
            ) : (
              v.status !== 'open' && v.status !== 'closed' && <PlainAlert type="info" title={t('voting.public.notPublished')} />
            )}
          </>
        )}
      </main>
    </div>
  );
}
