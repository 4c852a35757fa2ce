// The "码上办" tab of the quarter dossier: the board's short address, as the poster prints it,
// and the poster to download and put up in the lobby (given in ../index.ts; the server sends the
// section only to those who may print the poster).
import { Button, Card, Descriptions, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../api/client';
import { notifyError } from '../../../lib/feedback';
import type { DossierTabProps } from '../../module';
import type { BoardSectionData } from '../api';
import { TID } from '../testids';

export default function BoardSection({ section, dossier }: DossierTabProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const data = section?.data as BoardSectionData | undefined;
  if (!data) return null;
  // The poster prints the server's configured public address (GONGZHI_PUBLIC_URL) if it has
  // one; this tab shows the address the staff page itself was opened at.
  const url = `${window.location.origin}${data.path}`;
  const download = async () => {
    setBusy(true);
    try {
      await downloadFile(data.posterUrl, `码上办-${dossier.quarter.name}.pdf`);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      data-testid={TID.dossierBoard}
      title={t('board.subtitle')}
      extra={
        <Button type="primary" icon={<DownloadOutlined />} loading={busy} onClick={download} data-testid={TID.dossierBoardPoster}>
          {t('board.dossier.poster')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('board.dossier.intro')}</Typography.Paragraph>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('board.dossier.url')}>
          <Typography.Link href={data.path} target="_blank" copyable={{ text: url }} data-testid={TID.dossierBoardUrl}>
            {url}
          </Typography.Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('board.quarter.code')}>
          <Typography.Text strong>{data.code}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
