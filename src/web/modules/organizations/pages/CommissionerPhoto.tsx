// The commissioner's photo in the dossier's organisations tab (T/ZAS 4006.1—2020 6.1.3.5: 公开小区
// 专员信息，信息宜包含姓名、联系方式、照片): shown beside the record, and uploaded by the offices
// that keep it. A phone's photo is drawn down to a portrait of at most 480 × 640 in the browser
// before it is sent, since the public board loads it on every visit; the server checks the content.
import { Button, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { notifyError, notifySuccess } from '../../../lib/feedback';
import { TID } from '../testids';

const MAX_W = 480;
const MAX_H = 640;

/** The photo as a JPEG of at most MAX_W × MAX_H, or the file itself when the browser cannot draw it (the server then names why). */
async function scaledDown(file: File): Promise<Blob> {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_W / bitmap.width, MAX_H / bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    return blob ?? file;
  } catch {
    return file;
  }
}

export function CommissionerPhoto({ commissionerId, name, photoUrl, mayUpload, quarterId }: { commissionerId: string; name: string; photoUrl: string | null; mayUpload: boolean; quarterId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const send = async (file: File) => {
    const form = new FormData();
    form.append('file', await scaledDown(file), 'photo.jpg');
    await api.upload<{ photoUrl: string }>(`/api/commissioners/${commissionerId}/photo`, form);
    notifySuccess(t('organizations.commissioner.photoSaved'));
    void client.invalidateQueries({ queryKey: ['organizations'] });
    void client.invalidateQueries({ queryKey: ['quarter', quarterId, 'dossier'] });
  };
  return (
    <Space align="center" style={{ marginBottom: 8 }}>
      {photoUrl ? (
        <a href={photoUrl} target="_blank" rel="noreferrer">
          <img src={photoUrl} width={48} height={64} style={{ objectFit: 'cover', borderRadius: 4, display: 'block' }} alt={t('organizations.commissioner.photoAlt', { name })} data-testid={TID.orgCommissionerPhoto} />
        </a>
      ) : (
        <Typography.Text type="secondary">{t('organizations.commissioner.noPhoto')}</Typography.Text>
      )}
      {mayUpload && (
        <Upload
          accept="image/jpeg,image/png,image/webp"
          showUploadList={false}
          beforeUpload={(file) => {
            send(file).catch(notifyError);
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} data-testid={TID.orgCommissionerPhotoUpload} title={t('organizations.commissioner.photoHint')}>
            {t(photoUrl ? 'organizations.commissioner.photoReplace' : 'organizations.commissioner.photoUpload')}
          </Button>
        </Upload>
      )}
    </Space>
  );
}
