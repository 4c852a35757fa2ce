// 组织建设待办: what the user's role must act on — the candidates waiting for the step their
// office takes (百委〔2023〕37号 二（二）5), committee terms ending within the reminder lead time or
// ended (T/ZAS 4006.1—2020 5.4.2), and the rules not met in their quarters — followed by the
// rules in force in their district, each with its citation; and the tripartite offices with their
// members, which belong to a district, street or community rather than to a quarter.
import { useState } from 'react';
import { Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { hasPermission, useCurrentUser } from '../../../auth/session';
import { Loading, QueryError } from '../../../components/QueryState';
import { TID } from '../testids';
import { useActions, useRulesInForce, type RuleEntry } from '../api';
import { OfficesCard } from './OfficesCard';
import { Citation, StatusTag } from './shared';

const FAILING_PAGE_SIZE = 20;

const dossierLink = (quarterId: string) => `/quarters/${quarterId}?tab=section-organizations`;

export default function ActionsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [page, setPage] = useState(1);
  const [rule, setRule] = useState<string | undefined>();
  const actions = useActions({ page, pageSize: FAILING_PAGE_SIZE, rule });
  const rules = useRulesInForce();
  if (actions.isPending) return <Loading />;
  if (actions.error) return <QueryError error={actions.error} onRetry={() => void actions.refetch()} />;
  const a = actions.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid={TID.orgActions}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('organizations.actions.title')}
      </Typography.Title>
      <Card size="small" title={t('organizations.actions.vetting')} data-testid={TID.orgActionsVetting}>
        {a.vetting.length ? (
          <ul className="gz-list">
            {a.vetting.map((c) => (
              <li className="gz-list-item" key={c.id} data-testid={TID.orgActionsVettingRow} data-candidate-id={c.id}>
                <Space wrap>
                  <Link to={dossierLink(c.quarterId)}>{c.quarterName}</Link>
                  <strong>{c.name}</strong>
                  <Tag color="blue">{c.nextStepLabel}</Tag>
                  <Citation text="百委〔2023〕37号 二（二）5" />
                </Space>
              </li>
            ))}
          </ul>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('organizations.actions.noVetting')} />
        )}
      </Card>
      <Card size="small" title={t('organizations.actions.expiring')} data-testid={TID.orgActionsExpiring}>
        {a.expiringTerms.length ? (
          <ul className="gz-list">
            {a.expiringTerms.map((e) => (
              <li className="gz-list-item" key={e.quarterId}>
                <Space wrap>
                  <Link to={dossierLink(e.quarterId)}>{e.quarterName}</Link>
                  <span>{e.termEnd}</span>
                  <Tag color={e.expired ? 'red' : 'orange'}>{e.expired ? t('organizations.actions.expired', { days: -e.daysLeft }) : t('organizations.actions.daysLeft', { days: e.daysLeft })}</Tag>
                  <Citation text={e.citation} />
                </Space>
              </li>
            ))}
          </ul>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('organizations.actions.noExpiring')} />
        )}
      </Card>
      <Card
        size="small"
        title={t('organizations.actions.failing')}
        data-testid={TID.orgActionsFailing}
        extra={
          <Select
            allowClear
            size="small"
            placeholder={t('organizations.actions.allRules')}
            value={rule}
            onChange={(v?: string) => {
              setRule(v);
              setPage(1);
            }}
            options={(rules.data?.rules ?? []).map((r) => ({ value: r.id, label: r.title }))}
            style={{ width: 240 }}
          />
        }
      >
        {a.failingChecks.total ? (
          <Table
            size="small"
            rowKey={(r) => `${r.quarterId}-${r.rule}-${r.message}`}
            loading={actions.isFetching}
            pagination={{ current: page, pageSize: FAILING_PAGE_SIZE, total: a.failingChecks.total, hideOnSinglePage: true, showSizeChanger: false, onChange: setPage }}
            scroll={{ x: true }}
            dataSource={a.failingChecks.items}
            columns={[
              { title: t('organizations.actions.quarter'), dataIndex: 'quarterName', render: (v: string, r) => <Link to={dossierLink(r.quarterId)}>{v}</Link> },
              { title: t('organizations.checks.status'), dataIndex: 'status', render: (s: 'fail') => <StatusTag status={s} /> },
              { title: t('organizations.checks.message'), dataIndex: 'message' },
              { title: t('organizations.checks.citation'), dataIndex: 'citation', render: (c: string) => <Citation text={c} /> },
            ]}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('organizations.actions.noFailing')} />
        )}
      </Card>
      {hasPermission(user, 'organizations.read') && <OfficesCard user={user} />}
      <Card size="small" title={rules.data ? `${t('organizations.rules.title')} · ${rules.data.pack.title}` : t('organizations.rules.title')} data-testid={TID.orgRules}>
        {rules.data && (
          <>
            <Table<RuleEntry>
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ x: true }}
              dataSource={rules.data.rules}
              onRow={(r) => ({ 'data-testid': TID.orgRuleRow, 'data-rule': r.id }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('organizations.checks.rule'), dataIndex: 'title', render: (v: string, r) => <Space orientation="vertical" size={0}><strong>{v}</strong><Typography.Text type="secondary">{r.description}</Typography.Text></Space> },
                { title: t('organizations.rules.severity'), dataIndex: 'severity', width: 90, render: (s: 'fail' | 'warn') => <Tag color={s === 'fail' ? 'red' : 'orange'}>{t(`organizations.rules.${s}`)}</Tag> },
                { title: t('organizations.checks.citation'), dataIndex: 'citations', render: (cs: RuleEntry['citations']) => <Space orientation="vertical" size={0}>{cs.map((c) => <Citation key={c.text + (c.aspect ?? '')} text={c.text} />)}</Space> },
              ]}
            />
            <Typography.Title level={5}>{t('organizations.rules.checklist')}</Typography.Title>
            <ul className="gz-list">
              {rules.data.checklist.map((i) => (
                <li className="gz-list-item" key={i.id}>
                  <span>{i.label}</span> <Citation text={i.citation} />
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
    </Space>
  );
}
