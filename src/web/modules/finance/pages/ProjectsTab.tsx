// 资金使用立项: the quarter's fund-use projects with their stage, and the form of a new one
// (purpose, amount, use category, supplier quotes; DB3305/T 309—2024 5.1.1.1).
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { FormModal } from '../../../components/FormModal';
import { QueryError } from '../../../components/QueryState';
import { notifySuccess } from '../../../lib/feedback';
import { rowTestId } from '../../../testids';
import { TID } from '../testids';
import { useFinanceMutation, useLedger, useProjects, type CreateProjectBody, type ProjectSummary } from '../api';
import { formatFen, Yuan, yuanToFen } from './shared';

export function stageColor(stage: string): string {
  return stage === 'rejected' ? 'red' : stage === 'use_published' ? 'green' : stage === 'decision_published' ? 'cyan' : 'gold';
}

export function ProjectsTab({ quarterId }: { quarterId: string }) {
  const { t } = useTranslation();
  const projects = useProjects(quarterId);
  const [creating, setCreating] = useState(false);
  if (projects.error) return <QueryError error={projects.error} onRetry={() => projects.refetch()} />;
  return (
    <Card
      extra={
        projects.data?.canPropose && (
          <Button type="primary" data-testid={TID.projectCreate} icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('finance.projects.create')}
          </Button>
        )
      }
      title={projects.data ? t('finance.projects.thresholdHint', { amount: formatFen(projects.data.largeThresholdFen) }) : null}
    >
      <Table<ProjectSummary>
        data-testid={TID.projectList}
        rowKey="id"
        loading={projects.isPending}
        dataSource={projects.data?.items}
        onRow={rowTestId(TID.projectRow, 'project')}
        locale={{ emptyText: t('finance.projects.empty') }}
        pagination={false}
        columns={[
          {
            title: t('finance.projects.title'),
            dataIndex: 'title',
            render: (title: string, p) => (
              <Link data-testid={TID.projectLink} to={`/finance/projects/${p.id}`}>
                {title}
              </Link>
            ),
          },
          { title: t('finance.projects.amount'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => <Yuan fen={fen} /> },
          { title: t('finance.projects.category'), dataIndex: 'categoryLabel' },
          { title: '', dataIndex: 'large', render: (large: boolean) => (large ? <Tag color="purple">{t('finance.projects.large')}</Tag> : <Tag>{t('finance.projects.small')}</Tag>) },
          { title: t('finance.projects.stage'), dataIndex: 'stageLabel', render: (label: string, p) => <Tag color={stageColor(p.stage)}>{label}</Tag> },
          { title: t('finance.projects.paid'), dataIndex: 'paidFen', align: 'right', render: (fen: number) => <Yuan fen={fen} /> },
        ]}
      />
      <CreateProjectModal open={creating} onClose={() => setCreating(false)} quarterId={quarterId} />
    </Card>
  );
}

interface ProjectValues {
  title: string;
  amount: string;
  category: string;
  purpose?: string;
  quotes?: { supplier: string; amount: string }[];
}

function CreateProjectModal({ open, onClose, quarterId }: { open: boolean; onClose: () => void; quarterId: string }) {
  const { t } = useTranslation();
  const ledger = useLedger(quarterId);
  const create = useFinanceMutation((body: CreateProjectBody) => api.post<{ id: string }>('/api/fund-projects', body));
  const amountRule = { validator: (_: unknown, v: string) => (yuanToFen(v) ? Promise.resolve() : Promise.reject(new Error(t('finance.book.amountInvalid')))) };
  return (
    <FormModal<ProjectValues>
      open={open}
      width={640}
      title={t('finance.projects.formTitle')}
      onClose={onClose}
      submitTestId={TID.projectFormSubmit}
      okText={t('finance.projects.submit')}
      initialValues={{ quotes: [] }}
      onSubmit={async (v) => {
        await create.mutateAsync({
          quarterId,
          title: v.title,
          purpose: v.purpose,
          amountFen: yuanToFen(v.amount)!,
          category: v.category,
          quotes: (v.quotes ?? []).map((q) => ({ supplier: q.supplier, amountFen: yuanToFen(q.amount)! })),
        });
        notifySuccess(t('finance.projects.created'));
      }}
    >
      {ledger.data && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('finance.projects.thresholdHint', { amount: formatFen(ledger.data.largeThresholdFen) })} />}
      <Form.Item name="title" label={t('finance.projects.title')} rules={[{ required: true, whitespace: true, message: t('finance.book.required') }]}>
        <Input data-testid={TID.projectFormTitle} maxLength={200} />
      </Form.Item>
      <Form.Item name="amount" label={t('finance.book.amount')} rules={[amountRule]}>
        <Input data-testid={TID.projectFormAmount} inputMode="decimal" prefix="¥" />
      </Form.Item>
      <Form.Item name="category" label={t('finance.projects.category')} rules={[{ required: true, message: t('finance.book.required') }]}>
        <Select data-testid={TID.projectFormCategory} options={(ledger.data?.accounts ?? []).filter((a) => a.kind === 'use').map((a) => ({ value: a.code, label: a.label }))} />
      </Form.Item>
      <Form.Item name="purpose" label={t('finance.projects.purpose')}>
        <Input.TextArea data-testid={TID.projectFormPurpose} rows={3} maxLength={2000} />
      </Form.Item>
      <Form.List name="quotes">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline">
                <Form.Item name={[f.name, 'supplier']} rules={[{ required: true, whitespace: true, message: t('finance.book.required') }]}>
                  <Input placeholder={t('finance.projects.supplier')} style={{ width: 280 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'amount']} rules={[amountRule]}>
                  <Input placeholder={t('finance.projects.quoteAmount')} prefix="¥" style={{ width: 180 }} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
              {t('finance.projects.addQuote')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
