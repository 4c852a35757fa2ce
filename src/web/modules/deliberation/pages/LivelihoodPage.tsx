// 民生实事 — the year's livelihood projects of a quarter (T/ZAS 4006.1—2020 6.2.5.2 每年协商确定一批
// 民生实事): the candidates (topics marked with the year), those chosen by consultation at a joint
// meeting or by the owners' assembly, and the actions that carry them out.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Card, Empty, InputNumber, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan, useCurrentUser } from '../../../auth/session';
import { QueryError } from '../../../components/QueryState';
import { TID } from '../testids';
import { useLivelihood, type LivelihoodList } from '../api';
import { ActionStatusTag, StageTag } from './shared';
import { LivelihoodVoteModal, openCandidates } from './LivelihoodVoteModal';
import { QuarterSelect } from '../../../components/QuarterSelect';

export default function LivelihoodPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const own = params.get('quarterId') ?? user.quarterId ?? undefined;
  const [picked, setPicked] = useState<string | undefined>();
  const quarterId = own ?? picked;
  const [year, setYear] = useState(() => new Date().getFullYear());
  const list = useLivelihood(quarterId, year);
  const can = useCan();
  const mayVote = can('proposals.advance') && can('votes.manage');
  const [voting, setVoting] = useState(false);
  return (
    <>
      <div className="gz-page-title">
        <Typography.Title level={3}>{t('deliberation.livelihood.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('deliberation.livelihood.intro')}</Typography.Text>
        <div style={{ flex: 1 }} />
        {!own && <QuarterSelect style={{ width: 220 }} placeholder={t('deliberation.form.quarter')} value={picked} onChange={setPicked} />}
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} addonAfter={t('deliberation.livelihood.year')} />
        {mayVote && quarterId && (
          <Button data-testid={TID.livelihoodVoteOpen} type="primary" disabled={openCandidates(list.data).length < 2} onClick={() => setVoting(true)}>
            {t('deliberation.livelihood.vote.open')}
          </Button>
        )}
      </div>
      {list.error ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card>
            <Space size={48}>
              <Statistic title={t('deliberation.livelihood.candidates')} value={list.data?.candidates ?? 0} />
              <Statistic title={t('deliberation.livelihood.chosen')} value={list.data?.chosen ?? 0} />
              <Statistic title={t('deliberation.livelihood.done')} value={list.data?.done ?? 0} />
            </Space>
          </Card>
          {!!list.data?.votes.length && (
            <Card title={t('deliberation.livelihood.vote.votes')} size="small" data-testid={TID.livelihoodVotes}>
              {list.data.votes.map((v) => (
                <div key={v.voteId}>
                  <Link to={`/votes/${v.voteId}`}>{t('deliberation.livelihood.vote.summary', { title: v.title, candidates: v.candidates, chosen: v.chosen })}</Link> <Tag>{t(`voting.status.${v.status}`, { defaultValue: v.status })}</Tag>
                </div>
              ))}
            </Card>
          )}
          <Card>
            <Table<LivelihoodList['items'][number]>
              data-testid={TID.livelihoodList}
              rowKey="id"
              size="middle"
              loading={list.isFetching}
              dataSource={list.data?.items ?? []}
              pagination={false}
              locale={{ emptyText: <Empty description={t('deliberation.livelihood.none')} /> }}
              columns={[
                { title: t('deliberation.proposals.col.title'), key: 'title', render: (_, p) => <Link to={`/proposals/${p.id}`}>{p.title}</Link> },
                { title: t('deliberation.proposals.col.stage'), key: 'stage', render: (_, p) => <StageTag stage={p.stage} /> },
                { title: t('deliberation.proposals.col.raisedBy'), dataIndex: 'raisedByName', key: 'raisedBy' },
                {
                  title: t('deliberation.livelihood.chosenBy'),
                  key: 'chosenBy',
                  render: (_, p) => (
                    <Space size={4} wrap>
                      {p.chosenBy ? t(`deliberation.livelihood.by.${p.chosenBy}`) : '—'}
                      {p.vote && (
                        <Tag data-testid={TID.livelihoodVoteState} color={p.vote.chosen === null ? 'processing' : p.vote.chosen ? 'success' : 'default'}>
                          {t(`deliberation.livelihood.vote.state.${p.vote.chosen === null ? 'pending' : p.vote.chosen ? 'chosen' : 'notChosen'}`)}
                        </Tag>
                      )}
                    </Space>
                  ),
                },
                {
                  title: t('deliberation.meetings.actionTitle'),
                  key: 'actions',
                  render: (_, p) =>
                    p.actions.map((a) => (
                      <div key={a.id}>
                        <Link to={`/actions/${a.id}`}>{a.title}</Link> <ActionStatusTag status={a.status} overdue={a.overdue} />
                      </div>
                    )),
                },
              ]}
            />
          </Card>
        </Space>
      )}
      {voting && quarterId && list.data && <LivelihoodVoteModal quarterId={quarterId} list={list.data} onClose={() => setVoting(false)} />}
    </>
  );
}
