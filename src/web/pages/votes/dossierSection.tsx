// Registers the "业主大会表决" tab of the quarter dossier: the quarter's votes. The server sends
// the section 'votes' to those who may read votes (src/server/modules/voting/dossier.ts).
import { Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import i18n from '../../i18n';
import { hasPermission } from '../../auth/session';
import { registerDossierSection, type DossierTabProps } from '../dossier/registry';
import { TID } from '../../testids';
import { useVotes } from './api';
import { VoteTable } from './VoteListPage';

function VotesSection({ quarterId, user }: DossierTabProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const votes = useVotes(quarterId);
  return (
    <Card
      data-testid={TID.dossierVotes}
      extra={
        hasPermission(user, 'votes.manage') && (
          <Button icon={<PlusOutlined />} onClick={() => navigate(`/votes/new?quarterId=${quarterId}`)}>
            {t('voting.create')}
          </Button>
        )
      }
    >
      <VoteTable votes={votes.data} loading={votes.isPending} hideQuarter />
    </Card>
  );
}

registerDossierSection({ key: 'votes', order: 200, label: () => i18n.t('voting.tab'), component: VotesSection });
