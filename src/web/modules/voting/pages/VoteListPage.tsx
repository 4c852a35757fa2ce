// 业主大会表决 — the staff list of votes in the caller's scope, and the form for a new one.
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Empty, Form, Input, InputNumber, Radio, Select, Space, Table, Tooltip, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import { useBuildings } from '../../../api/queries';
import { useCan, useCurrentUser } from '../../../auth/session';
import { QueryError } from '../../../components/QueryState';
import { currentLanguageOf } from '../../../i18n';
import { notifySuccess } from '../../../lib/feedback';
import { formatCount } from '../../../lib/format';
import { rowTestId } from '../../../testids';
import { TID } from '../testids';
import { useArticle278Items, useQuartersRunBy, useRunsVotes, useVoteMutation, useVotePage, type Created, type CreateVoteBody, type Matter, type VoteRule, type VoteSummary } from '../api';
import { formatWindow, MatterTag, VoteStatusTag } from './shared';
import { WindowPicker, type WindowValue } from './WindowPicker';

export default function VoteListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params] = useSearchParams();
  const quarterId = params.get('quarterId') ?? undefined;
  // A page of the votes at a time, of one phase when asked (the list pages on the server).
  const [page, setPage] = useState(1);
  const [phase, setPhase] = useState<VoteSummary['phase'] | undefined>();
  const votes = useVotePage(quarterId, { page, pageSize: VOTE_PAGE_SIZE, phase });
  // Offered only where the caller may finish it: the community office does not run the votes of
  // a quarter whose owners' committee is in office (西政办〔2020〕29号 二（五）15).
  const runsIn = useQuartersRunBy();
  const mayCreate = can('votes.manage') && (quarterId ? !!runsIn.data?.some((q) => q.id === quarterId) : !!runsIn.data?.length);
  const navigate = useNavigate();
  return (
    <>
      <div className="gz-page-title">
        <Typography.Title level={3}>{t('voting.title')}</Typography.Title>
        <div style={{ flex: 1 }} />
        {mayCreate ? (
          <Button data-testid={TID.voteCreate} type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/votes/new${quarterId ? `?quarterId=${quarterId}` : ''}`)}>
            {t('voting.create')}
          </Button>
        ) : (
          can('votes.manage') &&
          runsIn.data && (
            // The community office where every quarter's committee is in office: say why there is no button.
            <Tooltip title={t('voting.form.committeeRuns')}>
              <Typography.Text type="secondary" data-testid={TID.voteCreateNotOurs}>
                {t('voting.committeeRunsShort')}
              </Typography.Text>
            </Tooltip>
          )
        )}
      </div>
      {votes.error ? (
        <QueryError error={votes.error} onRetry={() => votes.refetch()} />
      ) : (
        <Card
          extra={
            <Select
              data-testid={TID.votePhaseFilter}
              allowClear
              style={{ width: 180 }}
              placeholder={t('voting.allPhases')}
              value={phase}
              onChange={(v) => {
                setPhase(v);
                setPage(1);
              }}
              options={VOTE_PHASES.map((p) => ({ value: p, label: t(`voting.phase.${p}`) }))}
            />
          }
        >
          <VoteTable votes={votes.data?.items} total={votes.data?.total} page={page} onPage={setPage} loading={votes.isPending} />
        </Card>
      )}
    </>
  );
}

export const VOTE_PAGE_SIZE = 20;
const VOTE_PHASES: VoteSummary['phase'][] = ['draft', 'upcoming', 'open', 'ended', 'closed', 'published'];

/** A page of votes; the pager asks the server for the next (GET /api/votes answers a page and its total). */
export function VoteTable({
  votes,
  total,
  page,
  onPage,
  loading,
  hideQuarter,
}: {
  votes: VoteSummary[] | undefined;
  total: number | undefined;
  page: number;
  onPage: (page: number) => void;
  loading: boolean;
  hideQuarter?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Table<VoteSummary>
      data-testid={TID.voteList}
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={votes ?? []}
      pagination={{ current: page, pageSize: VOTE_PAGE_SIZE, total: total ?? 0, hideOnSinglePage: true, showSizeChanger: false, onChange: onPage }}
      scroll={{ x: 720 }}
      locale={{ emptyText: <Empty description={t('voting.none')} /> }}
      onRow={rowTestId(TID.voteRow, 'vote')}
      columns={[
        {
          title: t('voting.col.title'),
          key: 'title',
          render: (_, v) => (
            <Link data-testid={TID.voteLink} to={`/votes/${v.id}`}>
              {v.title}
            </Link>
          ),
        },
        ...(hideQuarter ? [] : [{ title: t('voting.col.quarter'), dataIndex: 'quarterName', key: 'quarter' }]),
        { title: t('voting.col.status'), key: 'status', render: (_: unknown, v: VoteSummary) => <VoteStatusTag status={v.status} phase={v.phase} /> },
        { title: t('voting.col.window'), key: 'window', className: 'gz-num', render: (_: unknown, v: VoteSummary) => formatWindow(v.opensAt, v.closesAt) },
        {
          title: t('voting.col.ballots'),
          key: 'ballots',
          className: 'gz-num gz-nowrap',
          render: (_: unknown, v: VoteSummary) => (v.rollMembers === null ? '—' : `${formatCount(v.ballotCount)} / ${formatCount(v.rollMembers)}`),
        },
      ]}
    />
  );
}

/** The quarter's buildings; mounted only once a quarter is chosen (the list needs its id). */
function BuildingSelect({ quarterId, ...props }: { quarterId: string; value?: string; onChange?: (v: string) => void }) {
  const buildings = useBuildings(quarterId);
  return <Select {...props} options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))} loading={buildings.isFetching} />;
}

interface FormValues {
  quarterId: string;
  buildingId?: string;
  title: string;
  rule: VoteRule;
  window: WindowValue;
  objectionDays: number;
  items: { title: string; article278Item?: number; matter?: Matter }[];
}

/** /votes/new — a draft vote: items pick their article 278 item, so the matter class follows. */
export function VoteCreatePage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  // Only the quarters where the caller runs votes are offered: a form that cannot be saved is
  // never filled in.
  const quarters = useQuartersRunBy();
  const article = useArticle278Items();
  const rule = Form.useWatch('rule', form) ?? 'civil-code-278';
  const quarterId = Form.useWatch('quarterId', form);
  const runsVotes = useRunsVotes(quarterId);
  const notOurs = !!quarterId && runsVotes.data === false;
  const lang = currentLanguageOf(i18n.language);
  const create = useVoteMutation('', (body: CreateVoteBody) => api.post<Created>('/api/votes', body), true);

  const initialQuarter = params.get('quarterId') ?? user.quarterId ?? (user.scope.level === 'quarter' ? user.scope.id : undefined);

  const onFinish = async (v: FormValues) => {
    try {
      const { id } = await create.mutateAsync({
        quarterId: v.quarterId,
        buildingId: v.rule === 'building-majority' ? v.buildingId : undefined,
        title: v.title,
        rule: v.rule,
        opensAt: v.window[0],
        closesAt: v.window[1],
        objectionDays: v.objectionDays,
        items: v.items.map((i) => (v.rule === 'civil-code-278' ? { title: i.title, article278Item: i.article278Item } : { title: i.title, matter: i.matter ?? 'ordinary' })),
      });
      notifySuccess(t('voting.form.created'));
      navigate(`/votes/${id}`);
    } catch (err) {
      if (err instanceof ApiError) {
        const fields = err.fieldErrors();
        // The window's two ends are one field on the form; other problems show under the title.
        const windowError = fields.opensAt ?? fields.closesAt;
        if (windowError) form.setFields([{ name: 'window', errors: [windowError] }]);
        else form.setFields([{ name: 'title', errors: [fields.title ?? err.message] }]);
      }
    }
  };

  return (
    <>
      <div className="gz-page-title">
        <Typography.Title level={3}>{t('voting.form.title')}</Typography.Title>
      </div>
      <Card style={{ maxWidth: 900 }}>
        <Form<FormValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={{ quarterId: initialQuarter, rule: 'civil-code-278', objectionDays: 7, items: [{ title: '' }] }}
        >
          <Form.Item name="quarterId" label={t('voting.form.quarter')} rules={[{ required: true, message: t('voting.form.required') }]}>
            <Select
              data-testid={TID.voteFormQuarter}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('voting.form.quarterPlaceholder')}
              options={(quarters.data ?? []).map((q) => ({ value: q.id, label: q.name }))}
              loading={quarters.isFetching}
              notFoundContent={quarters.data && !quarters.data.length ? t('voting.form.noQuarterRun') : undefined}
            />
          </Form.Item>
          {quarters.data && !quarters.data.length && <Alert data-testid={TID.voteFormNotOurs} type="warning" showIcon style={{ marginBottom: 16 }} title={t('voting.form.noQuarterRun')} />}
          {notOurs && <Alert data-testid={TID.voteFormNotOurs} type="warning" showIcon style={{ marginBottom: 16 }} title={t('voting.form.committeeRuns')} />}
          <Form.Item name="rule" label={t('voting.rule.label')}>
            <Radio.Group data-testid={TID.voteFormRule}>
              <Radio value="civil-code-278">{t('voting.rule.civil-code-278')}</Radio>
              <Radio value="building-majority">{t('voting.rule.building-majority')}</Radio>
            </Radio.Group>
          </Form.Item>
          {rule === 'building-majority' && (
            <Form.Item name="buildingId" label={t('voting.form.building')} extra={t('voting.form.buildingHint')} rules={[{ required: true, message: t('voting.form.required') }]}>
              {quarterId ? <BuildingSelect quarterId={quarterId} /> : <Select disabled />}
            </Form.Item>
          )}
          <Form.Item name="title" label={t('voting.form.voteTitle')} rules={[{ required: true, whitespace: true, message: t('voting.form.required') }]}>
            <Input data-testid={TID.voteFormTitle} maxLength={200} placeholder={t('voting.form.voteTitlePlaceholder')} />
          </Form.Item>
          <Space wrap size="large" align="start">
            <Form.Item
              name="window"
              label={t('voting.form.window')}
              extra={<div style={{ maxWidth: 380 }}>{t('voting.form.windowHint')}</div>}
              rules={[
                { required: true, message: t('voting.form.required') },
                { validator: (_, w?: WindowValue) => (!w || Date.parse(w[1]) > Date.parse(w[0]) ? Promise.resolve() : Promise.reject(new Error(t('voting.form.windowInvalid')))) },
              ]}
            >
              <WindowPicker testId={TID.voteFormWindow} />
            </Form.Item>
            <Form.Item name="objectionDays" label={t('voting.form.objectionDays')} tooltip={t('voting.form.objectionDaysHint')}>
              <InputNumber min={0} max={60} />
            </Form.Item>
          </Space>
          <Typography.Title level={5}>{t('voting.form.items')}</Typography.Title>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Card key={field.key} size="small" style={{ marginBottom: 12 }} title={`${index + 1}`} extra={fields.length > 1 && <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('voting.form.removeItem')} />}>
                    <Form.Item name={[field.name, 'title']} label={t('voting.form.itemTitle')} rules={[{ required: true, whitespace: true, message: t('voting.form.required') }]}>
                      <Input data-testid={TID.voteFormItemTitle(index)} maxLength={200} />
                    </Form.Item>
                    {rule === 'civil-code-278' ? (
                      <Form.Item noStyle shouldUpdate>
                        {() => {
                          const chosen = form.getFieldValue(['items', field.name, 'article278Item']) as number | undefined;
                          const matter = article.data?.find((a) => a.item === chosen)?.matter ?? null;
                          return (
                            <>
                              <Form.Item name={[field.name, 'article278Item']} label={t('voting.form.article')} rules={[{ required: true, message: t('voting.form.required') }]} style={{ marginBottom: 8 }}>
                                <Select
                                  data-testid={TID.voteFormItemArticle(index)}
                                  placeholder={t('voting.form.articlePlaceholder')}
                                  loading={article.isPending}
                                  options={(article.data ?? []).map((a) => ({ value: a.item, label: `（${a.item}）${a[lang]} · ${t(`voting.matter.${a.matter}`)}` }))}
                                />
                              </Form.Item>
                              {matter && (
                                <div data-testid={TID.voteFormItemMatter(index)} data-matter={matter}>
                                  <MatterTag matter={matter} article={chosen ?? null} />
                                  <div className="gz-muted" style={{ fontSize: 12, marginTop: 4 }}>
                                    {t(`voting.matterHint.${matter}`)}
                                  </div>
                                </div>
                              )}
                            </>
                          );
                        }}
                      </Form.Item>
                    ) : (
                      <Form.Item name={[field.name, 'matter']} label={t('voting.form.matter')} initialValue="ordinary">
                        <Radio.Group>
                          <Radio value="ordinary">{t('voting.matter.ordinary')}</Radio>
                          <Radio value="special">{t('voting.matter.special')}</Radio>
                        </Radio.Group>
                      </Form.Item>
                    )}
                  </Card>
                ))}
                <Button data-testid={TID.voteFormAddItem} type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '' })} block style={{ marginBottom: 16 }}>
                  {t('voting.form.addItem')}
                </Button>
              </>
            )}
          </Form.List>
          <Space>
            <Button data-testid={TID.voteFormSubmit} type="primary" htmlType="submit" loading={create.isPending} disabled={notOurs || !quarters.data?.length}>
              {t('voting.form.submit')}
            </Button>
            <Button onClick={() => navigate('/votes')}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
