// 巡查记录 — a grid worker's or building leader's round, on a phone as at a desk: each check item
// fine or a problem, and each problem described where it was found, which becomes a case or a
// hazard when the record is saved (湘建房〔2021〕231号 五（二）). Below, the recent rounds.
import { useState } from 'react';
import { Button, Card, Input, List, Radio, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type * as C from '../../../../contracts/cases';
import type { Wire } from '../../../../contracts/common';
import { api } from '../../../api/client';
import { useCan, useCurrentUser } from '../../../auth/session';
import { notifyError, notifySuccess } from '../../../lib/feedback';
import { TID } from '../testids';
import { uploadCasePhoto, uploadHazardPhoto, uploadPhotos } from '../api';
import { cst, PhotoPicker } from './plain-shared';
import { QuarterSelect } from '../../../components/QuarterSelect';

type Items = Wire<z.output<typeof C.patrolItemList>>['items'];
type Patrols = Wire<z.output<typeof C.patrolList>>;
type Created = Wire<z.output<typeof C.createdPatrol>>;
interface Finding {
  description: string;
  location: string;
  level: 'general' | 'major' | 'severe';
  /** Photos of what was found: they go with the case or hazard the finding becomes. */
  photos: File[];
}

export default function PatrolPage() {
  const { t } = useTranslation();
  const can = useCan();
  const user = useCurrentUser();
  const qc = useQueryClient();
  const items = useQuery({ queryKey: ['patrols', 'items'], queryFn: () => api.get<{ items: Items }>('/api/patrols/items') });
  const history = useQuery({ queryKey: ['patrols', 'list'], queryFn: () => api.get<Patrols>('/api/patrols', { pageSize: 10 }) });
  const [quarterId, setQuarterId] = useState<string | undefined>(user.quarterId ?? undefined);
  const [problems, setProblems] = useState<Record<string, Finding>>({});
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.post<Created>('/api/patrols', {
        quarterId,
        items: (items.data?.items ?? []).map((i) => ({ code: i.code, ok: !problems[i.code] })),
        note: note || null,
        findings: Object.entries(problems).map(([item, f]) => ({ item, description: f.description, location: f.location, level: f.level })),
      }),
    onSuccess: async (created) => {
      // The server makes the findings, in the order sent, a case or a hazard by their item: each
      // finding's photos go to the record it became.
      const becomes = new Map((items.data?.items ?? []).map((i) => [i.code, i.becomes]));
      let c = 0;
      let h = 0;
      const failed: { name: string; message: string }[] = [];
      for (const [item, f] of Object.entries(problems)) {
        const target = becomes.get(item) === 'case' ? { kind: 'case' as const, id: created.cases[c++]?.id } : { kind: 'hazard' as const, id: created.hazards[h++] };
        if (!target.id || !f.photos.length) continue;
        failed.push(...(await uploadPhotos(f.photos, (file) => (target.kind === 'case' ? uploadCasePhoto(target.id!, file) : uploadHazardPhoto(target.id!, file)))));
      }
      if (failed.length) notifyError(new Error(failed.map((x) => t('cases.raise.photoFailed', x)).join('\n')));
      notifySuccess(t('cases.patrols.saved', { cases: created.cases.length, hazards: created.hazards.length }));
      setProblems({});
      setNote('');
      return qc.invalidateQueries({ queryKey: ['patrols'] });
    },
    onError: notifyError,
  });
  const ready = quarterId && Object.values(problems).every((f) => f.description.trim().length >= 2 && f.location.trim());
  return (
    <>
      <div className="gz-page-title">
        <Typography.Title level={3}>{t('cases.patrols.title')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('cases.patrols.intro')}</Typography.Paragraph>
      {can('patrols.write') && (
        <Card style={{ marginBottom: 16 }}>
          <Space direction="vertical" style={{ width: '100%' }} size={12}>
            <QuarterSelect testId={TID.patrolQuarter} style={{ width: '100%', maxWidth: 360 }} placeholder={t('cases.patrols.quarter')} value={quarterId} onChange={setQuarterId} />
            {(items.data?.items ?? []).map((i) => {
              const f = problems[i.code];
              return (
                <div key={i.code} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 10 }}>
                  <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
                    <span>
                      {i.name} <Tag>{t(`cases.patrols.becomes.${i.becomes}`)}</Tag>
                    </span>
                    <Radio.Group
                      optionType="button"
                      value={f ? 'problem' : 'ok'}
                      onChange={(e) =>
                        setProblems((p) => {
                          const next = { ...p };
                          if (e.target.value === 'problem') next[i.code] = { description: '', location: '', level: 'general', photos: [] };
                          else delete next[i.code];
                          return next;
                        })
                      }
                    >
                      <Radio.Button value="ok">{t('cases.patrols.ok')}</Radio.Button>
                      <Radio.Button value="problem">
                        <span data-testid={TID.patrolProblem(i.code)}>{t('cases.patrols.problem')}</span>
                      </Radio.Button>
                    </Radio.Group>
                  </Space>
                  {f && (
                    <Space direction="vertical" style={{ width: '100%', marginTop: 8 }} data-testid={TID.patrolFinding(i.code)}>
                      <Input.TextArea rows={2} placeholder={t('cases.patrols.description')} value={f.description} onChange={(e) => setProblems((p) => ({ ...p, [i.code]: { ...f, description: e.target.value } }))} />
                      <Input placeholder={t('cases.patrols.location')} value={f.location} onChange={(e) => setProblems((p) => ({ ...p, [i.code]: { ...f, location: e.target.value } }))} />
                      {i.becomes === 'hazard' && (
                        <Select
                          value={f.level}
                          style={{ width: 160 }}
                          onChange={(level) => setProblems((p) => ({ ...p, [i.code]: { ...f, level } }))}
                          options={(['general', 'major', 'severe'] as const).map((l) => ({ value: l, label: `${t('cases.patrols.level')}：${t(`cases.hazards.levels.${l}`)}` }))}
                        />
                      )}
                      <PhotoPicker files={f.photos} onChange={(photos) => setProblems((p) => ({ ...p, [i.code]: { ...f, photos } }))} testId={TID.patrolPhoto(i.code)} />
                    </Space>
                  )}
                </div>
              );
            })}
            <Input.TextArea rows={2} placeholder={t('cases.patrols.note')} value={note} onChange={(e) => setNote(e.target.value)} />
            <Button type="primary" block data-testid={TID.patrolSubmit} disabled={!ready} loading={save.isPending} onClick={() => save.mutate()}>
              {t('cases.patrols.submit')}
            </Button>
          </Space>
        </Card>
      )}
      <Card title={t('cases.patrols.history')}>
        <List
          dataSource={history.data?.items ?? []}
          loading={history.isPending}
          renderItem={(p) => (
            <List.Item>
              <span>{p.quarterName}</span>
              <span className="gz-num">{cst(p.patrolledAt)}</span>
              <Tag color={p.findings ? 'orange' : 'green'}>
                {t('cases.patrols.findings')} {p.findings}
              </Tag>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
