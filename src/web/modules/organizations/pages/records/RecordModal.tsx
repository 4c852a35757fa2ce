// The frame every record form of the organisations tab shares (RecordModal), the clauses
// each form is about, and the helpers the forms use. Every form is a modal of the same shape: a
// refused save (422) lists every violated rule with its clause, and a save that went through
// with warnings shows them before the modal closes.
import { useState, type ReactNode } from 'react';
import { Alert, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../api/client';
import { TID } from '../../testids';
import { useOrganizations, useRulesInForce, violationsOf, type CheckItem, type Violation } from '../../api';
import { Citation, ViolationList, WarningList } from '../shared';
import { shanghaiDate } from '../../../../../core/dates';

export const todayIso = () => shanghaiDate();

/**
 * The clauses each form is about, shown under its title. The same texts as the server's
 * citations (src/core/policy/citations.ts) under the default pack; forms backed by a rule show
 * the clauses of the quarter's pack instead once the rules have loaded (useClause). The
 * refusals themselves come with the server's own.
 */
export const CLAUSE = {
  commissioner: 'T/ZAS 4006.1—2020 5.3.1',
  contract: 'T/ZAS 4006.1—2020 5.5.2',
  party: 'T/ZAS 4006.1—2020 5.1.2；百委〔2023〕37号 二（四）11',
  removal: '百委〔2023〕37号 二（二）7',
  training: '百委〔2023〕37号 二（二）7',
  appraisal: '百委〔2023〕37号 二（二）7',
  // DB3305/T 309—2024: 3.2 defines the supervisory committee, 3.4 the building leader; 4.1 sends
  // the work of each body to annex A (A.3 supervisory committee, A.5 social organisations, A.6
  // the other teams: grids, building leaders, volunteers), as the server's module cites them.
  supervisory: 'DB3305/T 309—2024 3.2、A.3',
  grids: 'DB3305/T 309—2024 4.1、A.6',
  'building-leaders': 'DB3305/T 309—2024 3.4、A.6',
  'social-organizations': 'DB3305/T 309—2024 A.5',
  volunteers: 'DB3305/T 309—2024 A.6',
} as const;

/**
 * The rule behind a form, whose citations differ from pack to pack (BG cites its own 二（一）2 for
 * the commissioner, HN its half-yearly appraisal). A member's removal has none of its own: the
 * appraisal rule's clauses would not be about removal under every pack.
 */
export const CLAUSE_RULE: Partial<Record<keyof typeof CLAUSE, string>> = {
  commissioner: 'commissioner-assigned',
  contract: 'single-property-company',
  party: 'party-organization-required',
  training: 'committee-training-yearly',
  appraisal: 'committee-appraisal',
};

/**
 * The clause shown under a form's title: the citations of its rule in the quarter's pack, from
 * the rules in force for the caller's district, so long as that is the quarter's pack too;
 * otherwise, and while the rules load, the default pack's.
 */
export function useClause(quarterId: string, key: keyof typeof CLAUSE): string {
  const rules = useRulesInForce();
  const orgs = useOrganizations(quarterId);
  const ruleId = CLAUSE_RULE[key];
  if (!ruleId || !rules.data || rules.data.pack.id !== orgs.data?.pack) return CLAUSE[key];
  const texts = [...new Set(rules.data.rules.find((r) => r.id === ruleId)?.citations.map((c) => c.text) ?? [])];
  return texts.length ? texts.join('；') : CLAUSE[key];
}

export const selectionMethods = ['tender', 'direct', 'assembly-vote'] as const;
export const partyForms = ['branch', 'general-branch', 'party-committee', 'joint-branch', 'attached'] as const;
export const ratings = ['excellent', 'competent', 'basically-competent', 'incompetent'] as const;

/** The same day `n` years later, on ISO dates (a term of office). */
export const plusYears = (iso: string, n: number) => `${Number(iso.slice(0, 4)) + n}${iso.slice(4)}`;

/** Empty inputs are left out rather than sent as "", which the server reads as a value. */
export function compact<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Partial<T>;
}

/** Only what an edit form changed is sent, so that the audit log records just that. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): Partial<T> {
  return Object.fromEntries(Object.entries(after).filter(([k, v]) => v !== before[k])) as Partial<T>;
}

interface RecordModalProps {
  title: string;
  hint?: string;
  clause?: string;
  submitTestId: string;
  /** Runs the save; resolves to the server's answer (its `warnings`, if any, are shown). */
  onSubmit: () => Promise<unknown>;
  onClose: () => void;
  children: ReactNode;
  width?: number;
}

/** The frame every record form shares: clause hint, violations, other errors, warnings after a save. */
export function RecordModal({ title, hint, clause, submitTestId, onSubmit, onClose, children, width }: RecordModalProps) {
  const { t } = useTranslation();
  const [violations, setViolations] = useState<Violation[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<CheckItem[] | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async () => {
    setViolations([]);
    setError(null);
    setPending(true);
    try {
      const res = (await onSubmit()) as { warnings?: CheckItem[] } | undefined;
      if (res?.warnings?.length) setWarnings(res.warnings);
      else onClose();
    } catch (err) {
      // antd's own validation failure: the fields already say what is missing.
      if (err && typeof err === 'object' && 'errorFields' in err) return;
      const found = violationsOf(err);
      if (found.length) setViolations(found);
      else setError(err instanceof ApiError || err instanceof Error ? err.message : String(err));
    } finally {
      setPending(false);
    }
  };
  if (warnings) {
    return (
      <Modal open title={t('organizations.records.saved')} onCancel={onClose} onOk={onClose} okText={t('organizations.records.close')} okButtonProps={{ 'data-testid': TID.orgRecordClose } as never} cancelButtonProps={{ style: { display: 'none' } }}>
        <WarningList warnings={warnings} />
      </Modal>
    );
  }
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('organizations.records.save')}
      okButtonProps={{ 'data-testid': submitTestId, loading: pending } as never}
      destroyOnHidden
      width={width}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {hint && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {hint}
            {clause && <Citation text={clause} />}
          </Typography.Paragraph>
        )}
        <ViolationList violations={violations} />
        {error && <Alert type="error" showIcon role="alert" title={error} data-testid={TID.orgRecordError} />}
        {children}
      </Space>
    </Modal>
  );
}

export const dateInput = (testId: string) => <Input type="date" data-testid={testId} style={{ maxWidth: 200 }} />;

// ---- commissioner (T/ZAS 4006.1—2020 5.3.1) ----
