// The form that raises a case from a phone: the category, what is wrong, where, photos. Without
// an account (the quarter's QR code) it also proves the phone by a one-time code; an owner's
// account raises it directly. Drawn without antd (plain-shared.tsx).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { PlainAlert, PlainButton } from '../../../components/plain';
import { PlainInput } from '../../../components/PlainInput';
import { TID } from '../testids';
import { confirmPhoneCode, raisePublicCase, sendPhoneCode, uploadCasePhoto, uploadPublicPhoto, type PhoneCodeAnswer } from '../api';
import { Field, PhotoPicker } from './plain-shared';

export interface RaiseFormProps {
  quarterId: string;
  categories: { code: string; name: string; handlerLabel?: string }[];
  /** 'public': prove the phone first; 'owner': raised from the owner's account. */
  mode: 'public' | 'owner';
  /** The owner's account raises through POST /api/cases. */
  createOwnerCase?: (body: { quarterId: string; category: string; description: string; location: string | null }) => Promise<{ id: string; trackingCode: string }>;
  onDone: (trackingCode: string) => void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function RaiseForm({ quarterId, categories, mode, createOwnerCase, onDone }: RaiseFormProps) {
  const { t } = useTranslation();
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const [location, setLocation] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [challenge, setChallenge] = useState<PhoneCodeAnswer | null>(null);
  const [wait, setWait] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (wait <= 0) return;
    const timer = window.setTimeout(() => setWait((w) => w - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [wait]);

  const askCode = async () => {
    setError(null);
    try {
      const answer = await sendPhoneCode(quarterId, phone);
      setChallenge(answer);
      setWait(answer.resendInSeconds);
    } catch (e) {
      setError(message(e));
    }
  };

  const submit = async () => {
    setError(null);
    setBusy(true);
    try {
      let trackingCode: string;
      const failed: string[] = [];
      if (mode === 'public') {
        if (!challenge) return;
        const { raiseToken } = await confirmPhoneCode(quarterId, challenge.challengeId, code.trim());
        trackingCode = (await raisePublicCase(quarterId, { raiseToken, phone, category, description, location: location || null })).trackingCode;
        for (const f of photos) await uploadPublicPhoto(trackingCode, f).catch((e: unknown) => failed.push(t('cases.raise.photoFailed', { name: f.name, message: message(e) })));
      } else {
        const created = await createOwnerCase!({ quarterId, category, description, location: location || null });
        trackingCode = created.trackingCode;
        for (const f of photos) await uploadCasePhoto(created.id, f).catch((e: unknown) => failed.push(t('cases.raise.photoFailed', { name: f.name, message: message(e) })));
      }
      if (failed.length) setError(failed.join('；'));
      onDone(trackingCode);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : message(e));
    } finally {
      setBusy(false);
    }
  };

  const ready = category && description.trim().length >= 2 && (mode === 'owner' || (challenge && /^\d{6}$/.test(code.trim())));
  return (
    <div>
      <Field label={t('cases.raise.category')}>
        <select className="gz-input" data-testid={TID.raiseCategory} value={category} onChange={(e) => setCategory(e.target.value)}>
          <option value="">{t('cases.raise.choose')}</option>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('cases.raise.description')} hint={t('cases.raise.descriptionHint')}>
        <textarea className="gz-input" data-testid={TID.raiseDescription} maxLength={2000} value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      <Field label={t('cases.raise.location')}>
        <PlainInput data-testid={TID.raiseLocation} maxLength={200} value={location} onChange={(e) => setLocation(e.target.value)} />
      </Field>
      <PhotoPicker files={photos} onChange={setPhotos} testId={TID.raisePhoto} />
      {mode === 'public' && (
        <>
          <Field label={t('cases.raise.phone')} hint={challenge ? t('cases.raise.codeSent', { phone: challenge.phoneMasked }) : t('cases.raise.phoneHint')}>
            <div style={{ display: 'flex', gap: 8 }}>
              <PlainInput data-testid={TID.raisePhone} inputMode="tel" maxLength={20} value={phone} onChange={(e) => setPhone(e.target.value)} style={{ flex: 1 }} />
              <PlainButton data-testid={TID.raiseSendCode} disabled={wait > 0 || phone.trim().length < 11} onClick={askCode}>
                {wait > 0 ? t('cases.raise.resend', { s: wait }) : t('cases.raise.sendCode')}
              </PlainButton>
            </div>
          </Field>
          {challenge && (
            <Field label={t('cases.raise.code')}>
              <PlainInput data-testid={TID.raiseCode} inputMode="numeric" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} />
            </Field>
          )}
        </>
      )}
      {error && <PlainAlert type="error" title={error} style={{ marginBottom: 12 }} />}
      <PlainButton type="primary" className="gz-btn-block" data-testid={TID.raiseSubmit} disabled={!ready} loading={busy} onClick={submit}>
        {t('cases.raise.submit')}
      </PlainButton>
    </div>
  );
}
