// Pieces of the phone pages of cases (raise, follow), drawn without antd so that a visitor who
// scans the quarter's QR code loads little (components/plain.tsx; test/e2e/phone-weight.test.ts).
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PlainTag, type TagColor } from '../../../components/plain';
import type { CaseStatus } from '../api';
import { shanghaiMinute } from '../../../../core/dates';

/** A time in China Standard Time, 'YYYY-MM-DD HH:mm'. */
export function cst(at: string | Date | null | undefined): string {
  return at ? shanghaiMinute(new Date(at)) : '';
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

/**
 * The photos chosen, kept to the server's limits (type, size, count) before anything is sent.
 * A photo left out is named with the reason, and each chosen one can be taken out again. The
 * browser's own file button speaks the browser's language and says "no file chosen" beside a
 * chosen photo, so the input is hidden behind a button of the page's own words.
 */
export function PhotoPicker({ files, onChange, testId }: { files: File[]; onChange: (f: File[]) => void; testId: string }) {
  const { t } = useTranslation();
  const [refused, setRefused] = useState<string[]>([]);
  const full = files.length >= MAX_PHOTOS;
  const pick = (picked: File[]) => {
    const kept = [...files];
    const notes: string[] = [];
    for (const f of picked) {
      if (!ACCEPT.includes(f.type)) notes.push(t('cases.raise.photoType', { name: f.name }));
      else if (f.size > MAX_PHOTO_BYTES) notes.push(t('cases.raise.photoSize', { name: f.name }));
      else if (kept.length >= MAX_PHOTOS) notes.push(t('cases.raise.photoCount', { name: f.name, max: MAX_PHOTOS }));
      else kept.push(f);
    }
    setRefused(notes);
    onChange(kept);
  };
  return (
    <div className="gz-case-field">
      <span className="gz-case-label">{t('cases.raise.photos')}</span>
      <label className="gz-btn" style={{ position: 'relative', alignSelf: 'flex-start', opacity: full ? 0.5 : 1, cursor: full ? 'not-allowed' : 'pointer' }}>
        <input
          type="file"
          accept={ACCEPT.join(',')}
          multiple
          disabled={full}
          data-testid={testId}
          style={{ position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden' }}
          onChange={(e) => {
            pick(Array.from(e.target.files ?? []));
            e.target.value = '';
          }}
        />
        {t('cases.raise.addPhoto')}
      </label>
      {files.map((f, i) => (
        <span key={`${f.name}-${i}`} className="gz-secondary" style={{ fontSize: 14, display: 'flex', alignItems: 'center', gap: 8 }}>
          {f.name}
          <button
            type="button"
            className="gz-btn gz-btn-text gz-btn-sm"
            aria-label={t('cases.raise.removePhoto', { name: f.name })}
            onClick={() => {
              setRefused([]);
              onChange(files.filter((_, j) => j !== i));
            }}
          >
            {t('cases.raise.remove')}
          </button>
        </span>
      ))}
      {refused.map((note) => (
        <span key={note} role="alert" style={{ fontSize: 13, color: '#cf1322' }}>
          {note}
        </span>
      ))}
    </div>
  );
}
