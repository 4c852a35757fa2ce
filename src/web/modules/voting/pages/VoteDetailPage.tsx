// /votes/:id — one vote for staff: its definition and roll, opening, live turnout (no results
// before the close), paper and proxy ballots with their scans and the entry log, the close,
// objections, publication, the result and the record file.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Divider,
  Empty,
  Grid,
  Input,
  Modal,
  Progress,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, downloadFile } from '../../../api/client';
import { Loading, QueryError } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/feedback';
import { formatArea, formatCount, formatDateTime, formatPercent } from '../../../lib/format';
import { TID } from '../testids';
import {
  useObjections,
  useNotVoted,
  useResult,
  useTurnout,
  useVote,
  useVoteMutation,
  type ClosedVote,
  type NotVotedList,
  type OpenedVote,
  type Turnout,
  type VoteDetail,
} from '../api';
import { formatWindow, HelpLine, MatterTag, ReceiptCheck, ResultTable, shortTime, VoteStatusTag } from './shared';
import { EntryForm, EntryLog } from './BallotEntry';

export default function VoteDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const vote = useVote(id);
  if (vote.error) return <QueryError error={vote.error} onRetry={() => vote.refetch()} />;
  if (!vote.data) return <Loading />;
  const v = vote.data;
  const counted = v.status === 'closed' || v.status === 'published';
  return (
    <>
      <div className="gz-page-title">
        <Link to="/votes" aria-label={t('voting.back')}>
          <ArrowLeftOutlined />
        </Link>
        <Typography.Title level={3} data-testid={TID.voteTitle}>
          {v.title}
        </Typography.Title>
        <VoteStatusTag status={v.status} phase={v.phase} />
        <div style={{ flex: 1 }} />
        <Actions vote={v} />
      </div>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Overview vote={v} />
        {v.status !== 'draft' && <TurnoutCard vote={v} />}
        {counted ? <ResultCard vote={v} /> : v.status === 'open' && <Alert data-testid={TID.voteResultHidden} type="info" showIcon title={t('voting.detail.resultHidden')} />}
        {v.status === 'open' && v.canEnterBallots && <NotVotedCard vote={v} />}
        {v.phase === 'open' && v.canEnterBallots && <EntryForm vote={v} />}
        {(v.phase === 'upcoming' || v.phase === 'ended') && v.canEnterBallots && (
          <Alert
            data-testid={TID.voteEntryNotTaking}
            type={v.phase === 'upcoming' ? 'info' : 'warning'}
            showIcon
            title={v.phase === 'upcoming' ? t('voting.detail.entryNotStarted', { date: shortTime(v.opensAt) }) : t('voting.detail.entryEnded', { date: shortTime(v.closesAt, true) })}
          />
        )}
        {v.status !== 'draft' && <EntryLog vote={v} />}
        {counted && <Objections vote={v} />}
      </Space>
    </>
  );
}

function Actions({ vote }: { vote: VoteDetail }) {
  const { t } = useTranslation();
  const [modal, modalHolder] = Modal.useModal();
  const navigate = useNavigate();
  const open = useVoteMutation(vote.id, () => api.post<OpenedVote>(`/api/votes/${vote.id}/open`));
  const close = useVoteMutation(vote.id, () => api.post<ClosedVote>(`/api/votes/${vote.id}/close`));
  const publish = useVoteMutation(vote.id, () => api.post(`/api/votes/${vote.id}/publish`));
  const confirm = (content: string, run: () => Promise<unknown>) => modal.confirm({ content, onOk: () => run().catch(() => undefined) });
  const counted = vote.status === 'closed' || vote.status === 'published';
  // A draft whose window starts later is published now and opens then: the button says so
  // rather than 开始投票 (issue 10 point 1). The page's own clock, as the confirmation names the time.
  const [shownAt] = useState(() => Date.now());
  const later = vote.status === 'draft' && new Date(vote.opensAt).getTime() > shownAt;
  return (
    <Space wrap>
      {modalHolder}
      {vote.canManage && vote.status === 'draft' && (
        <Button
          data-testid={TID.voteOpen}
          type="primary"
          loading={open.isPending}
          onClick={() =>
            confirm(later ? t('voting.detail.openLaterConfirm', { date: shortTime(vote.opensAt) }) : t('voting.detail.openConfirm'), async () => {
              const r = await open.mutateAsync(undefined);
              notifySuccess(later ? t('voting.detail.openedLater', { members: formatCount(r.rollMembers), date: shortTime(vote.opensAt) }) : t('voting.detail.opened', { members: formatCount(r.rollMembers) }));
            })
          }
        >
          {later ? t('voting.detail.openLater') : t('voting.detail.open')}
        </Button>
      )}
      {/* Nothing to close and count before the window has started. */}
      {vote.canManage && vote.status === 'open' && vote.phase !== 'upcoming' && (
        <Button
          data-testid={TID.voteClose}
          loading={close.isPending}
          onClick={() =>
            confirm(t('voting.detail.closeConfirm'), async () => {
              const r = await close.mutateAsync(undefined);
              notifySuccess(t('voting.detail.closed', { date: shortTime(r.objectionEndsAt, true) }));
            })
          }
        >
          {t('voting.detail.close')}
        </Button>
      )}
      {vote.canManage && vote.status === 'closed' && (
        <Button
          data-testid={TID.votePublish}
          type="primary"
          loading={publish.isPending}
          onClick={() =>
            confirm(t('voting.detail.publishConfirm'), async () => {
              await publish.mutateAsync(undefined);
              notifySuccess(t('voting.detail.published'));
            })
          }
        >
          {t('voting.detail.publish')}
        </Button>
      )}
      {counted && (
        <Button data-testid={TID.voteDownload} icon={<DownloadOutlined />} onClick={() => downloadFile(`/api/votes/${vote.id}/record`, `vote-record-${vote.id}.json`).catch(notifyError)}>
          {t('voting.detail.download')}
        </Button>
      )}
      {vote.status === 'published' && (
        <Button icon={<GlobalOutlined />} onClick={() => navigate(`/public/votes/${vote.id}`)}>
          {t('voting.detail.publicPage')}
        </Button>
      )}
    </Space>
  );
}

function Overview({ vote }: { vote: VoteDetail }) {
  const { t } = useTranslation();
  return (
    <Card>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'q', label: t('voting.detail.quarter'), children: vote.quarterName },
          { key: 'r', label: t('voting.detail.rule'), children: t(`voting.rule.${vote.rule}`) },
          { key: 'w', label: t('voting.detail.window'), children: <span className="gz-num">{formatWindow(vote.opensAt, vote.closesAt)}</span> },
          {
            key: 'o',
            label: vote.objectionEndsAt ? t('voting.detail.objectionEndsAt') : t('voting.detail.objectionDays'),
            children: vote.objectionEndsAt ? shortTime(vote.objectionEndsAt, true) : t('voting.detail.objectionDaysValue', { days: vote.objectionDays }),
          },
          ...(vote.rollFingerprint
            ? [
                { key: 'm', label: t('voting.detail.rollMembers'), children: <span data-testid={TID.voteRollMembers} className="gz-num">{formatCount(vote.rollMembers)}</span> },
                { key: 'a', label: t('voting.detail.rollArea'), children: <span className="gz-num">{formatArea(vote.rollArea)}</span> },
                {
                  key: 'f',
                  label: t('voting.detail.rollFingerprint'),
                  span: 'filled' as const,
                  children: (
                    <div>
                      <Typography.Text code copyable data-testid={TID.voteFingerprint} style={{ wordBreak: 'break-all' }}>
                        {vote.rollFingerprint}
                      </Typography.Text>
                      <HelpLine text={t('voting.result.fingerprintHelp')} testId={TID.voteFingerprintHelp} />
                    </div>
                  ),
                },
              ]
            : []),
          ...(vote.head
            ? [{ key: 'h', label: t('voting.detail.head'), span: 'filled' as const, children: <Typography.Text code style={{ wordBreak: 'break-all' }}>{vote.head}</Typography.Text> }]
            : []),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('voting.detail.items')}
      </Typography.Title>
      <ul className="gz-list">
        {vote.items.map((item) => (
          <li key={item.id} className="gz-list-item">
            <div>
              <div>
                {item.id}. {item.title}
              </div>
              <MatterTag matter={item.matter} article={item.article278Item} />
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function TurnoutCard({ vote }: { vote: VoteDetail }) {
  const { t } = useTranslation();
  const turnout = useTurnout(vote.id, true, vote.status === 'open');
  return (
    <Card title={t('voting.turnout.title')} data-testid={TID.voteTurnout}>
      {turnout.error ? <QueryError error={turnout.error} /> : !turnout.data ? <Loading /> : <TurnoutView turnout={turnout.data} />}
    </Card>
  );
}

function Measure({ label, cast, total, needed, format, testId }: { label: string; cast: number; total: number; needed: number; format: (n: number) => string; testId: string }) {
  const { t } = useTranslation();
  const percent = total ? Math.min(100, (cast * 100) / total) : 0;
  return (
    <div style={{ flex: '1 1 260px' }}>
      <div className="gz-muted">{label}</div>
      <div data-testid={testId} className="gz-num" style={{ fontSize: 20, fontWeight: 600 }}>
        {format(cast)} / {format(total)} · {formatPercent(cast, total)}
      </div>
      <Progress percent={percent} showInfo={false} success={{ percent: Math.min(percent, 66.67) }} strokeColor={cast >= needed ? '#389e0d' : undefined} />
      <div className="gz-muted" style={{ fontSize: 12 }}>
        {t('voting.turnout.needed', { value: format(needed) })}
      </div>
    </div>
  );
}

function TurnoutView({ turnout }: { turnout: Turnout }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert
        data-testid={TID.voteQuorum}
        data-met={String(turnout.quorumMet)}
        type={turnout.quorumMet ? 'success' : 'warning'}
        showIcon
        title={turnout.quorumMet ? t('voting.turnout.quorumMet') : t('voting.turnout.quorumNotMet')}
        style={{ marginBottom: 12 }}
      />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 24 }}>
        <Measure label={t('voting.turnout.members')} cast={turnout.cast.members} total={turnout.totals.members} needed={turnout.needed.members} format={formatCount} testId={TID.voteTurnoutMembers} />
        {turnout.areaWeighed ? (
          <Measure label={t('voting.turnout.area')} cast={turnout.cast.area} total={turnout.totals.area} needed={turnout.needed.area} format={formatArea} testId={TID.voteTurnoutArea} />
        ) : (
          <div className="gz-muted" style={{ flex: '1 1 260px' }}>
            {t('voting.turnout.areaNotWeighed')}
          </div>
        )}
      </div>
      <div style={{ marginTop: 12 }}>
        <span className="gz-muted">{t('voting.turnout.byChannel')}：</span>
        {(['online', 'paper', 'proxy'] as const).map((c) => (
          <Tag key={c} className="gz-num">
            {t(`voting.turnout.channel.${c}`)} {formatCount(turnout.byChannel[c].members)}
          </Tag>
        ))}
      </div>
    </>
  );
}

/** Who is left to reach before the close: staff who collect paper ballots work from this list. */
function NotVotedCard({ vote }: { vote: VoteDetail }) {
  const { t } = useTranslation();
  const list = useNotVoted(vote.id, true);
  const data = list.data;
  // On a phone (a worker going door to door) one column per member reads better than four.
  const narrow = Grid.useBreakpoint().md === false;
  type Row = NotVotedList['items'][number];
  const names = (r: Row) => r.owners.map((x) => x.name).join('、');
  const phones = (r: Row) => r.owners.map((x) => x.phoneMasked).filter(Boolean).join('、');
  const weighed = vote.rule === 'civil-code-278';
  return (
    <Card
      title={t('voting.notVoted.title')}
      data-testid={TID.voteNotVoted}
      extra={
        <Button
          data-testid={TID.voteNotVotedExport}
          icon={<DownloadOutlined />}
          disabled={!data?.members}
          onClick={() => downloadFile(`/api/votes/${vote.id}/not-voted.xlsx`, `未投票名单-${vote.quarterName}.xlsx`).catch(notifyError)}
        >
          {t('voting.notVoted.export')}
        </Button>
      }
    >
      {list.error ? (
        <QueryError error={list.error} />
      ) : !data ? (
        <Loading />
      ) : !data.members ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('voting.notVoted.none')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {weighed
              ? t('voting.notVoted.summary', { members: formatCount(data.members), area: formatArea(data.area) })
              : t('voting.notVoted.summaryMembers', { members: formatCount(data.members) })}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey={(r) => r.units.join('|')}
            dataSource={data.items}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            onRow={() => ({ 'data-testid': TID.voteNotVotedRow }) as React.HTMLAttributes<HTMLElement>}
            columns={
              narrow
                ? [
                    {
                      title: t('voting.notVoted.units'),
                      key: 'member',
                      render: (_: unknown, r: Row) => (
                        <div>
                          <Typography.Text strong>{r.units.join('、')}</Typography.Text>
                          <div>
                            {names(r)}
                            {phones(r) && <span className="gz-num"> · {phones(r)}</span>}
                            {weighed && <span className="gz-num gz-muted"> · {formatArea(r.area)}</span>}
                          </div>
                        </div>
                      ),
                    },
                  ]
                : [
                    { title: t('voting.notVoted.units'), dataIndex: 'units', render: (u: string[]) => u.join('、') },
                    { title: t('voting.notVoted.owners'), key: 'owners', render: (_: unknown, r: Row) => names(r) },
                    { title: t('voting.notVoted.phone'), key: 'phone', render: (_: unknown, r: Row) => <span className="gz-num">{phones(r) || '—'}</span> },
                    ...(weighed ? [{ title: t('voting.notVoted.area'), dataIndex: 'area', align: 'right' as const, render: (a: number) => <span className="gz-num">{formatArea(a)}</span> }] : []),
                  ]
            }
          />
        </>
      )}
    </Card>
  );
}

function ResultCard({ vote }: { vote: VoteDetail }) {
  const { t } = useTranslation();
  const result = useResult(vote.id, true);
  return (
    <Card title={t('voting.result.title')}>
      {result.error ? <QueryError error={result.error} /> : !result.data ? <Loading /> : <ResultTable result={result.data} items={vote.items} rule={vote.rule} />}
      {/* Staff answer owners who ask, in person or by phone, whether their ballot was counted. */}
      <Divider />
      <ReceiptCheck voteId={vote.id} staff />
    </Card>
  );
}

function Objections({ vote }: { vote: VoteDetail }) {
  const { t } = useTranslation();
  const objections = useObjections(vote.id, true);
  const [text, setText] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const file = useVoteMutation(vote.id, (body: { text: string }) => api.post(`/api/votes/${vote.id}/objections`, body));
  const answer = useVoteMutation(vote.id, ({ id, response }: { id: string; response: string }) => api.post(`/api/votes/${vote.id}/objections/${id}/answer`, { response }));
  return (
    <Card title={t('voting.objections.title')} data-testid={TID.voteObjections}>
      {objections.isPending ? (
        <Loading />
      ) : !objections.data?.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('voting.objections.none')} />
      ) : (
        <ul className="gz-list">
          {objections.data.map((o) => (
            <li key={o.id} className="gz-list-item">
              <div style={{ width: '100%' }}>
                <div>
                  <Tag color={o.status === 'answered' ? 'green' : 'orange'}>{o.status === 'answered' ? t('voting.objections.answered') : t('voting.objections.open')}</Tag>
                  {o.text}
                </div>
                <div className="gz-muted" style={{ fontSize: 12 }}>
                  {t('voting.objections.filedBy')}：{o.filedBy ?? '—'} · {formatDateTime(o.createdAt)}
                </div>
                {o.response && <div style={{ marginTop: 4 }}>↳ {o.response}</div>}
                {o.status === 'open' && vote.canManage && (
                  <Space.Compact style={{ width: '100%', marginTop: 8 }}>
                    <Input value={answers[o.id] ?? ''} onChange={(e) => setAnswers({ ...answers, [o.id]: e.target.value })} placeholder={t('voting.objections.response')} />
                    <Button data-testid={TID.voteObjectionAnswer} loading={answer.isPending} disabled={!answers[o.id]?.trim()} onClick={() => answer.mutate({ id: o.id, response: answers[o.id].trim() })}>
                      {t('voting.objections.answer')}
                    </Button>
                  </Space.Compact>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {vote.status === 'closed' && vote.canManage && (
        <Space.Compact style={{ width: '100%', marginTop: 12 }}>
          <Input data-testid={TID.voteObjectionText} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('voting.objections.text')} maxLength={2000} />
          <Button
            data-testid={TID.voteObjectionSubmit}
            loading={file.isPending}
            disabled={!text.trim()}
            onClick={() => file.mutateAsync({ text: text.trim() }).then(() => setText(''), () => undefined)}
          >
            {t('voting.objections.add')}
          </Button>
        </Space.Compact>
      )}
    </Card>
  );
}
