// The evidence of an action's reports (T/ZAS 4006.1—2020 6.1.6): the files chosen before a
// report is sent, kept to the server's limits, and the files of each report (photos shown, the
// documents to download).
import { useRef, useState } from 'react';
import { Button, Image, Space, Tag, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { TID } from '../testids';
import type { ActionDetail } from '../api';

type EvidenceFile = ActionDetail['updates'][number]['files'][number];

const MB = 1024 * 1024;
const PHOTOS = ['image/jpeg', 'image/png', 'image/webp'];
const DOCUMENTS = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];
/** The server's limits (server/modules/deliberation/evidence.ts); the server judges the content again. */
export const EVIDENCE_MAX_COUNT = 5;
const maxBytes = (f: File) => (PHOTOS.includes(f.type) ? 5 * MB : 10 * MB);

export function EvidencePicker({ files, onChange }: { files: File[]; onChange: (f: File[]) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<string[]>([]);
  const pick = (picked: File[]) => {
    const kept = [...files];
    const notes: string[] = [];
    for (const f of picked) {
      if (![...PHOTOS, ...DOCUMENTS].includes(f.type)) notes.push(t('deliberation.actions.fileType', { name: f.name }));
      else if (f.size > maxBytes(f)) notes.push(t('deliberation.actions.fileSize', { name: f.name, mb: maxBytes(f) / MB }));
      else if (kept.length >= EVIDENCE_MAX_COUNT) notes.push(t('deliberation.actions.fileCount', { name: f.name, max: EVIDENCE_MAX_COUNT }));
      else kept.push(f);
    }
    setRefused(notes);
    onChange(kept);
  };
  return (
    <Space direction="vertical" size={4}>
      <Space wrap>
        <Button icon={<PaperClipOutlined />} disabled={files.length >= EVIDENCE_MAX_COUNT} onClick={() => input.current?.click()}>
          {t('deliberation.actions.attach')}
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          accept={[...PHOTOS, ...DOCUMENTS].join(',')}
          data-testid={TID.actionFiles}
          onChange={(e) => {
            pick([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        {files.map((f, i) => (
          <Tag key={`${f.name}-${i}`} closable onClose={() => onChange(files.filter((_, j) => j !== i))}>
            {f.name}
          </Tag>
        ))}
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('deliberation.actions.fileHint', { max: EVIDENCE_MAX_COUNT })}
      </Typography.Text>
      {refused.map((r) => (
        <Typography.Text key={r} type="danger" style={{ fontSize: 12 }}>
          {r}
        </Typography.Text>
      ))}
    </Space>
  );
}

export function EvidenceList({ actionId, files }: { actionId: string; files: EvidenceFile[] }) {
  if (!files.length) return null;
  const href = (f: EvidenceFile) => `/api/actions/${actionId}/files/${f.id}`;
  const photos = files.filter((f) => f.kind === 'photo');
  const documents = files.filter((f) => f.kind === 'document');
  return (
    <Space direction="vertical" size={4} data-testid={TID.actionEvidenceFiles} style={{ marginTop: 6 }}>
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap>
            {photos.map((f) => (
              <span key={f.id} data-testid={TID.actionEvidencePhoto}>
                <Image src={href(f)} alt={f.name} width={96} height={72} style={{ objectFit: 'cover', borderRadius: 4 }} />
              </span>
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {documents.map((f) => (
        <a key={f.id} href={href(f)} download={f.name} data-testid={TID.actionEvidenceDocument}>
          <PaperClipOutlined /> {f.name}（{Math.max(1, Math.round(f.size / 1024))} KB）
        </a>
      ))}
    </Space>
  );
}
