// 风险隐患信息库 (T/ZAS 4006.1—2020 6.2.4.3): the hazards of the caller's place, the form for one
// found on patrol, and a hazard's steps with the ones the caller may take (湘建房〔2021〕231号
// 五（二）: 巡查、发现、劝阻、报告、处置、评估).
import { useState } from 'react';
import { Button, Card, Checkbox, Drawer, Form, Image, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type * as C from '../../../../contracts/cases';
import type { Wire } from '../../../../contracts/common';
import { api } from '../../../api/client';
import { useCan } from '../../../auth/session';
import { QueryError } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/feedback';
import { rowTestId } from '../../../testids';
import { TID } from '../testids';
import { uploadHazardPhoto, uploadPhotos } from '../api';
import { cst, MAX_PHOTOS, PhotoPicker } from './plain-shared';
import { StepTimeline } from './StepTimeline';
import { QuarterSelect } from '../../../components/QuarterSelect';

type Hazard = Wire<z.output<typeof C.hazardSummary>>;
type HazardDetail = Wire<z.output<typeof C.hazardDetail>>;
type HazardAction = HazardDetail['actions'][number];
const CLASSES = ['fire', 'electricity', 'gas', 'structure', 'elevator', 'public-health', 'flood', 'public-order', 'other'] as const;
const LEVELS = ['general', 'major', 'severe'] as const;
const LEVEL_COLOR = { general: 'default', major: 'orange', severe: 'red' } as const;

function HazardDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['hazards', id], queryFn: () => api.get<HazardDetail>(`/api/hazards/${id}`) });
  const [note, setNote] = useState('');
  const step = useMutation({
    mutationFn: ({ action, passed }: { action: HazardAction; passed?: boolean }) => api.post(`/api/hazards/${id}/${action}`, action === 'verify' ? { passed, note: note || null } : { note: note || null }),
    onSuccess: () => {
      setNote('');
      notifySuccess(t('cases.detail.done'));
      return qc.invalidateQueries({ queryKey: ['hazards'] });
    },
    onError: notifyError,
  });
  const [pending, setPending] = useState<File[]>([]);
  const upload = useMutation({
    mutationFn: () => uploadPhotos(pending, (f) => uploadHazardPhoto(id, f)),
    onSuccess: (failed) => {
      setPending([]);
      if (failed.length) notifyError(new Error(failed.map((f) => t('cases.raise.photoFailed', f)).join('\n')));
      else notifySuccess(t('cases.detail.done'));
      return qc.invalidateQueries({ queryKey: ['hazards', id] });
    },
    onError: notifyError,
  });
  const h = q.data;
  return (
    <Drawer open width={520} onClose={onClose} title={h ? `${t(`cases.hazards.classes.${h.class}`)} · ${h.location}` : ''}>
      {q.error ? (
        <QueryError error={q.error} onRetry={() => q.refetch()} />
      ) : h ? (
        <div data-testid={TID.hazardDetail}>
          <Typography.Paragraph>{h.description}</Typography.Paragraph>
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag color={LEVEL_COLOR[h.level]}>{t(`cases.hazards.levels.${h.level}`)}</Tag>
            <Tag data-status={h.status}>{t(`cases.hazards.statuses.${h.status}`)}</Tag>
            {h.overdue && <Tag color="red">{t('cases.hazards.overdue')}</Tag>}
            <Typography.Text type="secondary">
              {t('cases.hazards.due')} {cst(h.dueAt)}
            </Typography.Text>
          </Space>
          {h.actions.length > 0 && (
            <Card size="small" style={{ marginBottom: 16 }}>
              <Input.TextArea rows={2} placeholder={t('cases.hazards.note')} value={note} onChange={(e) => setNote(e.target.value)} style={{ marginBottom: 8 }} />
              <Space wrap>
                {h.actions.map((a) =>
                  a === 'verify' ? (
                    <Space key={a}>
                      <Button type="primary" data-testid={TID.hazardAction('verify')} loading={step.isPending} onClick={() => step.mutate({ action: a, passed: true })}>
                        {t('cases.hazards.passed')}
                      </Button>
                      <Button danger loading={step.isPending} onClick={() => step.mutate({ action: a, passed: false })}>
                        {t('cases.hazards.notPassed')}
                      </Button>
                    </Space>
                  ) : (
                    <Button key={a} data-testid={TID.hazardAction(a)} loading={step.isPending} onClick={() => step.mutate({ action: a })}>
                      {t(`cases.hazards.actions.${a}`)}
                    </Button>
                  ),
                )}
              </Space>
            </Card>
          )}
          {(h.photos.length > 0 || (h.mayAddPhotos && h.photos.length < MAX_PHOTOS)) && (
            <Card size="small" title={t('cases.hazards.photos')} style={{ marginBottom: 16 }} data-testid={TID.hazardPhotos}>
              <Image.PreviewGroup>
                <Space wrap>
                  {h.photos.map((p) => (
                    <Image key={p.id} width={140} src={`/api/hazards/${h.id}/photos/${p.id}`} alt={t('cases.hazards.photos')} />
                  ))}
                </Space>
              </Image.PreviewGroup>
              {h.mayAddPhotos && h.photos.length < MAX_PHOTOS && (
                <div style={{ marginTop: 8 }}>
                  <PhotoPicker files={pending} onChange={setPending} testId={TID.hazardPhotoInput} />
                  {pending.length > 0 && (
                    <Button data-testid={TID.hazardPhotoUpload} loading={upload.isPending} onClick={() => upload.mutate()}>
                      {t('cases.hazards.uploadPhotos')}
                    </Button>
                  )}
                </div>
              )}
            </Card>
          )}
          <Typography.Title level={5}>{t('cases.hazards.steps')}</Typography.Title>
          <StepTimeline events={h.events} label={(a) => t(`cases.hazards.actions.${a as 'find'}`, { defaultValue: a })} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {h.citation}
          </Typography.Text>
        </div>
      ) : null}
    </Drawer>
  );
}

function NewHazard({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const [photos, setPhotos] = useState<File[]>([]);
  const create = useMutation({ mutationFn: (body: z.input<typeof C.createHazardBody>) => api.post<{ id: string }>('/api/hazards', body), onSuccess: () => qc.invalidateQueries({ queryKey: ['hazards'] }) });
  const submit = async () => {
    const values = await form.validateFields();
    try {
      const created = await create.mutateAsync(values);
      // The photos of what was found go with the hazard once it is recorded.
      const failed = await uploadPhotos(photos, (f) => uploadHazardPhoto(created.id, f));
      if (failed.length) notifyError(new Error(failed.map((f) => t('cases.raise.photoFailed', f)).join('\n')));
      else notifySuccess(t('cases.detail.done'));
      setPhotos([]);
      onClose();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Modal open={open} title={t('cases.hazards.new')} onCancel={onClose} onOk={submit} okButtonProps={{ 'data-testid': TID.hazardFormSubmit, loading: create.isPending }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ class: 'fire', level: 'general' }}>
        <Form.Item name="quarterId" label={t('cases.hazards.quarter')} rules={[{ required: true }]}>
          <QuarterSelect style={{ width: '100%' }} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="class" label={t('cases.hazards.class')} style={{ flex: 1 }}>
            <Select options={CLASSES.map((c) => ({ value: c, label: t(`cases.hazards.classes.${c}`) }))} />
          </Form.Item>
          <Form.Item name="level" label={t('cases.hazards.level')} style={{ flex: 1 }}>
            <Select options={LEVELS.map((l) => ({ value: l, label: t(`cases.hazards.levels.${l}`) }))} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="location" label={t('cases.hazards.location')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('cases.hazards.description')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <PhotoPicker files={photos} onChange={setPhotos} testId={TID.hazardFormPhoto} />
      </Form>
    </Modal>
  );
}

export default function HazardsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(true);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ['hazards', 'list', open, page], queryFn: () => api.get<{ total: number; items: Hazard[] }>('/api/hazards', { open: open ? 'true' : undefined, page, pageSize: 20 }) });
  return (
    <>
      <div className="gz-page-title">
        <Typography.Title level={3}>{t('cases.hazards.title')}</Typography.Title>
        <div style={{ flex: 1 }} />
        {can('hazards.patrol') && (
          <Button type="primary" icon={<PlusOutlined />} data-testid={TID.hazardNew} onClick={() => setCreating(true)}>
            {t('cases.hazards.new')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('cases.hazards.intro')}</Typography.Paragraph>
      <Card>
        <Checkbox checked={open} onChange={(e) => (setOpen(e.target.checked), setPage(1))} style={{ marginBottom: 16 }}>
          {t('cases.hazards.openOnly')}
        </Checkbox>
        {list.error ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<Hazard>
            data-testid={TID.hazardList}
            rowKey="id"
            loading={list.isPending}
            dataSource={list.data?.items}
            locale={{ emptyText: t('cases.hazards.empty') }}
            onRow={(r) => ({ ...rowTestId<Hazard>(TID.hazardRow, 'hazard')(r), onClick: () => setSelected(r.id), style: { cursor: 'pointer' } })}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
            columns={[
              { title: t('cases.hazards.class'), render: (_: unknown, r) => t(`cases.hazards.classes.${r.class}`) },
              { title: t('cases.hazards.level'), render: (_: unknown, r) => <Tag color={LEVEL_COLOR[r.level]}>{t(`cases.hazards.levels.${r.level}`)}</Tag> },
              { title: t('cases.hazards.location'), dataIndex: 'location' },
              { title: t('cases.hazards.quarter'), dataIndex: 'quarterName' },
              {
                title: t('cases.hazards.status'),
                render: (_: unknown, r) => (
                  <Space size={4}>
                    <Tag>{t(`cases.hazards.statuses.${r.status}`)}</Tag>
                    {r.overdue && <Tag color="red">{t('cases.hazards.overdue')}</Tag>}
                  </Space>
                ),
              },
              { title: t('cases.hazards.foundAt'), render: (_: unknown, r) => <span className="gz-num">{cst(r.foundAt)}</span> },
              { title: t('cases.hazards.due'), render: (_: unknown, r) => <span className="gz-num">{cst(r.dueAt)}</span> },
            ]}
          />
        )}
      </Card>
      {selected && <HazardDrawer id={selected} onClose={() => setSelected(null)} />}
      <NewHazard open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
