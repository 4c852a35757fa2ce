// The owner's side of a vote, on a phone: the open votes of their quarter on /me, and at
// /me/votes/:id verify once (ID number + property certificate number) → choose every item →
// confirm → receipt code. After publication: the result and the receipt check.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Empty, Form, Input, Radio, Result, Skeleton, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CopyOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import { QueryError } from '../../../components/QueryState';
import { TID } from '../testids';
import { useMyVotes, usePublicVote, voteKeys, type Choice, type PublicVote, type Receipt, type VerifyAnswer } from '../api';
import { MatterTag, ReceiptCheck, ResultTable, shortTime, VoteStatusTag } from './shared';

const CHOICES: Choice[] = ['yes', 'no', 'abstain'];
const receiptKey = (voteId: string) => `gongzhi.receipt.${voteId}`;

function rememberedReceipt(voteId: string): string {
  try {
    return window.localStorage.getItem(receiptKey(voteId)) ?? '';
  } catch {
    return '';
  }
}

/** The card on /me: the votes of the owner's quarter, open ones first. */
export function OwnerVotesCard() {
  const { t } = useTranslation();
  const votes = useMyVotes();
  const list = [...(votes.data ?? [])].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'));
  return (
    <Card title={t('voting.owner.cardTitle')}>
      {votes.isPending ? (
        <Skeleton active />
      ) : votes.error ? (
        <Typography.Text type="secondary">{votes.error.message}</Typography.Text>
      ) : !list.some((v) => v.status === 'open') && !list.length ? (
        <Empty description={t('voting.owner.none')} />
      ) : (
        <div data-testid={TID.meVotes}>
          {list.slice(0, 5).map((v) => (
            <div key={v.id} className="gz-owner-unit" data-testid={TID.meVoteRow} data-vote-id={v.id} data-status={v.status}>
              <div style={{ minWidth: 0 }}>
                <div style={{ fontWeight: 600 }}>{v.title}</div>
                <div className="gz-muted" style={{ fontSize: 14 }}>
                  <VoteStatusTag status={v.status} />
                  {v.status === 'open' && t('voting.owner.closesAt', { date: shortTime(v.closesAt, true) })}
                  {v.voted && (
                    <Tag color="green" style={{ marginLeft: 4 }}>
                      {t('voting.owner.votedTag')}
                    </Tag>
                  )}
                </div>
              </div>
              <Link to={`/me/votes/${v.id}`}>
                <Button data-testid={TID.meVoteGo} type={v.status === 'open' && !v.voted ? 'primary' : 'default'} size="large">
                  {v.status === 'open' && !v.voted ? t('voting.owner.go') : t('voting.owner.view')}
                </Button>
              </Link>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

type Step =
  | { kind: 'verify' }
  | { kind: 'ballot'; token: string }
  | { kind: 'confirm'; token: string }
  | { kind: 'receipt'; receipt: Receipt }
  | { kind: 'refused'; message: string; receiptCode?: string };

export default function OwnerVotePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const vote = usePublicVote(id);
  if (vote.error) return <QueryError error={vote.error} onRetry={() => vote.refetch()} />;
  if (!vote.data)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  const v = vote.data;
  return (
    <>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid={TID.voteTitle}>
          {v.title}
        </Typography.Title>
        <div className="gz-muted" style={{ fontSize: 15 }}>
          <VoteStatusTag status={v.status} /> {shortTime(v.opensAt)} – {shortTime(v.closesAt, true)}
        </div>
      </Card>
      {v.status === 'open' ? (
        <Voting vote={v} />
      ) : v.status === 'published' && v.result ? (
        <>
          <Card title={t('voting.result.title')}>
            <ResultTable result={v.result} items={v.items} rule={v.rule} />
          </Card>
          <Card>
            <ReceiptCheck voteId={v.id} initial={rememberedReceipt(v.id)} />
          </Card>
        </>
      ) : (
        <Alert type="info" showIcon title={v.status === 'closed' ? t('voting.owner.resultPending') : t('voting.owner.notOpen')} />
      )}
    </>
  );
}

function Voting({ vote }: { vote: PublicVote }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>({ kind: 'verify' });
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const channel = (c: string) => t(`voting.turnout.channel.${c as 'online'}`);

  const verify = async (values: { idNumber: string; certificateNo: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<VerifyAnswer>(`/api/votes/${vote.id}/verify`, { idNumber: values.idNumber.trim(), certificateNo: values.certificateNo.trim() });
      if (r.alreadyVoted) {
        setStep({
          kind: 'refused',
          message: t('voting.owner.alreadyVoted', { time: shortTime(r.alreadyVoted.castAt), channel: channel(r.alreadyVoted.channel) }),
          receiptCode: r.alreadyVoted.receiptCode ?? undefined,
        });
      } else setStep({ kind: 'ballot', token: r.voterToken });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const cast = async (token: string) => {
    setBusy(true);
    setError(null);
    try {
      const receipt = await api.post<Receipt>(`/api/votes/${vote.id}/ballot`, { voterToken: token, choices });
      try {
        window.localStorage.setItem(receiptKey(vote.id), receipt.receiptCode);
      } catch {
        /* the receipt is still shown on screen */
      }
      setStep({ kind: 'receipt', receipt });
      void client.invalidateQueries({ queryKey: voteKeys.mine });
    } catch (err) {
      // A second ballot from any channel is refused by the server with its reason (409 ALREADY_VOTED).
      if (err instanceof ApiError && err.status === 409) setStep({ kind: 'refused', message: err.message });
      else setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  if (step.kind === 'verify') {
    return (
      <Card title={t('voting.owner.verifyTitle')}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 15 }}>
          {t('voting.owner.verifyHint')}
        </Typography.Paragraph>
        <Form layout="vertical" onFinish={verify} size="large">
          <Form.Item name="idNumber" label={t('voting.owner.idNumber')} rules={[{ required: true, whitespace: true, message: t('voting.form.required') }]}>
            <Input data-testid={TID.ownerVerifyId} autoComplete="off" maxLength={30} />
          </Form.Item>
          <Form.Item name="certificateNo" label={t('voting.owner.certificateNo')} rules={[{ required: true, whitespace: true, message: t('voting.form.required') }]}>
            <Input data-testid={TID.ownerVerifyCert} autoComplete="off" maxLength={80} placeholder={t('voting.owner.certificatePlaceholder')} />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Button data-testid={TID.ownerVerifySubmit} type="primary" htmlType="submit" block loading={busy}>
            {t('voting.owner.verify')}
          </Button>
        </Form>
      </Card>
    );
  }

  if (step.kind === 'ballot') {
    const complete = vote.items.every((i) => choices[i.id]);
    return (
      <Card title={t('voting.owner.ballotTitle')}>
        {vote.items.map((item) => (
          <div key={item.id} style={{ padding: '12px 0', borderBottom: '1px solid #eef0f3' }}>
            <div style={{ fontSize: 17, fontWeight: 600, marginBottom: 4 }}>
              {item.id}. {item.title}
            </div>
            <MatterTag matter={item.matter} article={item.article278Item} />
            <Radio.Group
              value={choices[item.id]}
              onChange={(e) => setChoices({ ...choices, [item.id]: e.target.value as Choice })}
              optionType="button"
              buttonStyle="solid"
              size="large"
              style={{ display: 'flex', marginTop: 8 }}
            >
              {CHOICES.map((c) => (
                <Radio.Button key={c} value={c} style={{ flex: 1, textAlign: 'center' }}>
                  {/* On the label, not the button: antd puts the button's own props on its hidden input. */}
                  <span data-testid={TID.ownerChoice(item.id, c)}>{t(`voting.choice.${c}`)}</span>
                </Radio.Button>
              ))}
            </Radio.Group>
          </div>
        ))}
        {!complete && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('voting.owner.incomplete')}
          </Typography.Paragraph>
        )}
        <Button data-testid={TID.ownerNext} type="primary" size="large" block disabled={!complete} style={{ marginTop: 12 }} onClick={() => setStep({ kind: 'confirm', token: step.token })}>
          {t('voting.owner.next')}
        </Button>
      </Card>
    );
  }

  if (step.kind === 'confirm') {
    return (
      <Card title={t('voting.owner.confirmTitle')} data-testid={TID.ownerConfirm}>
        {vote.items.map((item) => (
          <div key={item.id} className="gz-owner-unit">
            <span>
              {item.id}. {item.title}
            </span>
            <Tag color={choices[item.id] === 'yes' ? 'green' : choices[item.id] === 'no' ? 'red' : 'default'} style={{ fontSize: 16, padding: '2px 10px' }}>
              {t(`voting.choice.${choices[item.id]}`)}
            </Tag>
          </div>
        ))}
        <Alert type="warning" showIcon title={t('voting.owner.confirmHint')} style={{ margin: '12px 0' }} />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Button data-testid={TID.ownerConfirmSubmit} type="primary" size="large" block loading={busy} onClick={() => cast(step.token)}>
          {t('voting.owner.submit')}
        </Button>
        <Button size="large" block style={{ marginTop: 8 }} onClick={() => setStep({ kind: 'ballot', token: step.token })}>
          {t('voting.owner.edit')}
        </Button>
      </Card>
    );
  }

  if (step.kind === 'receipt') {
    return (
      <Card data-testid={TID.ownerReceipt}>
        <Result
          className="gz-receipt"
          status="success"
          icon={<CheckCircleOutlined />}
          title={t('voting.owner.receiptTitle')}
          subTitle={t('voting.owner.receiptHint')}
        >
          <div style={{ textAlign: 'center' }}>
            <div className="gz-muted">{t('voting.owner.receiptCode')}</div>
            <Typography.Text
              data-testid={TID.ownerReceiptCode}
              copyable={{ icon: <CopyOutlined />, tooltips: [t('voting.owner.copy'), t('voting.owner.copied')] }}
              className="gz-num gz-receipt-code"
              style={{ fontWeight: 700 }}
            >
              {step.receipt.receiptCode}
            </Typography.Text>
            <div className="gz-muted" style={{ marginTop: 8 }}>
              {t('voting.owner.castAt')} {shortTime(step.receipt.castAt)}
            </div>
          </div>
          {/* The code first, then the way out: the code is what the owner must keep. */}
          <Button size="large" block style={{ marginTop: 16 }} onClick={() => navigate('/me')}>
            {t('voting.owner.backHome')}
          </Button>
        </Result>
      </Card>
    );
  }

  return (
    <Card data-testid={TID.ownerRefused}>
      <Result
        className="gz-receipt"
        status="warning"
        title={t('voting.owner.refused')}
        subTitle={step.message}
        extra={
          <Button size="large" block onClick={() => navigate('/me')}>
            {t('voting.owner.backHome')}
          </Button>
        }
      >
        {step.receiptCode && (
          <div style={{ textAlign: 'center' }}>
            <div className="gz-muted">{t('voting.owner.receiptCode')}</div>
            <Typography.Text className="gz-num gz-receipt-code" style={{ fontWeight: 600 }}>
              {step.receiptCode}
            </Typography.Text>
          </div>
        )}
      </Result>
    </Card>
  );
}
