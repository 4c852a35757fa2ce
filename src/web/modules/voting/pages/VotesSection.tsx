// The "业主大会表决" tab of the quarter dossier: the quarter's votes (given in ../index.ts).
import { useState } from 'react';
import { Button, Card, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../../auth/session';
import type { DossierTabProps } from '../../module';
import { TID } from '../testids';
import { useRunsVotes, useVotePage } from '../api';
import { VOTE_PAGE_SIZE, VoteTable } from './VoteListPage';

export default function VotesSection({ quarterId, user }: DossierTabProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const votes = useVotePage(quarterId, { page, pageSize: VOTE_PAGE_SIZE });
  const runsVotes = useRunsVotes(quarterId);
  const manager = hasPermission(user, 'votes.manage');
  return (
    <Card
      data-testid={TID.dossierVotes}
      extra={
        manager && runsVotes.data === true ? (
          <Button icon={<PlusOutlined />} onClick={() => navigate(`/votes/new?quarterId=${quarterId}`)}>
            {t('voting.create')}
          </Button>
        ) : manager && runsVotes.data === false ? (
          // The community office, where a committee is in office: say why there is no button.
          <Tooltip title={t('voting.form.committeeRuns')}>
            <Typography.Text type="secondary" data-testid={TID.dossierVotesNotOurs}>
              {t('voting.committeeRunsShort')}
            </Typography.Text>
          </Tooltip>
        ) : null
      }
    >
      <VoteTable votes={votes.data?.items} total={votes.data?.total} page={page} onPage={setPage} loading={votes.isPending} hideQuarter />
    </Card>
  );
}
