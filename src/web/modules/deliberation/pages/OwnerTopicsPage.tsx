// 小区议事 on the owner's phone (390 px): the quarter's topics with their stage, co-signing until
// 20% of the owners and of the area support a topic (DB3305/T 309—2024 5.1.3.2.1.3), raising a
// topic, and rating the decisions carried out (满意 / 基本满意 / 不满意, 5.1.3.2.1.5).
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Empty, Input, Radio, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useCurrentUser } from '../../../auth/session';
import { formatArea } from '../../../lib/format';
import { TID } from '../testids';
import { RATINGS, useAction, useActions, useDeliberationMutation, useProposal, useProposals, type ActionSummary, type CosignAnswer, type ProposalSummary, type Rating } from '../api';
import { ActionStatusTag, StageTag, SupportBars } from './shared';

export default function OwnerTopicsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const quarterId = user.quarterId ?? user.scope.id;
  const proposals = useProposals(quarterId);
  const actions = useActions(quarterId);
  const [title, setTitle] = useState('');
  const raise = useDeliberationMutation(() => api.post('/api/proposals', { quarterId, title }));
  return (
    <>
      <Card title={t('deliberation.owner.title')}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 14 }}>
          {t('deliberation.owner.intro')}
        </Typography.Paragraph>
        <Input.TextArea data-testid={TID.ownerRaiseTitle} rows={2} maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('deliberation.form.title')} />
        <Button
          data-testid={TID.ownerRaise}
          block
          size="large"
          style={{ marginTop: 8 }}
          disabled={!title.trim()}
          loading={raise.isPending}
          onClick={async () => {
            await raise.mutateAsync(undefined);
            setTitle('');
          }}
        >
          {t('deliberation.owner.raise')}
        </Button>
      </Card>
      <div data-testid={TID.ownerTopics}>
        {proposals.isPending ? (
          <Skeleton active />
        ) : !proposals.data?.length ? (
          <Empty description={t('deliberation.proposals.none')} />
        ) : (
          proposals.data.map((p) => <TopicCard key={p.id} p={p} />)
        )}
      </div>
      <Card title={t('deliberation.owner.actions')} data-testid={TID.ownerActions}>
        {!actions.data?.length ? <Empty description={t('deliberation.actions.none')} /> : actions.data.map((a) => <ActionRow key={a.id} a={a} />)}
      </Card>
      <Link to="/me">{t('deliberation.owner.back')}</Link>
    </>
  );
}

function TopicCard({ p }: { p: ProposalSummary }) {
  const { t } = useTranslation();
  // The detail is read only where the owner can act: a quarter's topic (its support, co-signing)
  // and a building's posted result (rating).
  const detail = useProposal(p.id, p.stage === 'topic' || (!!p.buildingId && p.stage === 'published'));
  const cosign = useDeliberationMutation(() => api.post<CosignAnswer>(`/api/proposals/${p.id}/cosign`));
  const d = detail.data;
  const short = d ? { members: Math.max(0, Math.ceil(d.support.membersTotal / 5) - d.support.members), area: Math.max(0, Math.ceil(d.support.areaTotal / 5) - d.support.area) } : null;
  return (
    <Card size="small" style={{ marginTop: 12 }} data-testid={TID.ownerTopic} data-proposal-id={p.id} data-stage={p.stage}>
      <div style={{ fontWeight: 600, fontSize: 16 }}>{p.title}</div>
      <div className="gz-muted" style={{ fontSize: 13, margin: '4px 0' }}>
        <StageTag stage={p.stage} /> {p.buildingName && `${p.buildingName} · `}
        {t(`deliberation.channel.${p.channel}`)} · {p.raisedByName}
      </div>
      {d?.myRating && <div data-testid={TID.ownerMyRating}>{t('deliberation.actions.myRating', { rating: t(`deliberation.rating.${d.myRating}`) })}</div>}
      {d?.mayRate && <TopicRating id={p.id} />}
      {p.stage === 'topic' && !p.buildingId && d && (
        <>
          <SupportBars support={d.support} testId={TID.ownerSupport} />
          {short && (short.members > 0 || short.area > 0) && (
            <div style={{ fontSize: 13 }}>{t('deliberation.owner.toProposal', { members: short.members, area: formatArea(short.area) })}</div>
          )}
          <Button
            data-testid={TID.ownerCosign}
            type={d.cosignedByMe ? 'default' : 'primary'}
            block
            size="large"
            style={{ marginTop: 8 }}
            disabled={d.cosignedByMe}
            loading={cosign.isPending}
            onClick={() => cosign.mutate(undefined)}
          >
            {d.cosignedByMe ? t('deliberation.owner.cosigned') : t('deliberation.owner.cosign')}
          </Button>
        </>
      )}
    </Card>
  );
}

/** A household rates its building's posted result (5.1.3.2.2.7). */
function TopicRating({ id }: { id: string }) {
  const { t } = useTranslation();
  const [rating, setRating] = useState<Rating>('satisfied');
  const rate = useDeliberationMutation(() => api.post(`/api/proposals/${id}/rating`, { rating }));
  return (
    <div style={{ marginTop: 8 }}>
      <Radio.Group data-testid={TID.ownerTopicRating} value={rating} onChange={(e) => setRating(e.target.value)} options={RATINGS.map((r) => ({ value: r, label: t(`deliberation.rating.${r}`) }))} />
      <Button data-testid={TID.ownerTopicRate} block size="large" style={{ marginTop: 8 }} loading={rate.isPending} onClick={() => rate.mutate(undefined)}>
        {t('deliberation.detail.rate')}
      </Button>
    </div>
  );
}

function ActionRow({ a }: { a: ActionSummary }) {
  const { t } = useTranslation();
  const detail = useAction(a.id);
  const [rating, setRating] = useState<Rating>('satisfied');
  const [comment, setComment] = useState('');
  const rate = useDeliberationMutation(() => api.post(`/api/actions/${a.id}/rating`, { rating, comment: comment || undefined }));
  const d = detail.data;
  return (
    <div className="gz-owner-unit" style={{ display: 'block' }} data-testid={TID.ownerAction} data-action-id={a.id}>
      <div style={{ fontWeight: 600 }}>{a.title}</div>
      <div style={{ fontSize: 13 }}>
        <ActionStatusTag status={a.status} overdue={a.overdue} /> {t('deliberation.meetings.dueDate')} {a.dueDate}
      </div>
      {d?.myRating && <div data-testid={TID.ownerMyRating}>{t('deliberation.actions.myRating', { rating: t(`deliberation.rating.${d.myRating}`) })}</div>}
      {d?.mayRate && (
        <div style={{ marginTop: 8 }}>
          <Radio.Group data-testid={TID.ownerRating} value={rating} onChange={(e) => setRating(e.target.value)} options={RATINGS.map((r) => ({ value: r, label: t(`deliberation.rating.${r}`) }))} />
          <Input data-testid={TID.ownerRatingComment} style={{ marginTop: 8 }} placeholder={t('deliberation.actions.comment')} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={1000} />
          <Button data-testid={TID.ownerRate} type="primary" block size="large" style={{ marginTop: 8 }} loading={rate.isPending} onClick={() => rate.mutate(undefined)}>
            {t('deliberation.actions.rate')}
          </Button>
        </div>
      )}
    </div>
  );
}

/** The link on the owner's home page (/me). */
export function OwnerTopicsLink() {
  const { t } = useTranslation();
  return (
    <Card size="small">
      <Link data-testid={TID.ownerTopicsLink} to="/me/topics">
        {t('deliberation.owner.cardLink')}
      </Link>
    </Card>
  );
}
