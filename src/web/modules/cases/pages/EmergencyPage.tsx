// 应急预案与演练 (T/ZAS 4006.1—2020 6.2.4.1): a quarter's plans, one for each class of emergency
// the standard names (accidents, public health, the committee unable to act, the company
// leaving, facility failure) with whom to call, and its drills with their date and attendance.
// What is missing is said with the clause, as the quarter's checks say it.
import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type * as C from '../../../../contracts/cases';
import type { Wire } from '../../../../contracts/common';
import { api } from '../../../api/client';
import { QuarterSelect } from '../../../components/QuarterSelect';
import { useCan, useCurrentUser } from '../../../auth/session';
import { QueryError } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/feedback';
import { TID } from '../testids';

type Emergency = Wire<z.output<typeof C.quarterEmergency>>;
type Plan = Emergency['plans'][number];
type PlanClass = Plan['planClass'];
const CLASSES: PlanClass[] = ['accident', 'public-health', 'committee-unable', 'company-leaving', 'facility-failure'];
const CLAUSE = 'T/ZAS 4006.1—2020 6.2.4.1';

/** The form of a new plan (`plan` null) or of a change to one. */
function PlanForm({ quarterId, planClass, plan, onClose }: { quarterId: string; planClass: PlanClass; plan: Plan | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (body: { planClass: PlanClass; title: string; contacts: string; approvedOn: string }) =>
      plan ? api.patch(`/api/emergency-plans/${plan.id}`, body) : api.post(`/api/quarters/${quarterId}/emergency-plans`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['emergency', quarterId] }),
  });
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await save.mutateAsync({ planClass: v.planClass, title: v.title, contacts: v.contacts, approvedOn: v.approvedOn.format('YYYY-MM-DD') });
      notifySuccess(t('cases.emergency.saved'));
      onClose();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Modal open title={plan ? t('cases.emergency.editPlan') : t('cases.emergency.addPlan')} onCancel={onClose} onOk={submit} okButtonProps={{ 'data-testid': TID.emergencyPlanSubmit, loading: save.isPending }} destroyOnHidden width={560}>
      <Form form={form} layout="vertical" initialValues={{ planClass: plan?.planClass ?? planClass, title: plan?.title, contacts: plan?.contacts, approvedOn: plan ? dayjs(plan.approvedOn) : undefined }}>
        <Form.Item name="planClass" label={t('cases.emergency.class')} rules={[{ required: true }]}>
          <Select options={CLASSES.map((c) => ({ value: c, label: t(`cases.emergency.classes.${c}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('cases.emergency.planTitle')} rules={[{ required: true, min: 2, max: 100 }]}>
          <Input data-testid={TID.emergencyPlanTitle} maxLength={100} />
        </Form.Item>
        <Form.Item name="contacts" label={t('cases.emergency.contacts')} extra={t('cases.emergency.contactsHint')} rules={[{ required: true, min: 2, max: 1000 }]}>
          <Input.TextArea data-testid={TID.emergencyPlanContacts} rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="approvedOn" label={t('cases.emergency.approvedOn')} rules={[{ required: true }]}>
          <DatePicker data-testid={TID.emergencyPlanApproved} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DrillForm({ quarterId, onClose }: { quarterId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (body: z.input<typeof C.emergencyDrillBody>) => api.post(`/api/quarters/${quarterId}/emergency-drills`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['emergency', quarterId] }),
  });
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await save.mutateAsync({ heldOn: v.heldOn.format('YYYY-MM-DD'), attendance: v.attendance, planClass: v.planClass ?? null, note: v.note || null });
      notifySuccess(t('cases.emergency.saved'));
      onClose();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Modal open title={t('cases.emergency.addDrill')} onCancel={onClose} onOk={submit} okButtonProps={{ 'data-testid': TID.emergencyDrillSubmit, loading: save.isPending }} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Space.Compact block>
          <Form.Item name="heldOn" label={t('cases.emergency.heldOn')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <DatePicker data-testid={TID.emergencyDrillDate} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="attendance" label={t('cases.emergency.attendance')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <InputNumber data-testid={TID.emergencyDrillAttendance} min={0} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="planClass" label={t('cases.emergency.drillClass')}>
          <Select allowClear options={CLASSES.map((c) => ({ value: c, label: t(`cases.emergency.classes.${c}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('cases.emergency.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function EmergencyPage() {
  const { t } = useTranslation();
  const can = useCan();
  const user = useCurrentUser();
  const [picked, setPicked] = useState<string | undefined>(user.quarterId ?? undefined);
  const quarterId = picked;
  const q = useQuery({ queryKey: ['emergency', quarterId], queryFn: () => api.get<Emergency>(`/api/quarters/${quarterId}/emergency`), enabled: !!quarterId });
  const [planForm, setPlanForm] = useState<{ planClass: PlanClass; plan: Plan | null } | null>(null);
  const [drilling, setDrilling] = useState(false);
  const manage = can('emergency.manage');
  const data = q.data;
  return (
    <>
      <div className="gz-page-title">
        <Typography.Title level={3}>{t('cases.emergency.title')}</Typography.Title>
        <div style={{ flex: 1 }} />
        {!user.quarterId && (
          <QuarterSelect testId={TID.emergencyQuarter} style={{ width: 280 }} value={quarterId} onChange={setPicked} placeholder={t('cases.analysis.choose')} />
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('cases.emergency.intro')}</Typography.Paragraph>
      {q.error ? (
        <QueryError error={q.error} onRetry={() => q.refetch()} />
      ) : !quarterId ? (
        <Empty description={t('cases.emergency.noQuarter')} />
      ) : (
        <>
          {data &&
            (data.gaps.length ? (
              <Alert
                data-testid={TID.emergencyGaps}
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                message={t('cases.emergency.gapsTitle', { count: data.gaps.length })}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {data.gaps.map((g) => (
                      <li key={`${g.kind}-${g.planClass ?? ''}`} data-testid={TID.emergencyGap}>
                        {g.message} <Typography.Text type="secondary">（{g.citation}）</Typography.Text>
                      </li>
                    ))}
                  </ul>
                }
              />
            ) : (
              <Alert data-testid={TID.emergencyGaps} type="success" showIcon style={{ marginBottom: 16 }} message={t('cases.emergency.noGaps', { clause: CLAUSE })} />
            ))}
          <Card title={t('cases.emergency.plans')} extra={<Typography.Text type="secondary">{CLAUSE}</Typography.Text>} loading={q.isPending} style={{ marginBottom: 16 }}>
            <Row gutter={[16, 16]}>
              {CLASSES.map((c) => {
                const plans = (data?.plans ?? []).filter((p) => p.planClass === c);
                return (
                  <Col span={8} key={c}>
                    <Card
                      size="small"
                      data-testid={TID.emergencyClass(c)}
                      title={
                        <Space>
                          {t(`cases.emergency.classes.${c}`)}
                          {plans.length ? <Tag color="green">{t('cases.emergency.hasPlan')}</Tag> : <Tag color="red">{t('cases.emergency.missing')}</Tag>}
                        </Space>
                      }
                      extra={
                        manage && (
                          <Button size="small" type="link" icon={<PlusOutlined />} data-testid={TID.emergencyAddPlan(c)} onClick={() => setPlanForm({ planClass: c, plan: null })}>
                            {t('cases.emergency.addPlan')}
                          </Button>
                        )
                      }
                      style={{ height: '100%' }}
                    >
                      {plans.length ? (
                        plans.map((p) => (
                          <div key={p.id} data-testid={TID.emergencyPlan} style={{ marginBottom: 8 }}>
                            <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                              <Typography.Text strong>{p.title}</Typography.Text>
                              {manage && <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('cases.emergency.editPlan')} data-testid={TID.emergencyEditPlan} onClick={() => setPlanForm({ planClass: c, plan: p })} />}
                            </Space>
                            <div style={{ whiteSpace: 'pre-wrap' }}>
                              <Typography.Text type="secondary">{t('cases.emergency.contacts')}：</Typography.Text>
                              {p.contacts}
                            </div>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {t('cases.emergency.approvedOn')} <span className="gz-num">{p.approvedOn}</span>
                            </Typography.Text>
                          </div>
                        ))
                      ) : (
                        <Typography.Text type="secondary">{t('cases.emergency.noPlan')}</Typography.Text>
                      )}
                    </Card>
                  </Col>
                );
              })}
            </Row>
          </Card>
          <Card
            title={t('cases.emergency.drills')}
            extra={
              manage && (
                <Button type="primary" icon={<PlusOutlined />} data-testid={TID.emergencyAddDrill} onClick={() => setDrilling(true)}>
                  {t('cases.emergency.addDrill')}
                </Button>
              )
            }
          >
            <Table
              data-testid={TID.emergencyDrills}
              rowKey="id"
              size="middle"
              loading={q.isPending}
              dataSource={data?.drills}
              pagination={false}
              locale={{ emptyText: t('cases.emergency.noDrills') }}
              columns={[
                { title: t('cases.emergency.heldOn'), dataIndex: 'heldOn', render: (v: string) => <span className="gz-num">{v}</span> },
                { title: t('cases.emergency.drillClass'), render: (_: unknown, d: Emergency['drills'][number]) => (d.planClass ? t(`cases.emergency.classes.${d.planClass}`) : '—') },
                { title: t('cases.emergency.attendance'), dataIndex: 'attendance', align: 'right', render: (v: number) => <span className="gz-num">{t('cases.emergency.people', { count: v })}</span> },
                { title: t('cases.emergency.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
              ]}
            />
          </Card>
        </>
      )}
      {planForm && quarterId && <PlanForm quarterId={quarterId} planClass={planForm.planClass} plan={planForm.plan} onClose={() => setPlanForm(null)} />}
      {drilling && quarterId && <DrillForm quarterId={quarterId} onClose={() => setDrilling(false)} />}
    </>
  );
}
