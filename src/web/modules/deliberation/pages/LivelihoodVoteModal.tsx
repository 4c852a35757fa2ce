// Putting the year's livelihood-project candidates to one owners' assembly vote (T/ZAS 4006.1—2020
// 6.2.5.2 通过协商或表决确定): one item per candidate, each chosen when its own item passes (民法典
// 第278条); the chosen become actions of the responsible party, due on the day given.
import { Alert, Button, Checkbox, Form, Input, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { TID } from '../testids';
import { RESPONSIBLE, useDeliberationMutation, type LivelihoodList, type ResponsibleParty } from '../api';
import { chinaTimeOf } from './shared';

interface VoteForm {
  candidateIds: string[];
  opensAt: string;
  closesAt: string;
  article278Item: number;
  responsible: ResponsibleParty;
  dueDate: string;
}

/** Candidates not yet chosen, not turned down and in no vote still open. */
export function openCandidates(list: LivelihoodList | undefined) {
  return (list?.items ?? []).filter((i) => !i.chosenBy && i.stage !== 'rejected' && !(i.vote && i.vote.chosen === null));
}

export function LivelihoodVoteModal({ quarterId, list, onClose }: { quarterId: string; list: LivelihoodList; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<VoteForm>();
  const open = useDeliberationMutation((body: VoteForm & { year: number }) => api.post<{ voteId: string }>(`/api/quarters/${quarterId}/livelihood-votes`, body));
  const candidates = openCandidates(list);
  const onFinish = async (v: VoteForm) => {
    await open.mutateAsync({ ...v, year: list.year, opensAt: chinaTimeOf(v.opensAt) ?? v.opensAt, closesAt: chinaTimeOf(v.closesAt) ?? v.closesAt });
    onClose();
  };
  const time = { required: true, validator: async (_: unknown, v: string) => (chinaTimeOf(v) ? undefined : Promise.reject(new Error('2026-04-01 08:00'))) };
  return (
    <Modal open width={640} title={t('deliberation.livelihood.vote.title', { year: list.year })} onCancel={onClose} footer={null} destroyOnHidden>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('deliberation.livelihood.vote.rule')} />
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ candidateIds: candidates.map((c) => c.id), article278Item: 9, responsible: 'committee' }}>
        <Form.Item name="candidateIds" label={t('deliberation.livelihood.vote.candidates')} rules={[{ validator: async (_, v: string[]) => (v?.length >= 2 ? undefined : Promise.reject(new Error(t('deliberation.livelihood.vote.atLeastTwo')))) }]}>
          <Checkbox.Group data-testid={TID.livelihoodVoteCandidates} style={{ display: 'flex', flexDirection: 'column', gap: 6 }} options={candidates.map((c) => ({ value: c.id, label: c.title }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="opensAt" label={t('deliberation.livelihood.vote.opensAt')} rules={[time]}>
            <Input data-testid={TID.livelihoodVoteOpensAt} placeholder="2026-04-01 08:00" />
          </Form.Item>
          <Form.Item name="closesAt" label={t('deliberation.livelihood.vote.closesAt')} rules={[time]}>
            <Input data-testid={TID.livelihoodVoteClosesAt} placeholder="2026-04-15 24:00" />
          </Form.Item>
          <Form.Item name="article278Item" label={t('deliberation.livelihood.vote.article')}>
            <Select style={{ width: 200 }} options={Array.from({ length: 9 }, (_, i) => ({ value: i + 1, label: t('deliberation.livelihood.vote.articleItem', { n: i + 1 }) }))} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="responsible" label={t('deliberation.meetings.responsible')}>
            <Select style={{ width: 200 }} options={RESPONSIBLE.map((p) => ({ value: p, label: t(`deliberation.party.${p}`) }))} />
          </Form.Item>
          <Form.Item name="dueDate" label={t('deliberation.meetings.dueDate')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '2026-12-31' }]}>
            <Input data-testid={TID.livelihoodVoteDue} placeholder="2026-12-31" />
          </Form.Item>
        </Space>
        <Form.Item style={{ marginBottom: 0 }}>
          <Button data-testid={TID.livelihoodVoteSubmit} type="primary" htmlType="submit" loading={open.isPending}>
            {t('deliberation.livelihood.vote.submit')}
          </Button>
        </Form.Item>
      </Form>
    </Modal>
  );
}
