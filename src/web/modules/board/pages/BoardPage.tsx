// /q/:key — the quarter's public board (码上办, T/ZAS 4006.1—2020 6.3.3.2), opened from the QR
// code of the lobby poster, with no login: the commissioner to call (ZAS 6.1.3.5), the party
// organisation, the committees, the company with its term and fee standard, disclosures,
// votes with their records, the cases' figures and how to raise an issue. `key` is the
// quarter's id or the poster's short code.
// Read on a phone, often on a mobile network, so it loads no antd and no dayjs: plain blocks
// (components/plain.tsx, styles.css) and the dates of core/dates.ts. Its first visit is
// measured in test/e2e/board.test.ts.
import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { PlainAlert, PlainTag, type TagColor } from '../../../components/plain';
import { Loading, QueryError } from '../../../components/QueryState';
import { ApiError } from '../../../api/client';
import { TID } from '../testids';
import { usePublicBoard, type BoardVote, type PublicBoard } from '../api';
import { shanghaiDate, shanghaiMinute } from '../../../../core/dates';

/** A day 'YYYY-MM-DD' as it is, an instant as its day in China Standard Time. */
const day = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : shanghaiDate(new Date(value)));
const minute = (value: string) => shanghaiMinute(new Date(value));
const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function Card({ title, testId, children }: { title: ReactNode; testId: string; children: ReactNode }) {
  return (
    <section className="gz-card" data-testid={testId}>
      <div className="gz-card-head">
        <h2 className="gz-card-title" style={{ margin: 0 }}>
          {title}
        </h2>
      </div>
      <div className="gz-card-body">{children}</div>
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="gz-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const None = ({ text }: { text: string }) => <p className="gz-secondary" style={{ margin: 0 }}>{text}</p>;

function Members({ members }: { members: { name: string; positionLabel: string }[] }) {
  return (
    <ul className="gz-list">
      {members.map((m, i) => (
        <li key={i} className="gz-board-member">
          <span className="gz-secondary">{m.positionLabel}</span>
          <span>{m.name}</span>
        </li>
      ))}
    </ul>
  );
}

const STATUS_COLOR: Record<string, TagColor> = { open: 'processing', upcoming: 'default', ended: 'warning', closed: 'warning', published: 'success', draft: 'default' };

function Vote({ vote }: { vote: BoardVote }) {
  const { t } = useTranslation();
  const phase = vote.phase ?? vote.status;
  return (
    <li className="gz-board-vote" data-testid={TID.boardVote}>
      <div className="gz-wrap-row" style={{ justifyContent: 'space-between' }}>
        <strong>{vote.title}</strong>
        <PlainTag color={STATUS_COLOR[phase]}>{t(`board.votes.status.${phase}`)}</PlainTag>
      </div>
      <div className="gz-secondary" style={{ fontSize: 13 }}>
        {t('board.votes.window')}: <span className="gz-num">{`${minute(vote.opensAt)} – ${minute(vote.closesAt)}`}</span>
      </div>
      <ol className="gz-board-items">
        {vote.items.map((item, i) => (
          <li key={i}>
            <span>{item.title}</span>
            {item.passed !== null && <PlainTag color={item.passed ? 'success' : 'error'}>{t(item.passed ? 'board.votes.passed' : 'board.votes.failed')}</PlainTag>}
          </li>
        ))}
      </ol>
      <div className="gz-wrap-row">
        <a href={vote.pageUrl}>{t('board.votes.details')}</a>
        {vote.recordUrl && (
          <a href={vote.recordUrl} download data-testid={TID.boardVoteRecord}>
            {t('board.votes.record')}
          </a>
        )}
      </div>
    </li>
  );
}

function Board({ b }: { b: PublicBoard }) {
  const { t } = useTranslation();
  const tel = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;
  return (
    <>
      <section className="gz-card" data-testid={TID.boardQuarter}>
        <div className="gz-card-body">
          <h1 className="gz-title-4">{b.quarter.name}</h1>
          <dl className="gz-facts">
            <Fact label={t('board.quarter.community')}>{b.quarter.community}</Fact>
            {b.quarter.address && <Fact label={t('board.quarter.address')}>{b.quarter.address}</Fact>}
            <Fact label={t('board.quarter.households')}>
              <span className="gz-num">{b.quarter.households}</span>
            </Fact>
            {b.quarter.code && (
              <Fact label={t('board.quarter.code')}>
                <span className="gz-num">{b.quarter.code}</span>
              </Fact>
            )}
          </dl>
        </div>
      </section>

      <Card title={t('board.commissioner.title')} testId={TID.boardCommissioner}>
        {b.commissioner ? (
          <>
            <div className="gz-board-person">
              {/* The photo ZAS 6.1.3.5 makes public, loaded lazily so the page's first visit stays light. */}
              {b.commissioner.photoUrl && (
                <img
                  className="gz-board-photo"
                  src={b.commissioner.photoUrl}
                  alt={t('board.commissioner.photo', { name: b.commissioner.name })}
                  loading="lazy"
                  decoding="async"
                  width={72}
                  height={96}
                  data-testid={TID.boardCommissionerPhoto}
                />
              )}
              <div className="gz-wrap-row" style={{ justifyContent: 'space-between', flex: 1 }}>
                <span style={{ fontSize: 20, fontWeight: 600 }}>{b.commissioner.name}</span>
                <span className="gz-secondary">{t('board.commissioner.since', { date: day(b.commissioner.since) })}</span>
              </div>
            </div>
            <a className="gz-btn gz-btn-primary gz-btn-block" style={{ marginTop: 12 }} href={tel(b.commissioner.phone)} data-testid={TID.boardCommissionerCall}>
              <span>{t('board.commissioner.call', { phone: b.commissioner.phone })}</span>
            </a>
          </>
        ) : (
          <None text={t('board.commissioner.none')} />
        )}
      </Card>

      <Card title={t('board.party.title')} testId={TID.boardParty}>
        {b.partyOrganization ? (
          <dl className="gz-facts">
            <Fact label={t('board.party.title')}>{b.partyOrganization.name}</Fact>
            {b.partyOrganization.secretaryName && <Fact label={t('board.party.secretary')}>{b.partyOrganization.secretaryName}</Fact>}
          </dl>
        ) : (
          <None text={t('board.party.none')} />
        )}
      </Card>

      <Card title={t('board.committee.title')} testId={TID.boardCommittee}>
        {b.committee ? (
          <>
            <p style={{ marginTop: 0 }}>
              {b.committee.termNumber !== null && `${t('board.committee.termNumber', { n: b.committee.termNumber })} · `}
              {t('board.committee.term')} <span className="gz-num">{`${day(b.committee.termStart)} – ${day(b.committee.termEnd)}`}</span>
            </p>
            <Members members={b.committee.members} />
          </>
        ) : (
          <None text={t('board.committee.none')} />
        )}
      </Card>

      <Card title={t('board.supervisory.title')} testId={TID.boardSupervisory}>
        {b.supervisoryCommittee ? (
          <>
            <p style={{ marginTop: 0 }}>
              {t('board.committee.term')} <span className="gz-num">{`${day(b.supervisoryCommittee.termStart)} – ${day(b.supervisoryCommittee.termEnd)}`}</span>
            </p>
            <Members members={b.supervisoryCommittee.members} />
          </>
        ) : (
          <None text={t('board.supervisory.none')} />
        )}
      </Card>

      <Card title={t('board.company.title')} testId={TID.boardCompany}>
        {b.company ? (
          <dl className="gz-facts">
            <Fact label={t('board.company.title')}>{b.company.name}</Fact>
            <Fact label={t('board.company.term')}>
              <span className="gz-num">{`${day(b.company.contractStartsOn)} – ${b.company.contractEndsOn ? day(b.company.contractEndsOn) : t('board.company.open')}`}</span>
            </Fact>
            <Fact label={t('board.company.fee')}>
              <strong className="gz-num">{b.company.feeStandard.text}</strong>
            </Fact>
            <Fact label={t('board.company.method')}>{b.company.selectionMethodLabel}</Fact>
            {b.company.phone && (
              <Fact label={t('board.company.phone')}>
                <a href={tel(b.company.phone)}>{b.company.phone}</a>
              </Fact>
            )}
          </dl>
        ) : (
          <None text={t('board.company.none')} />
        )}
      </Card>

      <Card title={t('board.disclosures.title')} testId={TID.boardDisclosures}>
        {b.disclosures.length ? (
          <ul className="gz-list">
            {b.disclosures.map((d) => (
              <li key={d.id} className="gz-board-vote">
                <div className="gz-wrap-row" style={{ justifyContent: 'space-between' }}>
                  <strong>{d.period}</strong>
                  <span className="gz-secondary">{t('board.disclosures.published', { date: day(d.publishedAt) })}</span>
                </div>
                <div className="gz-board-money gz-num">
                  <span>
                    {t('board.disclosures.income')} {yuan(d.incomeFen)}
                  </span>
                  <span>
                    {t('board.disclosures.spending')} {yuan(d.spendingFen)}
                  </span>
                  <span>
                    {t('board.disclosures.balance')} {yuan(d.balanceFen)}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <None text={t('board.disclosures.none')} />
        )}
      </Card>

      {b.projects.length > 0 && (
        <Card title={t('board.projects.title')} testId={TID.boardProjects}>
          <ul className="gz-list">
            {b.projects.map((p) => (
              <li key={p.id} className="gz-board-member">
                <span>{p.title}</span>
                <span className="gz-num">
                  {yuan(p.amountFen)} <PlainTag>{p.stage}</PlainTag>
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}

      {b.arrears.length > 0 && (
        <Card title={t('board.arrears.title')} testId={TID.boardArrears}>
          {b.arrears.map((list) => (
            <div key={list.period}>
              <div className="gz-wrap-row" style={{ justifyContent: 'space-between' }}>
                <strong>{list.period}</strong>
                <span className="gz-secondary">{t('board.disclosures.published', { date: day(list.publishedAt) })}</span>
              </div>
              <div className="gz-secondary">{t('board.arrears.summary', { n: list.households, total: yuan(list.totalFen) })}</div>
              <ul className="gz-list">
                {list.rows.map((r, i) => (
                  <li key={i} className="gz-board-member">
                    <span>
                      {r.building} {r.unit}
                    </span>
                    <span className="gz-num">
                      {t('board.arrears.months', { n: r.monthsOwed })} {yuan(r.amountFen)}
                    </span>
                  </li>
                ))}
              </ul>
              <div className="gz-secondary">{t('board.arrears.note', { clause: list.clause })}</div>
            </div>
          ))}
        </Card>
      )}

      {b.mediations.length > 0 && (
        <Card title={t('board.mediations.title')} testId={TID.boardMediations}>
          <ul className="gz-list">
            {b.mediations.map((m, i) => (
              <li key={i} className="gz-board-member">
                <span>
                  <strong className="gz-num">{minute(m.at)}</strong> {m.place}
                </span>
                <PlainTag>{m.categoryLabel}</PlainTag>
              </li>
            ))}
          </ul>
          <div className="gz-secondary">{t('board.mediations.note')}</div>
        </Card>
      )}

      <Card title={t('board.votes.title')} testId={TID.boardVotes}>
        {b.votes.length ? (
          <ul className="gz-list">
            {b.votes.map((v) => (
              <Vote key={v.id} vote={v} />
            ))}
          </ul>
        ) : (
          <None text={t('board.votes.none')} />
        )}
      </Card>

      <Card title={t('board.raise.title')} testId={TID.boardRaise}>
        <p style={{ marginTop: 0 }}>{b.raise.text}</p>
        <div className="gz-board-money gz-num" data-testid={TID.boardCases}>
          <span>
            {t('board.cases.total')} {b.cases.total}
          </span>
          <span>
            {t('board.cases.open')} {b.cases.open}
          </span>
          <span>
            {t('board.cases.closed')} {b.cases.closed}
          </span>
        </div>
        {b.raise.url ? (
          <a className="gz-btn gz-btn-primary gz-btn-block" style={{ marginTop: 12 }} href={b.raise.url}>
            <span>{t('board.raise.go')}</span>
          </a>
        ) : (
          b.raise.phone && (
            <a className="gz-btn gz-btn-block" style={{ marginTop: 12 }} href={tel(b.raise.phone)}>
              <span>{`${t('board.raise.call')} ${b.raise.phone}`}</span>
            </a>
          )
        )}
      </Card>
      <p className="gz-secondary" style={{ fontSize: 13, margin: 0 }}>
        {t('board.noLogin')}
      </p>
    </>
  );
}

export default function BoardPage() {
  const { key = '' } = useParams();
  const { t, i18n } = useTranslation();
  const board = usePublicBoard(key, i18n.language);
  const missing = board.error instanceof ApiError && board.error.status === 404;
  return (
    <div className="gz-owner">
      <header className="gz-owner-header">
        <span className="gz-brand-mark">共</span>
        <span style={{ flex: 1, minWidth: 0, fontSize: 18, fontWeight: 600, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {t('board.title')} · {board.data?.quarter.name ?? t('board.subtitle')}
        </span>
        <LanguageSwitch light />
      </header>
      <main className="gz-owner-main" data-testid={TID.board}>
        {missing ? <PlainAlert type="warning" title={t('board.notFound')} /> : board.error ? <QueryError error={board.error} onRetry={() => board.refetch()} /> : !board.data ? <Loading /> : <Board b={board.data} />}
      </main>
    </div>
  );
}
