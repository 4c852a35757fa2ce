// The owner's home page card that leads to reporting a problem and following one's reports.
import { Button, Card, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { TID } from '../testids';

export default function OwnerCasesCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card title={t('cases.raise.title')}>
      <Typography.Paragraph type="secondary">{t('cases.raise.intro')}</Typography.Paragraph>
      <Button type="primary" block size="large" data-testid={TID.ownerCasesLink} onClick={() => navigate('/me/cases')}>
        {t('cases.raise.title')} · {t('cases.raise.mine')}
      </Button>
    </Card>
  );
}
