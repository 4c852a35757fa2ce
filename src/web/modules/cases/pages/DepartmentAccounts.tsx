// The district office says which department each account of the department role belongs to
// (住建, 公安, 城管, … as the annex of 湘建房〔2021〕231号 names them): that account then sees the
// cases dispatched to its department, and nothing else.
import { Card, Select, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useUsers } from '../../../api/queries';
import type { UserAccount } from '../../../api/types';
import { notifyError, notifySuccess } from '../../../lib/feedback';
import { TID } from '../testids';

type Answer = { departments: string[]; items: { userId: string; department: string }[] };

export default function DepartmentAccounts() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  // The department accounts are a few in a district: one page holds them.
  const users = useUsers({ role: 'department', pageSize: 200 });
  const members = useQuery({ queryKey: ['cases', 'department-accounts'], queryFn: () => api.get<Answer>('/api/cases/department-accounts') });
  const set = useMutation({
    mutationFn: ({ userId, department }: { userId: string; department: string | null }) => api.patch(`/api/cases/department-accounts/${userId}`, { department }),
    onSuccess: () => {
      notifySuccess(t('cases.detail.done'));
      return qc.invalidateQueries({ queryKey: ['cases', 'department-accounts'] });
    },
    onError: notifyError,
  });
  const accounts = users.data?.items ?? [];
  const of = (id: string) => members.data?.items.find((m) => m.userId === id)?.department ?? null;
  return (
    <Card title={t('cases.departments.title')} style={{ marginTop: 16 }} data-testid={TID.caseDepartments}>
      <Typography.Paragraph type="secondary">{t('cases.departments.intro')}</Typography.Paragraph>
      <Table<UserAccount>
        size="small"
        rowKey="id"
        pagination={false}
        loading={users.isPending || members.isPending}
        dataSource={accounts}
        columns={[
          { title: t('cases.departments.account'), render: (_: unknown, u) => `${u.displayName}（${u.username}）` },
          {
            title: t('cases.departments.department'),
            render: (_: unknown, u) => (
              <Select
                style={{ width: 260 }}
                allowClear
                value={of(u.id)}
                placeholder={t('cases.departments.none')}
                onChange={(department) => set.mutate({ userId: u.id, department: department ?? null })}
                options={(members.data?.departments ?? []).map((d) => ({ value: d, label: d }))}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
