// One action (督办事项): its resolution, the responsible party and due date, progress with its
// evidence, the closure, and the residents' ratings afterwards (DB3305/T 309—2024 5.1.3.2.1.5).
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Input, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { Loading, QueryError } from '../../../components/QueryState';
import { formatDateTime } from '../../../lib/format';
import { TID } from '../testids';
import { RATINGS, useAction, useDeliberationMutation } from '../api';
import { ActionStatusTag } from './shared';
import { EvidenceList, EvidencePicker } from './evidence';

export default function ActionDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const action = useAction(id);
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [failed, setFailed] = useState<string[]>([]);
  const update = useDeliberationMutation(async (kind: 'progress' | 'close') => {
    const answer = await api.post<{ updateId?: string }>(`/api/actions/${id}/${kind}`, { note, evidence: evidence || undefined });
    // The report is written; each file is its evidence, and one refused does not undo the others.
    const notes: string[] = [];
    for (const f of files) {
      const form = new FormData();
      form.append('file', f);
      await api.upload(`/api/actions/${id}/updates/${answer.updateId}/files`, form).catch((e: unknown) => notes.push(t('deliberation.actions.fileFailed', { name: f.name, message: e instanceof Error ? e.message : String(e) })));
    }
    setFailed(notes);
    setNote('');
    setEvidence('');
    setFiles([]);
  });
  if (action.error) return <QueryError error={action.error} onRetry={() => action.refetch()} />;
  if (!action.data) return <Loading />;
  const a = action.data;
  return (
    <>
      <div className="gz-page-title">
        <Typography.Title level={3}>{a.title}</Typography.Title>
        <ActionStatusTag status={a.status} overdue={a.overdue} testId={TID.actionStatus} />
      </div>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={a.meetingId ? t('deliberation.meetings.resolution') : t('deliberation.livelihood.title')}>{a.resolution}</Descriptions.Item>
            <Descriptions.Item label={a.meetingId ? t('deliberation.meetings.col.title') : t('deliberation.actions.chosenByVote')}>
              {a.meetingId ? <Link to={`/meetings/${a.meetingId}`}>{a.meetingTitle}</Link> : a.voteId ? <Link to={`/votes/${a.voteId}`}>{a.meetingTitle}</Link> : a.meetingTitle}
            </Descriptions.Item>
            <Descriptions.Item label={t('deliberation.meetings.responsible')}>{t(`deliberation.party.${a.responsible}`)}</Descriptions.Item>
            <Descriptions.Item label={t('deliberation.meetings.dueDate')}>{a.dueDate}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={t('deliberation.actions.updates')}>
          <List
            data-testid={TID.actionUpdates}
            dataSource={a.updates}
            locale={{ emptyText: '—' }}
            renderItem={(u) => (
              <List.Item data-kind={u.kind}>
                <List.Item.Meta
                  title={`${u.kind === 'close' ? t('deliberation.actions.close') : t('deliberation.actions.progress')} · ${u.actorName} · ${formatDateTime(u.createdAt).slice(0, 16)}`}
                  description={
                    <>
                      <div>{u.note}</div>
                      {u.evidence && <div className="gz-muted">{t('deliberation.actions.evidence')}：{u.evidence}</div>}
                      <EvidenceList actionId={a.id} files={u.files} />
                    </>
                  }
                />
              </List.Item>
            )}
          />
          {failed.length > 0 && <Alert type="warning" showIcon style={{ marginTop: 12 }} message={failed.join('；')} />}
          {a.mayUpdate && (
            <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
              <Input.TextArea data-testid={TID.actionNote} rows={2} placeholder={t('deliberation.actions.note')} value={note} onChange={(e) => setNote(e.target.value)} />
              <Input data-testid={TID.actionEvidence} placeholder={t('deliberation.actions.evidence')} value={evidence} onChange={(e) => setEvidence(e.target.value)} />
              <EvidencePicker files={files} onChange={setFiles} />
              <Space>
                <Button data-testid={TID.actionProgress} disabled={!note.trim()} loading={update.isPending} onClick={() => update.mutate('progress')}>
                  {t('deliberation.actions.progress')}
                </Button>
                <Button data-testid={TID.actionClose} type="primary" disabled={!note.trim()} loading={update.isPending} onClick={() => update.mutate('close')}>
                  {t('deliberation.actions.close')}
                </Button>
              </Space>
            </Space>
          )}
        </Card>
        {a.status === 'closed' && (
          <Card title={t('deliberation.actions.ratings')}>
            <Typography.Paragraph>{RATINGS.map((r) => `${t(`deliberation.rating.${r}`)} ${a.ratings[r]}`).join(' · ')}</Typography.Paragraph>
            <List size="small" dataSource={a.comments.filter((c) => c.comment)} renderItem={(c) => <List.Item>{`${t(`deliberation.rating.${c.rating}`)}：${c.comment}`}</List.Item>} />
          </Card>
        )}
      </Space>
    </>
  );
}
