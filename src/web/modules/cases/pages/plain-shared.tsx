// Pieces of the phone pages of cases (raise, follow), drawn without antd so that a visitor who
// scans the quarter's QR code loads little (components/plain.tsx; test/e2e/phone-weight.test.ts).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PlainTag, type TagColor } from '../../../components/plain';
import type { CaseStatus } from '../api';

/** A time in China Standard Time, 'YYYY-MM-DD HH:mm'. */
export function cst(at: string | Date | null | undefined): string {
  if (!at) return '';
  const d = new Date(new Date(at).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

const STATUS_COLOR: Record<CaseStatus, TagColor> = {
  received: 'default',
  acknowledged: 'blue',
  assigned: 'processing',
  in_progress: 'processing',
  replied: 'warning',
  reopened: 'error',
  closed: 'success',
};

export function CaseStatusTag({ status, testId }: { status: CaseStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <PlainTag color={STATUS_COLOR[status]} {...(testId ? { 'data-testid': testId, 'data-status': status } : {})}>
      {t(`cases.status.${status}`)}
    </PlainTag>
  );
}

export function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <label className="gz-case-field">
      <span className="gz-case-label">{label}</span>
      {children}
      {hint && <span className="gz-secondary" style={{ fontSize: 13 }}>{hint}</span>}
    </label>
  );
}

const ACCEPT = ['image/jpeg', 'image/png', 'image/webp'];
export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** The photos chosen, kept to the server's limits (type, size, count) before anything is sent. */
export function PhotoPicker({ files, onChange, testId }: { files: File[]; onChange: (f: File[]) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Field label={t('cases.raise.photos')}>
      <input
        type="file"
        accept={ACCEPT.join(',')}
        multiple
        data-testid={testId}
        onChange={(e) => {
          const picked = Array.from(e.target.files ?? []).filter((f) => ACCEPT.includes(f.type) && f.size <= MAX_PHOTO_BYTES);
          onChange([...files, ...picked].slice(0, MAX_PHOTOS));
          e.target.value = '';
        }}
      />
      {files.length > 0 && (
        <span className="gz-secondary" style={{ fontSize: 13 }}>
          {files.map((f) => f.name).join('、')}
        </span>
      )}
    </Field>
  );
}
