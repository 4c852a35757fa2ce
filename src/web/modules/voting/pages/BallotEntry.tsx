// Entering paper and proxy ballots on the staff page of an open vote (with the scan of the paper
// ballot), and the log of what was entered.
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, Modal, Radio, Select, Table, Tag, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import { QueryError } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/feedback';
import { formatDateTime } from '../../../lib/format';
import { TID } from '../testids';
import {
  uploadScan,
  useEntries,
  useRollUnits,
  useVoteMutation,
  type BallotEntry,
  type Choice,
  type Receipt,
  type RollUnit,
  type VoteDetail,
} from '../api';

export interface EntryValues {
  kind: 'paper' | 'proxy';
  unitId: string;
  proxyHolder?: string;
  choices: Record<string, Choice>;
}

/** Paper ballots (with the signed scan) and proxies, entered by staff for a unit on the roll. */
export function EntryForm({ vote }: { vote: VoteDetail }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EntryValues>();
  const [search, setSearch] = useState('');
  const [scan, setScan] = useState<{ id: string; name: string } | null>(null);
  const [uploading, setUploading] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const units = useRollUnits(vote.id, search, true);
  const kind = Form.useWatch('kind', form) ?? 'paper';
  const unitId = Form.useWatch('unitId', form);
  // The chosen unit is remembered as chosen: a later search must not lose its building and owner.
  const [chosen, setChosen] = useState<RollUnit | null>(null);
  const [modal, modalHolder] = Modal.useModal();
  const enter = useVoteMutation(
    vote.id,
    (v: EntryValues) =>
      v.kind === 'paper'
        ? api.post<Receipt>(`/api/votes/${vote.id}/paper-ballots`, { unitId: v.unitId, choices: v.choices, scanId: scan?.id })
        : api.post<Receipt>(`/api/votes/${vote.id}/proxy-ballots`, { unitId: v.unitId, choices: v.choices, proxyHolder: v.proxyHolder, scanId: scan?.id ?? null }),
    true,
  );
  const onFinish = async (v: EntryValues) => {
    setRefusal(null);
    if (v.kind === 'paper' && !scan) {
      setRefusal(t('voting.entry.scanRequired'));
      return;
    }
    // A ballot entered wrongly can only be voided, with a reason, and entered again: staff
    // compare what will be saved with the paper first.
    const confirmed = await modal.confirm({
      title: t('voting.entry.confirmTitle'),
      width: 560,
      okText: t('voting.entry.submit'),
      okButtonProps: { 'data-testid': TID.voteEntryConfirmOk } as never,
      content: <EntrySummary vote={vote} values={v} unit={chosen?.unitId === v.unitId ? chosen : null} scanName={scan?.name ?? null} />,
    });
    if (!confirmed) return;
    try {
      const r = await enter.mutateAsync(v);
      notifySuccess(t('voting.entry.saved', { code: r.receiptCode }));
      form.resetFields();
      setScan(null);
      setChosen(null);
    } catch (err) {
      setRefusal(err instanceof ApiError ? err.message : String(err));
    }
  };
  const channelLabel = (c: string) => t(`voting.turnout.channel.${c as 'online'}`);
  return (
    <Card title={t('voting.entry.title')} data-testid={TID.voteEntryForm}>
      {modalHolder}
      <Form<EntryValues> form={form} layout="vertical" onFinish={onFinish} initialValues={{ kind: 'paper' }} style={{ maxWidth: 720 }}>
        <Form.Item name="kind" label={t('voting.entry.kind')}>
          <Radio.Group data-testid={TID.voteEntryKind} optionType="button" options={[{ value: 'paper', label: channelLabel('paper') }, { value: 'proxy', label: channelLabel('proxy') }]} />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('voting.entry.unit')}
          rules={[{ required: true, message: t('voting.form.required') }]}
          extra={
            chosen && chosen.unitId === unitId ? (
              <span data-testid={TID.voteEntryChosen}>{t('voting.entry.chosen', { building: chosen.building, number: chosen.number, owners: chosen.owners.join('、') || '—' })}</span>
            ) : (
              t('voting.entry.unitHint')
            )
          }
        >
          <Select
            data-testid={TID.voteEntryUnit}
            showSearch={{ filterOption: false, onSearch: setSearch }}
            // Enter takes the highlighted option: only when the search found exactly one unit, so
            // "1-102" in a quarter with several buildings never picks another building's 1-102.
            defaultActiveFirstOption={(units.data ?? []).length === 1}
            placeholder={t('voting.entry.unitPlaceholder')}
            loading={units.isFetching}
            onChange={(id: string) => setChosen(units.data?.find((u) => u.unitId === id) ?? null)}
            options={(units.data ?? []).map((u) => ({
              value: u.unitId,
              disabled: !!u.votedChannel,
              label: u.label,
              unit: u,
            }))}
            optionRender={(o) => {
              const u = (o.data as { unit: RollUnit }).unit;
              return (
                <div data-testid={TID.voteEntryUnitOption} style={{ display: 'flex', gap: 8, justifyContent: 'space-between' }}>
                  <span>
                    <strong>{u.building}</strong> {u.number}
                  </span>
                  <span className="gz-muted">
                    {u.owners.join('、') || '—'}
                    {u.votedChannel && ` · ${t('voting.entry.voted', { channel: channelLabel(u.votedChannel) })}`}
                  </span>
                </div>
              );
            }}
          />
        </Form.Item>
        {vote.items.map((item) => (
          <Form.Item key={item.id} name={['choices', item.id]} label={`${item.id}. ${item.title}`} rules={[{ required: true, message: t('voting.owner.incomplete') }]}>
            <Radio.Group data-testid={TID.voteEntryChoice(item.id)} options={(['yes', 'no', 'abstain'] as const).map((c) => ({ value: c, label: t(`voting.choice.${c}`) }))} />
          </Form.Item>
        ))}
        {kind === 'proxy' && (
          <Form.Item name="proxyHolder" label={t('voting.entry.proxyHolder')} rules={[{ required: true, whitespace: true, message: t('voting.form.required') }]}>
            <Input data-testid={TID.voteEntryProxy} maxLength={60} placeholder={t('voting.entry.proxyHolderPlaceholder')} />
          </Form.Item>
        )}
        <Form.Item label={t('voting.entry.scan')} extra={t('voting.entry.scanHint')} required={kind === 'paper'}>
          <Upload
            accept=".pdf,.jpg,.jpeg,.png"
            maxCount={1}
            showUploadList={false}
            beforeUpload={async (file) => {
              setUploading(true);
              try {
                const saved = await uploadScan(vote.id, file);
                setScan({ id: saved.id, name: file.name });
              } catch (err) {
                notifyError(err);
              } finally {
                setUploading(false);
              }
              return Upload.LIST_IGNORE;
            }}
          >
            <Button data-testid={TID.voteEntryScan} icon={<UploadOutlined />} loading={uploading}>
              {t('voting.entry.scanUpload')}
            </Button>
          </Upload>
          {scan && <Tag style={{ marginLeft: 8 }}>{scan.name}</Tag>}
        </Form.Item>
        {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} />}
        <Button data-testid={TID.voteEntrySubmit} type="primary" htmlType="submit" loading={enter.isPending}>
          {t('voting.entry.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** What will be saved, as the paper shows it: building, unit, owner, channel and every choice. */
function EntrySummary({ vote, values, unit, scanName }: { vote: VoteDetail; values: EntryValues; unit: RollUnit | null; scanName: string | null }) {
  const { t } = useTranslation();
  return (
    <div data-testid={TID.voteEntryConfirm}>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'b', label: t('voting.entry.building'), children: <strong>{unit?.building ?? '—'}</strong> },
          { key: 'u', label: t('voting.entry.number'), children: <strong>{unit?.number ?? '—'}</strong> },
          { key: 'o', label: t('voting.entry.owners'), children: unit?.owners.join('、') || '—' },
          { key: 'k', label: t('voting.entry.kind'), children: t(`voting.turnout.channel.${values.kind}`) },
          ...(values.kind === 'proxy' ? [{ key: 'p', label: t('voting.entry.proxyHolder'), children: values.proxyHolder }] : []),
          ...vote.items.map((item) => ({
            key: `i${item.id}`,
            label: `${item.id}. ${item.title}`,
            children: <strong>{t(`voting.choice.${values.choices[item.id]}`)}</strong>,
          })),
          { key: 's', label: t('voting.entry.scan'), children: scanName ?? '—' },
        ]}
      />
      <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('voting.entry.confirmHint')} />
    </div>
  );
}

export function EntryLog({ vote }: { vote: VoteDetail }) {
  const { t } = useTranslation();
  const entries = useEntries(vote.id, true);
  const [voiding, setVoiding] = useState<BallotEntry | null>(null);
  // Voiding is for a ballot entered wrongly, while the vote takes ballots (issue 10 point 5).
  const mayVoid = vote.canVoidEntries && vote.phase === 'open';
  const struck = (r: BallotEntry, text: React.ReactNode) => (r.voided ? <s>{text}</s> : text);
  return (
    <Card title={t('voting.entry.log')}>
      {entries.error ? (
        <QueryError error={entries.error} />
      ) : (
        <Table<BallotEntry>
          data-testid={TID.voteEntryLog}
          size="small"
          rowKey="id"
          loading={entries.isPending}
          dataSource={entries.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 880 }}
          onRow={(r) => ({ 'data-testid': TID.voteEntryRow, 'data-channel': r.channel, 'data-voided': r.voided ? 'true' : 'false' }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('voting.entry.none')} /> }}
          columns={[
            { title: t('voting.entry.logSeq'), dataIndex: 'seq', key: 'seq', width: 70, className: 'gz-num', render: (_, r) => struck(r, r.seq) },
            { title: t('voting.entry.logChannel'), key: 'channel', render: (_, r) => struck(r, t(`voting.turnout.channel.${r.channel}`)) },
            {
              title: t('voting.entry.logUnit'),
              key: 'unit',
              render: (_, r) => (
                <>
                  {struck(r, r.unit ?? '—')}
                  {r.voided && (
                    <div data-testid={TID.voteEntryVoided} style={{ color: 'var(--ant-color-text-secondary, #666)', fontSize: 12 }}>
                      <Tag color="red">{t('voting.entry.voided')}</Tag>
                      {t('voting.entry.voidedLine', { by: r.voided.by ?? '—', at: formatDateTime(r.voided.at), reason: r.voided.reason })}
                    </div>
                  )}
                </>
              ),
            },
            { title: t('voting.entry.logBy'), key: 'by', render: (_, r) => struck(r, r.enteredBy ?? t('voting.entry.owner')) },
            { title: t('voting.entry.logProxy'), key: 'proxy', render: (_, r) => struck(r, r.proxyHolder ?? '—') },
            { title: t('voting.entry.logTime'), key: 'time', className: 'gz-num gz-nowrap', render: (_, r) => struck(r, formatDateTime(r.castAt)) },
            {
              title: t('voting.entry.logScan'),
              key: 'scan',
              render: (_, r) =>
                r.scanId ? (
                  <a href={`/api/votes/${vote.id}/scans/${r.scanId}`} target="_blank" rel="noreferrer">
                    {t('voting.entry.logScanOpen')}
                  </a>
                ) : (
                  '—'
                ),
            },
            ...(mayVoid
              ? [
                  {
                    title: t('voting.entry.logActions'),
                    key: 'actions',
                    className: 'gz-nowrap',
                    render: (_: unknown, r: BallotEntry) =>
                      r.voided ? null : (
                        <Button size="small" danger data-testid={TID.voteEntryVoid} onClick={() => setVoiding(r)}>
                          {t('voting.entry.void')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {voiding && <VoidDialog vote={vote} entry={voiding} onClose={() => setVoiding(null)} />}
    </Card>
  );
}

/** Asks for the reason and voids the entry; the reason goes into the chain and the log. */
function VoidDialog({ vote, entry, onClose }: { vote: VoteDetail; entry: BallotEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const voidIt = useVoteMutation(vote.id, (reason: string) => api.post<BallotEntry>(`/api/votes/${vote.id}/entries/${entry.id}/void`, { reason }), true);
  const submit = async () => {
    const { reason } = await form.validateFields();
    setRefusal(null);
    try {
      await voidIt.mutateAsync(reason.trim());
      notifySuccess(t('voting.entry.voidDone'));
      onClose();
    } catch (err) {
      setRefusal(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <Modal
      open
      title={t('voting.entry.voidTitle')}
      okText={t('voting.entry.voidOk')}
      okButtonProps={{ danger: true, loading: voidIt.isPending, 'data-testid': TID.voteEntryVoidOk } as never}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      destroyOnHidden
    >
      <p>
        <strong>{t('voting.entry.voidWhat', { seq: entry.seq, unit: entry.unit ?? '—', channel: t(`voting.turnout.channel.${entry.channel}`), by: entry.enteredBy ?? '—' })}</strong>
      </p>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('voting.entry.voidHint')} />
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('voting.entry.voidReason')}
          rules={[{ validator: (_, v: string | undefined) => ((v ?? '').trim().length >= 2 ? Promise.resolve() : Promise.reject(new Error(t('voting.entry.voidReasonRequired')))) }]}
        >
          <Input.TextArea data-testid={TID.voteEntryVoidReason} rows={2} maxLength={500} placeholder={t('voting.entry.voidReasonPlaceholder')} />
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon title={refusal} />}
    </Modal>
  );
}
