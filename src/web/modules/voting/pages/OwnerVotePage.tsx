// The owner's side of a vote, on a phone: the open votes of their quarter on /me, and at
// /me/votes/:id verify (ID number + property certificate number → one-time code to the phone on
// record) → choose every item → confirm → receipt code. Before the window: when it opens; after
// voting: 已投票, with the receipt code on the device that cast it. After publication: the
// result and the receipt check.
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Empty, Form, Input, Radio, Result, Skeleton, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CopyOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import { QueryError } from '../../../components/QueryState';
import { TID } from '../testids';
import { useMyVotes, usePublicVote, voteKeys, type Choice, type MyVote, type PublicVote, type Receipt, type VerifyAnswer, type VerifyCodeAnswer } from '../api';
import { MatterTag, ReceiptCheck, ResultTable, shortTime, VoteStatusTag } from './shared';
import { rememberedReceipt, rememberReceipt, Voted } from './OwnerVoted';

const CHOICES: Choice[] = ['yes', 'no', 'abstain'];
/** The card on /me: the votes of the owner's quarter, open ones first. */
export function OwnerVotesCard() {
  const { t } = useTranslation();
  const votes = useMyVotes();
  const list = [...(votes.data ?? [])].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'));
  const taking = (v: MyVote) => v.phase === 'open' && !v.voted;
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
                  <VoteStatusTag status={v.status} phase={v.phase} />
                  {v.phase === 'open' && t('voting.owner.closesAt', { date: shortTime(v.closesAt, true) })}
                  {v.phase === 'upcoming' && <span data-testid={TID.ownerStartsAt}>{t('voting.owner.startsAt', { date: shortTime(v.opensAt) })}</span>}
                  {v.voted && (
                    <Tag color="green" style={{ marginLeft: 4 }}>
                      {t('voting.owner.votedTag')}
                    </Tag>
                  )}
                </div>
              </div>
              <Link to={`/me/votes/${v.id}`}>
                <Button data-testid={TID.meVoteGo} type={taking(v) ? 'primary' : 'default'} size="large">
                  {taking(v) ? t('voting.owner.go') : t('voting.owner.view')}
                </Button>
              </Link>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

type Numbers = { idNumber: string; certificateNo: string };
type Step =
  | { kind: 'verify' }
  | { kind: 'code'; challengeId: string; phoneMasked: string; delivery: 'sms' | 'log'; resendAfter: number; numbers: Numbers }
  | { kind: 'ballot'; token: string }
  | { kind: 'confirm'; token: string }
  | { kind: 'receipt'; receipt: Receipt }
  | { kind: 'voted'; votedOn: string | null }
  | { kind: 'refused'; message: string; noPhone?: boolean };

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
          <VoteStatusTag status={v.status} phase={v.phase} /> {shortTime(v.opensAt)} – {shortTime(v.closesAt, true)}
        </div>
      </Card>
      {v.phase === 'open' ? (
        <Voting vote={v} />
      ) : v.phase === 'upcoming' ? (
        <NotYetOpen vote={v} />
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
        <>
          <Alert
            type="info"
            showIcon
            title={v.phase === 'ended' ? t('voting.owner.endedAt', { date: shortTime(v.closesAt, true) }) : v.status === 'closed' ? t('voting.owner.resultPending') : t('voting.owner.notOpen')}
          />
          <VotedIfSo voteId={v.id} />
        </>
      )}
    </>
  );
}

/** A vote published ahead of its window: when it opens, and what it asks; no form until then. */
function NotYetOpen({ vote }: { vote: PublicVote }) {
  const { t } = useTranslation();
  return (
    <Card>
      <Alert data-testid={TID.ownerStartsAt} type="info" showIcon title={t('voting.owner.startsAt', { date: shortTime(vote.opensAt) })} description={t('voting.owner.startsAtHint')} />
      {vote.items.map((item) => (
        <div key={item.id} style={{ padding: '10px 0', borderBottom: '1px solid #eef0f3' }}>
          <div style={{ fontSize: 16, fontWeight: 600, marginBottom: 4 }}>
            {item.id}. {item.title}
          </div>
          <MatterTag matter={item.matter} article={item.article278Item} />
        </div>
      ))}
    </Card>
  );
}

/** After the window, until the result is out: 已投票 (and the receipt on this device) if so. */
function VotedIfSo({ voteId }: { voteId: string }) {
  const mine = useMyVotes();
  const voted = rememberedReceipt(voteId) !== '' || mine.data?.some((m) => m.id === voteId && m.voted) === true;
  return voted ? <Voted voteId={voteId} votedOn={null} /> : null;
}

/**
 * Where the owner starts on an open vote: 已投票 when this device cast its ballot or the owner's
 * account shows the member has voted, the verification otherwise.
 */
function Voting({ vote }: { vote: PublicVote }) {
  const mine = useMyVotes();
  if (mine.isPending) return <Skeleton active />;
  const voted = rememberedReceipt(vote.id) !== '' || mine.data?.some((m) => m.id === vote.id && m.voted) === true;
  return <VotingSteps vote={vote} initial={voted ? { kind: 'voted', votedOn: null } : { kind: 'verify' }} />;
}

function VotingSteps({ vote, initial }: { vote: PublicVote; initial: Step }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>(initial);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // An owner the code cannot reach (no mobile number on record, no text messages on this
  // server) reads why and where to get a paper ballot, in place of the form.
  const refusedForGood = (err: unknown) => err instanceof ApiError && (err.code === 'VOTER_NO_PHONE' || err.code === 'VOTER_SMS_UNAVAILABLE');

  const verify = async (values: Numbers) => {
    setBusy(true);
    setError(null);
    const numbers = { idNumber: values.idNumber.trim(), certificateNo: values.certificateNo.trim() };
    try {
      const r = await api.post<VerifyAnswer>(`/api/votes/${vote.id}/verify`, numbers);
      if (r.step === 'voted') setStep({ kind: 'voted', votedOn: r.votedOn });
      else setStep({ kind: 'code', challengeId: r.challengeId, phoneMasked: r.phoneMasked, delivery: r.delivery, resendAfter: Date.now() + r.resendInSeconds * 1000, numbers });
    } catch (err) {
      if (refusedForGood(err)) setStep({ kind: 'refused', message: (err as ApiError).message, noPhone: (err as ApiError).code === 'VOTER_NO_PHONE' });
      else setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const confirmCode = async (challengeId: string, code: string) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<VerifyCodeAnswer>(`/api/votes/${vote.id}/verify/code`, { challengeId, code: code.trim() });
      if (r.step === 'voted') setStep({ kind: 'voted', votedOn: r.votedOn });
      else setStep({ kind: 'ballot', token: r.voterToken });
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
      rememberReceipt(vote.id, receipt);
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
          {error && <Alert data-testid={TID.ownerVerifyError} type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Button data-testid={TID.ownerVerifySubmit} type="primary" htmlType="submit" block loading={busy}>
            {t('voting.owner.verify')}
          </Button>
        </Form>
      </Card>
    );
  }

  if (step.kind === 'code') {
    return (
      <CodeStep
        step={step}
        busy={busy}
        error={error}
        onSubmit={(code) => confirmCode(step.challengeId, code)}
        onResend={() => verify(step.numbers)}
      />
    );
  }

  if (step.kind === 'voted') return <Voted voteId={vote.id} votedOn={step.votedOn} />;

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
        // No phone on record is not a refusal: the message says how to vote (have it recorded, or on paper).
        status={step.noPhone ? 'info' : 'warning'}
        title={step.noPhone ? t('voting.owner.noPhone') : t('voting.owner.refused')}
        subTitle={step.message}
        extra={
          <Button size="large" block onClick={() => navigate('/me')}>
            {t('voting.owner.backHome')}
          </Button>
        }
      />
    </Card>
  );
}

/** The one-time code sent to the owner's phone on record, with a resend once the wait is over. */
function CodeStep({ step, busy, error, onSubmit, onResend }: { step: Extract<Step, { kind: 'code' }>; busy: boolean; error: string | null; onSubmit: (code: string) => void; onResend: () => void }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const wait = Math.max(0, Math.ceil((step.resendAfter - now) / 1000));
  return (
    <Card title={t('voting.owner.codeTitle')}>
      <Typography.Paragraph data-testid={TID.ownerCodeSent} style={{ fontSize: 16 }}>
        {t('voting.owner.codeSent', { phone: step.phoneMasked })}
      </Typography.Paragraph>
      {step.delivery === 'log' && <Alert data-testid={TID.ownerCodeInLog} type="info" showIcon title={t('voting.owner.codeInLog')} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" size="large" onFinish={(values: { code: string }) => onSubmit(values.code)}>
        <Form.Item name="code" label={t('voting.owner.codeLabel')} rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('voting.owner.codeRule') }]}>
          <Input data-testid={TID.ownerCodeInput} inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ letterSpacing: 6, fontSize: 22 }} />
        </Form.Item>
        {error && <Alert data-testid={TID.ownerCodeError} type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Button data-testid={TID.ownerCodeSubmit} type="primary" htmlType="submit" block loading={busy}>
          {t('voting.owner.codeSubmit')}
        </Button>
      </Form>
      <Button data-testid={TID.ownerCodeResend} block size="large" style={{ marginTop: 8 }} disabled={wait > 0 || busy} onClick={onResend}>
        {wait > 0 ? t('voting.owner.resendIn', { seconds: wait }) : t('voting.owner.resend')}
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('voting.owner.codeHint')}
      </Typography.Paragraph>
    </Card>
  );
}
