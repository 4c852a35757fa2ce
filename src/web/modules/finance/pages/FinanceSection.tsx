// The "公共收益" tab of the quarter dossier: the money held, the accounts' totals, the projects
// and the disclosures at a glance, with the way to the finance page (given in ../index.ts).
import { Alert, Button, Card, Col, Row, Statistic, Table, Tag } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { DossierTabProps } from '../../module';
import { TID } from '../testids';
import { useDisclosures, useLedger, useProjects } from '../api';
import { stageColor } from './ProjectsTab';
import { Yuan } from './shared';

export default function FinanceSection({ quarterId }: DossierTabProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ledger = useLedger(quarterId);
  const projects = useProjects(quarterId);
  const disclosures = useDisclosures(quarterId);
  const l = ledger.data;
  return (
    <Card
      data-testid={TID.dossierFinance}
      extra={
        <Button type="primary" onClick={() => navigate(`/finance?quarterId=${quarterId}`)}>
          {t('finance.title')}
        </Button>
      }
    >
      {disclosures.data && (
        <Alert
          type={disclosures.data.due.published ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={t('finance.disclosures.due', { period: disclosures.data.due.period, state: disclosures.data.due.published ? t('finance.disclosures.dueDone') : t('finance.disclosures.dueMissing') })}
        />
      )}
      {l && (
        <Row gutter={24} style={{ marginBottom: 16 }}>
          <Col span={8}>
            <Statistic title={t('finance.held')} valueRender={() => <Yuan fen={l.totals.heldFen} />} />
          </Col>
          <Col span={8}>
            <Statistic title={t('finance.income')} valueRender={() => <Yuan fen={l.totals.incomeFen} />} />
          </Col>
          <Col span={8}>
            <Statistic title={t('finance.spending')} valueRender={() => <Yuan fen={l.totals.spendingFen} />} />
          </Col>
        </Row>
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={projects.isPending}
        dataSource={projects.data?.items.slice(0, 10)}
        locale={{ emptyText: t('finance.projects.empty') }}
        columns={[
          { title: t('finance.projects.title'), dataIndex: 'title', render: (title: string, p) => <a onClick={() => navigate(`/finance/projects/${p.id}`)}>{title}</a> },
          { title: t('finance.projects.amount'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => <Yuan fen={fen} /> },
          { title: t('finance.projects.stage'), dataIndex: 'stageLabel', render: (label: string, p) => <Tag color={stageColor(p.stage)}>{label}</Tag> },
        ]}
      />
    </Card>
  );
}
