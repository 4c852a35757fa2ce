// /public/votes/:id — the public notice of a vote (no login): items, window, roll fingerprint,
// and once published the result with the record file to download and re-tally, and the
// receipt check.
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Skeleton, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../api/client';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { QueryError } from '../../components/QueryState';
import { notifyError } from '../../lib/feedback';
import { formatArea, formatCount } from '../../lib/format';
import { TID } from '../../testids';
import { usePublicVote } from './api';
import { formatWindow, MatterTag, ReceiptCheck, ResultTable, VoteStatusTag } from './shared';

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
          <Card>
            <Skeleton active />
          </Card>
        ) : (
          <>
            <Card>
              <Typography.Title level={4} style={{ marginTop: 0 }} data-testid={TID.voteTitle}>
                {v.title}
              </Typography.Title>
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 's', label: t('voting.col.status'), children: <VoteStatusTag status={v.status} /> },
                  { key: 'q', label: t('voting.detail.quarter'), children: v.quarterName },
                  { key: 'r', label: t('voting.detail.rule'), children: t(`voting.rule.${v.rule}`) },
                  { key: 'w', label: t('voting.detail.window'), children: <span className="gz-num">{formatWindow(v.opensAt, v.closesAt)}</span> },
                  { key: 'm', label: t('voting.detail.rollMembers'), children: <span className="gz-num">{formatCount(v.rollMembers)}</span> },
                  { key: 'a', label: t('voting.detail.rollArea'), children: <span className="gz-num">{formatArea(v.rollArea)}</span> },
                  {
                    key: 'f',
                    label: t('voting.detail.rollFingerprint'),
                    children: (
                      <Typography.Text code style={{ wordBreak: 'break-all' }}>
                        {v.rollFingerprint}
                      </Typography.Text>
                    ),
                  },
                ]}
              />
              <Typography.Title level={5}>{t('voting.detail.items')}</Typography.Title>
              {v.items.map((item) => (
                <div key={item.id} style={{ padding: '6px 0' }}>
                  <div>
                    {item.id}. {item.title}
                  </div>
                  <MatterTag matter={item.matter} article={item.article278Item} />
                </div>
              ))}
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 13 }}>
                {t('voting.public.noLogin')}
              </Typography.Paragraph>
            </Card>
            {v.result ? (
              <>
                <Card
                  title={t('voting.result.title')}
                  extra={
                    <Button data-testid={TID.voteDownload} icon={<DownloadOutlined />} onClick={() => downloadFile(`/api/votes/${v.id}/record`, `vote-record-${v.id}.json`).catch(notifyError)}>
                      {t('voting.detail.download')}
                    </Button>
                  }
                >
                  <ResultTable result={v.result} items={v.items} />
                </Card>
                <Card>
                  <ReceiptCheck voteId={v.id} />
                </Card>
              </>
            ) : (
              <Alert type="info" showIcon title={t('voting.public.notPublished')} />
            )}
          </>
        )}
      </main>
    </div>
  );
}
