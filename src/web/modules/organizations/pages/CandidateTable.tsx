// The candidates' table of the organisations tab.
import { Button, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { TID } from '../testids';
import { type Candidate } from '../api';

export function CandidateTable({ candidates, canReview, onReview }: { candidates: Candidate[]; canReview: (c: Candidate) => boolean; onReview: (c: Candidate) => void }) {
  const { t } = useTranslation();
  return (
    <Table<Candidate>
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: true }}
      dataSource={candidates}
      onRow={(c) => ({ 'data-testid': TID.orgCandidateRow, 'data-candidate-id': c.id, 'data-status': c.status }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('organizations.committee.name'), dataIndex: 'name' },
        {
          title: t('organizations.candidates.recommendedBy'),
          dataIndex: 'recommendedBy',
          render: (v: string, c) => (v === 'party-organization' ? t('organizations.candidates.byParty') : `${t('organizations.candidates.byOwners')}（${c.coSignerCount}）`),
        },
        { title: t('organizations.candidates.skills'), dataIndex: 'skills', render: (v: string[]) => v.map((s) => t(`organizations.skills.${s as 'finance'}`)).join('、') },
        {
          title: t('organizations.candidates.status'),
          dataIndex: 'statusLabel',
          render: (v: string, c) => (
            <Space wrap size={4}>
              <Tag color={c.status === 'approved' ? 'green' : c.status === 'rejected' ? 'red' : 'blue'}>{v}</Tag>
              {c.isPartyMember && <Tag>{t('organizations.candidates.isParty')}</Tag>}
              {c.inReservePool && <Tag>{t('organizations.candidates.reserve')}</Tag>}
              {c.seated && <Tag color="purple">{t('organizations.candidates.seated')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('organizations.candidates.reviews'),
          dataIndex: 'reviews',
          render: (reviews: Candidate['reviews']) => (
            <Space orientation="vertical" size={0}>
              {reviews.map((r) => (
                <span key={r.step}>
                  {r.stepLabel}：{r.decision === 'approve' ? t('organizations.review.approve') : t('organizations.review.reject')}（{r.reviewerName} {r.reviewedOn}）{r.opinion}
                </span>
              ))}
            </Space>
          ),
        },
        {
          title: '',
          key: 'act',
          render: (_, c) =>
            canReview(c) ? (
              <Button size="small" type="primary" data-testid={TID.orgReview} data-step={c.nextStep ?? undefined} onClick={() => onReview(c)}>
                {c.nextStepLabel}
              </Button>
            ) : null,
        },
      ]}
    />
  );
}
