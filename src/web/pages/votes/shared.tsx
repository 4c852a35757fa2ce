// Pieces the staff, owner and public voting pages share: status and matter tags with the
// legal citation, the result table with both ratios, and the receipt check against the record.
import { useState } from 'react';
import { Alert, Button, Grid, Input, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatArea, formatCount, formatPercent } from '../../lib/format';
import { TID } from '../../testids';
import { fetchRecord, findReceipt, type Matter, type TallyResult, type VoteItem, type VoteStatus } from './api';

const STATUS_COLORS: Record<VoteStatus, string> = { draft: 'default', open: 'processing', closed: 'warning', published: 'success' };

export function VoteStatusTag({ status }: { status: VoteStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={TID.voteStatus} data-status={status}>
      {t(`voting.status.${status}`)}
    </Tag>
  );
}

/** The matter class and where it comes from: users know the rule by its article. */
export function MatterTag({ matter, article }: { matter: Matter | null; article: number | null }) {
  const { t } = useTranslation();
  if (!matter) return null;
  return (
    <span>
      <Tag color={matter === 'special' ? 'red' : 'blue'}>{t(`voting.matter.${matter}`)}</Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {article ? t('voting.citation', { item: chineseItem(article) }) : t('voting.citationShort')}
      </Typography.Text>
    </span>
  );
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 第（六）项 — the way the code numbers the items of 第1款. */
export function chineseItem(n: number): string {
  return CN_DIGITS[n] ?? String(n);
}

/** A window "2026-03-02 08:00 – 2026-03-15 24:00" in China time. */
export function formatWindow(opensAt: string, closesAt: string): string {
  return `${shortTime(opensAt)} – ${shortTime(closesAt, true)}`;
}

/** YYYY-MM-DD HH:mm in Asia/Shanghai; the end of a day reads as 24:00 of that day. */
export function shortTime(iso: string | null | undefined, endOfDay = false): string {
  if (!iso) return '—';
  const local = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  const midnight = local.getUTCHours() === 0 && local.getUTCMinutes() === 0;
  const shown = endOfDay && midnight ? new Date(local.getTime() - 1) : local;
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${shown.getUTCFullYear()}-${pad(shown.getUTCMonth() + 1)}-${pad(shown.getUTCDate())}`;
  return endOfDay && midnight ? `${day} 24:00` : `${day} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

function PassedTag({ passed }: { passed: boolean }) {
  const { t } = useTranslation();
  return passed ? (
    <Tag color="green" icon={<CheckCircleFilled />}>
      {t('voting.result.passed')}
    </Tag>
  ) : (
    <Tag color="red" icon={<CloseCircleFilled />}>
      {t('voting.result.failed')}
    </Tag>
  );
}

/** The result per item: counts, yes by members and by area (both ratios), pass or fail. */
export function ResultTable({ result, items }: { result: TallyResult; items: VoteItem[] }) {
  const { t } = useTranslation();
  // Owners read the result on a phone: one block per item there, instead of a table that
  // scrolls sideways and hides the ratios.
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const byId = new Map(items.map((i) => [i.id, i]));
  const p = result.participation;
  const rowAttrs = (r: TallyResult['items'][number]) =>
    ({ 'data-testid': TID.voteResultRow, 'data-item-id': r.id, 'data-passed': String(r.passed) }) as React.HTMLAttributes<HTMLElement>;
  return (
    <div data-testid={TID.voteResult}>
      <Space wrap style={{ marginBottom: 12 }}>
        <span className="gz-num">{t('voting.result.participation', { members: formatCount(p.members), area: formatArea(p.area) })}</span>
        <Tag color={p.quorumMet ? 'green' : 'red'}>
          {t('voting.result.quorum')} {formatPercent(p.members, result.totals.members)} / {formatPercent(p.area, result.totals.area)}
        </Tag>
        <Tag color={result.valid ? 'green' : 'red'}>{result.valid ? t('voting.result.valid') : t('voting.result.invalid')}</Tag>
      </Space>
      {narrow ? (
        <div>
          {result.items.map((r) => (
            <div key={r.id} {...rowAttrs(r)} className="gz-result-item">
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'flex-start' }}>
                <Typography.Text strong>
                  {r.id}. {byId.get(r.id)?.title ?? ''}
                </Typography.Text>
                <PassedTag passed={r.passed} />
              </div>
              <MatterTag matter={r.matter} article={byId.get(r.id)?.article278Item ?? null} />
              <div className="gz-num" style={{ marginTop: 6 }}>
                {t('voting.result.counts')}：{formatCount(r.yes.members)} / {formatCount(r.no.members)} / {formatCount(r.abstain.members)}
              </div>
              <div className="gz-num">
                {t('voting.result.yesMembers')}：{formatPercent(r.yes.members, p.members)} · {t('voting.result.yesArea')}：{formatPercent(r.yes.area, p.area)}
              </div>
            </div>
          ))}
        </div>
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 640 }}
          dataSource={result.items}
          onRow={rowAttrs}
          columns={[
            {
              title: t('voting.result.item'),
              key: 'item',
              render: (_, r) => (
                <div>
                  <div>
                    {r.id}. {byId.get(r.id)?.title ?? ''}
                  </div>
                  <MatterTag matter={r.matter} article={byId.get(r.id)?.article278Item ?? null} />
                </div>
              ),
            },
            {
              title: '',
              key: 'passed',
              render: (_, r) => <PassedTag passed={r.passed} />,
            },
            {
              title: t('voting.result.counts'),
              key: 'counts',
              className: 'gz-num gz-nowrap',
              render: (_, r) => `${formatCount(r.yes.members)} / ${formatCount(r.no.members)} / ${formatCount(r.abstain.members)}`,
            },
            { title: t('voting.result.yesMembers'), key: 'ym', className: 'gz-num', render: (_, r) => formatPercent(r.yes.members, p.members) },
            { title: t('voting.result.yesArea'), key: 'ya', className: 'gz-num', render: (_, r) => formatPercent(r.yes.area, p.area) },
          ]}
        />
      )}
    </div>
  );
}

/** "Find my ballot by receipt": looks the code up in the published record, in the browser. */
/** `staff`: a worker checks an owner's code for them, before or after publication. */
export function ReceiptCheck({ voteId, initial = '', staff = false }: { voteId: string; initial?: string; staff?: boolean }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ kind: 'found'; seq: number } | { kind: 'notFound' | 'invalid' } | { kind: 'error'; message: string } | null>(null);
  const check = async () => {
    setBusy(true);
    try {
      const hit = findReceipt(await fetchRecord(voteId), code);
      setAnswer(hit === 'invalid' ? { kind: 'invalid' } : hit ? { kind: 'found', seq: hit.seq } : { kind: 'notFound' });
    } catch (err) {
      setAnswer({ kind: 'error', message: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <Typography.Text strong>{t(staff ? 'voting.receiptCheck.staff.title' : 'voting.receiptCheck.title')}</Typography.Text>
      <Space.Compact style={{ width: '100%', marginTop: 8 }}>
        <Input
          data-testid={TID.voteReceiptInput}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder={t('voting.receiptCheck.placeholder')}
          onPressEnter={check}
          autoComplete="off"
        />
        <Button data-testid={TID.voteReceiptCheck} type="primary" loading={busy} onClick={check}>
          {t('voting.receiptCheck.check')}
        </Button>
      </Space.Compact>
      {answer?.kind === 'found' && (
        <Alert data-testid={TID.voteReceiptFound} style={{ marginTop: 8 }} type="success" showIcon title={t(staff ? 'voting.receiptCheck.staff.found' : 'voting.receiptCheck.found', { seq: answer.seq })} />
      )}
      {answer?.kind === 'notFound' && <Alert data-testid={TID.voteReceiptNotFound} style={{ marginTop: 8 }} type="warning" showIcon title={t(staff ? 'voting.receiptCheck.staff.notFound' : 'voting.receiptCheck.notFound')} />}
      {answer?.kind === 'invalid' && <Alert style={{ marginTop: 8 }} type="warning" showIcon title={t('voting.receiptCheck.invalid')} />}
      {answer?.kind === 'error' && <Alert style={{ marginTop: 8 }} type="error" showIcon title={answer.message} />}
    </div>
  );
}
