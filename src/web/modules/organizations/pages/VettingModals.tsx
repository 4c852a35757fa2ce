// The vetting dialogs of the organisations tab: recommending a candidate, each review step with
// its checklist (BG 5), and forming the committee from the approved candidates.
import { useMemo, useState } from 'react';
import {
  Alert,
  Checkbox,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { TID } from '../testids';
import {
  useOrgWrite,
  useQuarterOwners,
  violationsOf,
  type Candidate,
  type CheckItem,
  type Violation,
} from '../api';
import { plusYears, todayIso } from './RecordForms';
import { Citation, ViolationList, WarningList } from './shared';

/** The message of a failed save that is not a rule violation (a 409, a checklist item missing). */
export function ErrorLine({ error }: { error: unknown }) {
  if (!error || violationsOf(error).length) return null;
  return <Alert type="error" showIcon role="alert" title={error instanceof Error ? error.message : String(error)} />;
}

export function RecommendModal({ quarterId, onClose }: { quarterId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const owners = useQuarterOwners(quarterId, true);
  const write = useOrgWrite<Record<string, unknown>>('post', `/api/quarters/${quarterId}/candidates`, quarterId);
  const by = Form.useWatch('recommendedBy', form);
  const submit = async () => {
    const v = await form.validateFields();
    await write.mutateAsync({ ...v, coSignerCount: v.recommendedBy === 'co-signing-owners' ? v.coSignerCount : null, recommendedOn: todayIso() });
    onClose();
  };
  return (
    <Modal open title={t('organizations.candidates.recommend')} onCancel={onClose} onOk={() => void submit().catch(() => {})} okText={t('organizations.candidates.submit')} okButtonProps={{ 'data-testid': TID.orgRecommendSubmit, loading: write.isPending } as never} destroyOnHidden>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <ErrorLine error={write.error} />
        <Form form={form} layout="vertical" initialValues={{ recommendedBy: 'party-organization', isPartyMember: false, inReservePool: true, skills: [] }}>
          <Form.Item name="ownerId" label={t('organizations.candidates.owner')} rules={[{ required: true }]}>
            <Select
              data-testid={TID.orgRecommendOwner}
              showSearch={{ optionFilterProp: 'label' }}
              loading={owners.isPending}
              options={(owners.data?.items ?? []).filter((o) => o.kind === 'person').map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
          <Form.Item name="recommendedBy" label={t('organizations.candidates.recommendedBy')}>
            <Radio.Group data-testid={TID.orgRecommendBy}>
              <Radio value="party-organization">{t('organizations.candidates.byParty')}</Radio>
              <Radio value="co-signing-owners">{t('organizations.candidates.byOwners')}</Radio>
            </Radio.Group>
          </Form.Item>
          {by === 'co-signing-owners' && (
            <Form.Item name="coSignerCount" label={t('organizations.candidates.coSigners')} rules={[{ required: true }]}>
              <InputNumber data-testid={TID.orgRecommendCosigners} min={1} style={{ width: '100%' }} />
            </Form.Item>
          )}
          <Form.Item name="skills" label={t('organizations.candidates.skills')}>
            <Checkbox.Group options={(['finance', 'law', 'engineering', 'other'] as const).map((s) => ({ value: s, label: t(`organizations.skills.${s}`) }))} />
          </Form.Item>
          <Form.Item name="isPartyMember" valuePropName="checked">
            <Checkbox data-testid={TID.orgRecommendParty}>{t('organizations.candidates.isParty')}</Checkbox>
          </Form.Item>
          <Form.Item name="inReservePool" valuePropName="checked">
            <Checkbox>{t('organizations.candidates.reservePool')}</Checkbox>
          </Form.Item>
        </Form>
      </Space>
    </Modal>
  );
}

export function ReviewModal({ quarterId, candidate, onClose }: { quarterId: string; candidate: Candidate; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const write = useOrgWrite<Record<string, unknown>>('post', `/api/candidates/${candidate.id}/reviews`, quarterId);
  const [answers, setAnswers] = useState<Record<string, boolean>>(() => Object.fromEntries(candidate.checklist.filter((i) => typeof i.answer === 'boolean').map((i) => [i.id, i.answer as boolean])));
  const joint = candidate.nextStep === 'joint-department-review';
  const submit = async () => {
    const v = await form.validateFields();
    const departments = joint && v.departments ? String(v.departments).split(/[、,，\s]+/).filter(Boolean) : undefined;
    await write.mutateAsync({ step: candidate.nextStep, decision: v.decision, opinion: v.opinion, reviewedOn: todayIso(), checklist: answers, ...(departments ? { departments } : {}) });
    onClose();
  };
  return (
    <Modal
      open
      title={t('organizations.review.title', { step: candidate.nextStepLabel ?? '', name: candidate.name })}
      onCancel={onClose}
      onOk={() => void submit().catch(() => {})}
      okText={t('organizations.candidates.submit')}
      okButtonProps={{ 'data-testid': TID.orgReviewSubmit, loading: write.isPending } as never}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <ErrorLine error={write.error} />
        <Typography.Text strong>{t('organizations.review.checklist')}</Typography.Text>
        {candidate.checklist.map((item) => (
          <Checkbox
            key={item.id}
            data-testid={TID.orgReviewCheck(item.id)}
            checked={answers[item.id] === true}
            onChange={(e) => setAnswers((a) => ({ ...a, [item.id]: e.target.checked }))}
          >
            {item.label}
            {(item.kind === 'requirement' || item.kind === 'exclusion') && <Tag color="red" style={{ marginInlineStart: 6 }}>{t('organizations.review.binding')}</Tag>}
            <Citation text={item.citation} />
          </Checkbox>
        ))}
        <Form form={form} layout="vertical" initialValues={{ decision: 'approve' }}>
          <Form.Item name="decision" label={t('organizations.review.decision')}>
            <Radio.Group data-testid={TID.orgReviewDecision}>
              <Radio value="approve">{t('organizations.review.approve')}</Radio>
              <Radio value="reject">{t('organizations.review.reject')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="opinion" label={t('organizations.review.opinion')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea data-testid={TID.orgReviewOpinion} rows={2} maxLength={1000} />
          </Form.Item>
          {joint && (
            <Form.Item name="departments" label={t('organizations.review.departments')}>
              <Input data-testid={TID.orgReviewDepartments} />
            </Form.Item>
          )}
        </Form>
      </Space>
    </Modal>
  );
}

export function FormCommitteeModal({ quarterId, candidates, onClose }: { quarterId: string; candidates: Candidate[]; onClose: () => void }) {
  const { t } = useTranslation();
  const today = useMemo(todayIso, []);
  const [termStart, setTermStart] = useState(today);
  const [termEnd, setTermEnd] = useState(plusYears(today, 3));
  const [picked, setPicked] = useState<Record<string, 'chair' | 'vice-chair' | 'member' | undefined>>({});
  const [violations, setViolations] = useState<Violation[]>([]);
  const [warnings, setWarnings] = useState<CheckItem[] | null>(null);
  const write = useOrgWrite<Record<string, unknown>, { id: string; warnings: CheckItem[] }>('post', `/api/quarters/${quarterId}/committees`, quarterId);
  const submit = async () => {
    setViolations([]);
    const members = Object.entries(picked)
      .filter(([, position]) => position)
      .map(([candidateId, position]) => ({ candidateId, position }));
    try {
      const res = await write.mutateAsync({ termStart, termEnd, members });
      if (res.warnings.length) setWarnings(res.warnings);
      else onClose();
    } catch (err) {
      if (err instanceof ApiError) setViolations(violationsOf(err));
    }
  };
  if (warnings) {
    return (
      <Modal open title={t('organizations.committee.created')} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }}>
        <WarningList warnings={warnings} />
      </Modal>
    );
  }
  return (
    <Modal open title={t('organizations.committee.form')} onCancel={onClose} onOk={() => void submit()} okText={t('organizations.committee.submit')} okButtonProps={{ 'data-testid': TID.orgFormSubmit, loading: write.isPending } as never} destroyOnHidden width={640}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <ViolationList violations={violations} />
        <ErrorLine error={write.error} />
        <Space wrap>
          <label>
            {t('organizations.committee.termStart')}{' '}
            <Input data-testid={TID.orgFormTermStart} type="date" value={termStart} onChange={(e) => setTermStart(e.target.value)} style={{ width: 170 }} />
          </label>
          <label>
            {t('organizations.committee.termEnd')}{' '}
            <Input data-testid={TID.orgFormTermEnd} type="date" value={termEnd} onChange={(e) => setTermEnd(e.target.value)} style={{ width: 170 }} />
          </label>
        </Space>
        <Typography.Text strong>{t('organizations.committee.choose')}</Typography.Text>
        {candidates.length === 0 && <Empty description={t('organizations.committee.noApproved')} />}
        {candidates.map((c) => (
          <Space key={c.id} wrap style={{ width: '100%', justifyContent: 'space-between' }}>
            <Checkbox
              data-testid={TID.orgFormPick}
              data-candidate-id={c.id}
              checked={!!picked[c.id]}
              onChange={(e) => setPicked((p) => ({ ...p, [c.id]: e.target.checked ? (p[c.id] ?? 'member') : undefined }))}
            >
              {c.name}
              {c.isPartyMember && <Tag style={{ marginInlineStart: 6 }}>{t('organizations.candidates.isParty')}</Tag>}
            </Checkbox>
            <Select
              data-testid={TID.orgFormPosition}
              data-candidate-id={c.id}
              disabled={!picked[c.id]}
              value={picked[c.id] ?? 'member'}
              style={{ width: 120 }}
              onChange={(position) => setPicked((p) => ({ ...p, [c.id]: position }))}
              options={(['chair', 'vice-chair', 'member'] as const).map((p) => ({ value: p, label: t(`organizations.positions.${p}`) }))}
            />
          </Space>
        ))}
      </Space>
    </Modal>
  );
}
