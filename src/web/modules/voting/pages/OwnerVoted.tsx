// 已投票 on the owner's vote page (issue 10 point 6), and the receipt code kept on the device
// that cast the ballot: the server answers it once, at the cast, and never to a second
// verification (issue 11 point 3).
import { Button, Card, Result, Typography } from 'antd';
import { CheckCircleOutlined, CopyOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { TID } from '../testids';
import type { Receipt } from '../api';
import { shortTime } from './shared';

const receiptKey = (voteId: string) => `gongzhi.receipt.${voteId}`;
const castAtKey = (voteId: string) => `gongzhi.receipt.${voteId}.castAt`;

/**
 * The receipt code of a ballot cast on this device. The server shows it once, at the cast, and
 * never again (issue 11 point 3): whoever holds the two numbers could ask for it otherwise.
 */
export function rememberedReceipt(voteId: string): string {
  try {
    return window.localStorage.getItem(receiptKey(voteId)) ?? '';
  } catch {
    return '';
  }
}

function rememberedCastAt(voteId: string): string | null {
  try {
    return window.localStorage.getItem(castAtKey(voteId));
  } catch {
    return null;
  }
}

export function rememberReceipt(voteId: string, receipt: Receipt) {
  try {
    window.localStorage.setItem(receiptKey(voteId), receipt.receiptCode);
    window.localStorage.setItem(castAtKey(voteId), receipt.castAt);
  } catch {
    /* the receipt is still shown on screen */
  }
}

/**
 * 已投票: the day when the server said it, and the receipt code when this device cast the
 * ballot (the server never answers it again), with how to find it in the published record.
 */
export function Voted({ voteId, votedOn }: { voteId: string; votedOn: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const receipt = rememberedReceipt(voteId);
  const castAt = rememberedCastAt(voteId);
  const day = votedOn ?? (castAt ? shortTime(castAt).slice(0, 10) : null);
  return (
    <Card data-testid={TID.ownerVoted}>
      <Result
        className="gz-receipt"
        status="success"
        icon={<CheckCircleOutlined />}
        title={t('voting.owner.votedTitle')}
        subTitle={day ? t('voting.owner.votedOn', { date: day }) : t('voting.owner.voted')}
      >
        <div style={{ textAlign: 'center' }}>
          {receipt ? (
            <>
              <div className="gz-muted">{t('voting.owner.votedHere')}</div>
              <Typography.Text
                data-testid={TID.ownerVotedReceipt}
                copyable={{ icon: <CopyOutlined />, tooltips: [t('voting.owner.copy'), t('voting.owner.copied')] }}
                className="gz-num gz-receipt-code"
                style={{ fontWeight: 700 }}
              >
                {receipt}
              </Typography.Text>
              {castAt && (
                <div className="gz-muted" style={{ marginTop: 8 }}>
                  {t('voting.owner.castAt')} {shortTime(castAt)}
                </div>
              )}
            </>
          ) : (
            <Typography.Paragraph type="secondary">{t('voting.owner.receiptOnlyAtCast')}</Typography.Paragraph>
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, textAlign: 'left' }}>
            {t('voting.owner.receiptHowTo')}
          </Typography.Paragraph>
        </div>
        <Button size="large" block style={{ marginTop: 8 }} onClick={() => navigate('/me')}>
          {t('voting.owner.backHome')}
        </Button>
      </Result>
    </Card>
  );
}
