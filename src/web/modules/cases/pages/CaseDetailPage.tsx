// One case at the desk: what was asked, by whom (the phone for those who call back), its
// deadlines, every step with who and when, the photos, and the steps the caller may take now
// (the server answers them: core/cases/lifecycle.ts decides).
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Form, Image, Input, Modal, Select, Space, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DEPARTMENTS } from '../../../../core/cases/categories';
import { Loading, QueryError } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/feedback';
import { TID } from '../testids';
import { useCase, useCaseStep, type CaseAction, type CaseDetail, type HandlerKind, type Rating } from '../api';
import { StatusTag } from './CaseListPage';
import { cst } from './plain-shared';

const KINDS: HandlerKind[] = ['company', 'committee', 'community', 'department', 'street', 'utility'];
const ORDER: CaseAction[] = ['acknowledge', 'assign', 'start', 'reply', 'visit'];

function StepModal({ c, action, onClose }: { c: CaseDetail; action: CaseAction; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const step = useCaseStep(c.id);
  const kind = Form.useWatch('kind', form) as HandlerKind | undefined;
  const submit = async () => {
    const v = await form.validateFields();
    let body: Record<string, unknown> = {};
    if (action === 'acknowledge' || action === 'start') body = { note: v.note || null };
    if (action === 'assign') body = { handler: { kind: v.kind, department: v.kind === 'department' ? v.department : null }, note: v.note || null };
    if (action === 'reply') body = { text: v.text };
    if (action === 'visit') body = { rating: v.rating, comment: v.comment || null };
    try {
      await step.mutateAsync({ action, body });
      notifySuccess(t('cases.detail.done'));
      onClose();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Modal open title={t(`cases.auditLabels.actions.${action}`)} onCancel={onClose} onOk={submit} okText={t('cases.detail.confirm')} okButtonProps={{ 'data-testid': TID.caseStepConfirm, loading: step.isPending }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: c.handler.kind, department: c.handler.department ?? undefined }}>
        {action === 'assign' && (
          <>
            <Form.Item name="kind" label={t('cases.detail.assignKind')} rules={[{ required: true }]}>
              <Select data-testid={TID.caseAssignKind} options={KINDS.map((k) => ({ value: k, label: t(`cases.kind.${k}`) }))} />
            </Form.Item>
            {kind === 'department' && (
              <Form.Item name="department" label={t('cases.detail.assignDepartment')} rules={[{ required: true }]}>
                <Select data-testid={TID.caseAssignDepartment} showSearch options={DEPARTMENTS.map((d) => ({ value: d, label: d }))} />
              </Form.Item>
            )}
          </>
        )}
        {action === 'reply' && (
          <Form.Item name="text" label={t('cases.detail.replyText')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea data-testid={TID.caseReplyText} rows={5} maxLength={2000} />
          </Form.Item>
        )}
        {action === 'visit' && (
          <>
            <Form.Item name="rating" label={t('cases.detail.visitRating')} rules={[{ required: true }]}>
              <Select options={(['satisfied', 'basically_satisfied', 'unsatisfied'] as const).map((r) => ({ value: r, label: t(`cases.rating.${r}`) }))} />
            </Form.Item>
            <Form.Item name="comment" label={t('cases.detail.visitComment')}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          </>
        )}
        {(action === 'acknowledge' || action === 'assign' || action === 'start') && (
          <Form.Item name="note" label={t('cases.detail.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const q = useCase(id);
  const [action, setAction] = useState<CaseAction | null>(null);
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  const c = q.data;
  if (!c) return <Loading />;
  return (
    <div data-testid={TID.caseDetail}>
      <div className="gz-page-title">
        <Link to="/cases">
          <ArrowLeftOutlined /> {t('cases.detail.back')}
        </Link>
      </div>
      <Typography.Title level={3}>
        {c.categoryName} <StatusTag status={c.status} label={c.statusLabel} />
        {c.overdue && <Tag color="red">{t('cases.list.overdueTag')}</Tag>}
      </Typography.Title>
      {c.escalatedAt && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('cases.detail.escalated', { at: cst(c.escalatedAt) })} />}
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(320px, 1fr)', gap: 16 }}>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15 }}>{c.description}</Typography.Paragraph>
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label={t('cases.list.quarter')}>{c.quarterName}</Descriptions.Item>
              <Descriptions.Item label={t('cases.form.location')}>{c.location ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('cases.list.handler')}>
                <span data-testid={TID.caseHandler}>{c.handler.label}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.detail.citation')}>{c.citation}</Descriptions.Item>
              <Descriptions.Item label={t('cases.form.channel')}>{t(`cases.channel.${c.channel}`, { defaultValue: c.channel })}</Descriptions.Item>
              <Descriptions.Item label={t('cases.detail.raiser')}>{[c.raiserName, c.raiserPhone].filter(Boolean).join(' ') || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('cases.detail.receivedAt')}>{cst(c.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('cases.detail.tracking')}>
                <Typography.Text code>{c.trackingCode}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.detail.ackDue')}>{cst(c.acknowledgeDueAt)}</Descriptions.Item>
              <Descriptions.Item label={t('cases.detail.resolveDue')}>{cst(c.resolveDueAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
          {c.reply && (
            <Card title={t('cases.detail.reply')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{c.reply}</Typography.Paragraph>
            </Card>
          )}
          {c.rating && (
            <Card title={t('cases.detail.rating')}>
              <Tag color={c.rating === 'unsatisfied' ? 'red' : 'green'}>{t(`cases.rating.${c.rating as Rating}`)}</Tag> {c.ratingComment}
              {c.reopenCount > 0 && <Typography.Text type="secondary"> · {t('cases.detail.reopened', { n: c.reopenCount })}</Typography.Text>}
            </Card>
          )}
          {c.photos.length > 0 && (
            <Card title={t('cases.detail.photos')}>
              <Image.PreviewGroup>
                <Space wrap>
                  {c.photos.map((p) => (
                    <Image key={p.id} width={160} src={`/api/cases/${c.id}/photos/${p.id}`} />
                  ))}
                </Space>
              </Image.PreviewGroup>
            </Card>
          )}
        </Space>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card>
            {c.actions.length ? (
              <Space wrap>
                {ORDER.filter((a) => c.actions.includes(a)).map((a, i) => (
                  <Button key={a} type={i === 0 ? 'primary' : 'default'} data-testid={TID.caseAction(a)} onClick={() => setAction(a)}>
                    {t(`cases.auditLabels.actions.${a}`)}
                  </Button>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('cases.detail.noActions')}</Typography.Text>
            )}
          </Card>
          <Card title={t('cases.detail.timeline')}>
            <Timeline
              data-testid={TID.caseTimeline}
              items={c.events.map((e) => ({
                color: e.action === 'escalate' ? 'red' : e.action === 'visit' && e.rating === 'unsatisfied' ? 'orange' : 'blue',
                children: (
                  <div>
                    <div>
                      <b>{t(`cases.action.${e.action}`, { defaultValue: e.action })}</b> · {e.office}
                      {e.actorName ? `（${e.actorName}）` : ''}
                      {e.handler && e.action === 'assign' ? ` → ${e.handler.label}` : ''}
                    </div>
                    <div className="gz-num" style={{ color: '#6b7280', fontSize: 12 }}>
                      {cst(e.at)}
                      {e.rating ? ` · ${t(`cases.rating.${e.rating as Rating}`)}` : ''}
                    </div>
                    {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </Space>
      </div>
      {action && <StepModal c={c} action={action} onClose={() => setAction(null)} />}
    </div>
  );
}
