// 公共收益账簿: the accounts with their balances, the entries page by page, booking (with a
// voucher) and reversal, and the export of a period as Excel.
import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, Input, Modal, Radio, Row, Select, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, ApiError, downloadFile } from '../../../api/client';
import { FormModal } from '../../../components/FormModal';
import { QueryError } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/feedback';
import { rowTestId } from '../../../testids';
import { TID } from '../testids';
import { importStatement, uploadVoucher, useEntries, useFinanceMutation, useLedger, type BookEntryBody, type Ledger, type LedgerEntry } from '../api';
import { todayText, Yuan, yuanToFen } from './shared';

export function LedgerTab({ quarterId }: { quarterId: string }) {
  const { t } = useTranslation();
  const ledger = useLedger(quarterId);
  const [page, setPage] = useState(1);
  const entries = useEntries(quarterId, page);
  const [booking, setBooking] = useState(false);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const reverse = useFinanceMutation((id: string) => api.post<{ seq: number }>(`/api/ledger-entries/${id}/reverse`, {}));
  const [modal, modalHolder] = Modal.useModal();
  if (ledger.error) return <QueryError error={ledger.error} onRetry={() => ledger.refetch()} />;
  const l = ledger.data;

  const confirmReverse = (e: LedgerEntry) =>
    modal.confirm({
      title: t('finance.entries.reverse'),
      content: t('finance.entries.reverseConfirm', { seq: e.seq }),
      okButtonProps: { danger: true },
      onOk: () => reverse.mutateAsync(e.id).then((r) => notifySuccess(t('finance.book.done', { seq: r.seq })), notifyError),
    });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {modalHolder}
      {l && (
        <Card>
          <Row gutter={24}>
            <Col span={6}>
              <Statistic title={t('finance.held')} valueRender={() => <Yuan fen={l.totals.heldFen} testId={TID.ledgerHeld} />} />
            </Col>
            <Col span={6}>
              <Statistic title={t('finance.income')} valueRender={() => <Yuan fen={l.totals.incomeFen} />} />
            </Col>
            <Col span={6}>
              <Statistic title={t('finance.spending')} valueRender={() => <Yuan fen={l.totals.spendingFen} />} />
            </Col>
            <Col span={6}>
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('finance.holder')}>
                  <span data-testid={TID.ledgerHolder} data-holder={l.holder}>
                    {l.holderLabel}
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label={t('finance.threshold')}>
                  <Yuan fen={l.largeThresholdFen} />
                </Descriptions.Item>
              </Descriptions>
            </Col>
          </Row>
        </Card>
      )}
      <Row gutter={16}>
        <Col span={8}>
          <Card title={t('finance.accounts.title')} size="small">
            <AccountTable ledger={l} loading={ledger.isPending} />
          </Card>
        </Col>
        <Col span={16}>
          <Card
            size="small"
            title={`${t('finance.entries.title')}${l ? ` · ${t('finance.entriesCount', { n: l.totals.entries })}` : ''}`}
          >
            <Space wrap style={{ marginBottom: 12 }}>
              <DatePicker.RangePicker size="small" value={range} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} />
              <Button
                size="small"
                data-testid={TID.ledgerExport}
                icon={<DownloadOutlined />}
                onClick={() =>
                  downloadFile(`/api/quarters/${quarterId}/ledger/export.xlsx`, 'ledger.xlsx', { from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') }).catch(notifyError)
                }
              >
                {t('finance.export')}
              </Button>
              {l?.canBook && (
                <Upload
                  accept=".xlsx"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    importStatement(quarterId, file).then((r) => {
                      notifySuccess(t('finance.records.imported', { n: r.booked, from: r.firstSeq, to: r.lastSeq }));
                      void ledger.refetch();
                      void entries.refetch();
                    }, (e) => notifyError(withRows(e)));
                    return false;
                  }}
                >
                  <Button size="small" data-testid={TID.ledgerImport} icon={<UploadOutlined />} title={t('finance.records.importHint')}>
                    {t('finance.records.import')}
                  </Button>
                </Upload>
              )}
              {l?.canBook && (
                <Typography.Link
                  data-testid={TID.ledgerImportTemplate}
                  onClick={() => downloadFile(`/api/quarters/${quarterId}/ledger/import-template.xlsx`, t('finance.records.templateFile')).catch(notifyError)}
                >
                  <DownloadOutlined /> {t('finance.records.template')}
                </Typography.Link>
              )}
              {l?.canBook && (
                <Button size="small" type="primary" data-testid={TID.ledgerBook} icon={<PlusOutlined />} onClick={() => setBooking(true)}>
                  {t('finance.book.open')}
                </Button>
              )}
            </Space>
            {l && !l.canBook && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('finance.notKeeper')} />}
            <Table<LedgerEntry>
              data-testid={TID.ledgerEntries}
              rowKey="id"
              size="small"
              loading={entries.isPending}
              dataSource={entries.data?.items}
              onRow={rowTestId(TID.ledgerEntryRow, 'entry')}
              pagination={{ current: page, pageSize: 20, total: entries.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
              columns={[
                { title: t('finance.entries.seq'), dataIndex: 'seq', width: 70 },
                { title: t('finance.entries.date'), dataIndex: 'date', width: 110 },
                {
                  title: t('finance.entries.memo'),
                  dataIndex: 'memo',
                  render: (memo: string, e) => (
                    <>
                      {memo}
                      {e.reversedBySeq !== null && <Tag style={{ marginLeft: 8 }}>{t('finance.entries.reversedBy', { seq: e.reversedBySeq })}</Tag>}
                      {e.reversesSeq !== null && <Tag color="orange" style={{ marginLeft: 8 }}>{t('finance.entries.reverses', { seq: e.reversesSeq })}</Tag>}
                    </>
                  ),
                },
                {
                  title: t('finance.entries.lines'),
                  key: 'lines',
                  render: (_: unknown, e) => (
                    <div style={{ fontSize: 12 }}>
                      {e.lines.map((line, i) => (
                        <div key={i}>
                          {line.debitFen ? t('finance.entries.debit') : t('finance.entries.credit')} {line.label} <Yuan fen={line.debitFen || line.creditFen} />
                        </div>
                      ))}
                    </div>
                  ),
                },
                { title: t('finance.entries.bookedBy'), dataIndex: 'bookedBy', width: 120 },
                {
                  title: t('finance.entries.voucher'),
                  key: 'voucher',
                  width: 90,
                  render: (_: unknown, e) =>
                    e.voucher ? (
                      <Typography.Link onClick={() => downloadFile(`/api/ledger-vouchers/${e.voucher!.id}`, e.voucher!.fileName).catch(notifyError)}>{e.voucher.fileName}</Typography.Link>
                    ) : null,
                },
                ...(l?.canBook
                  ? [
                      {
                        title: '',
                        key: 'reverse',
                        width: 70,
                        render: (_: unknown, e: LedgerEntry) =>
                          e.reversedById === null && e.reversesId === null ? (
                            <Button size="small" type="link" danger data-testid={TID.ledgerReverse} onClick={() => confirmReverse(e)}>
                              {t('finance.entries.reverse')}
                            </Button>
                          ) : null,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
      </Row>
      {l && <BookModal open={booking} onClose={() => setBooking(false)} ledger={l} quarterId={quarterId} />}
    </Space>
  );
}

/** A refused import's message with its first rows' reasons (the server lists each bad row). */
export function withRows(e: unknown): unknown {
  const rows = e instanceof ApiError ? (e.details as { rows?: { row: number; message: string }[] } | undefined)?.rows : undefined;
  return rows?.length ? new Error(`${(e as Error).message} ${rows.slice(0, 5).map((r) => `#${r.row} ${r.message}`).join('；')}`) : e;
}

function AccountTable({ ledger, loading }: { ledger: Ledger | undefined; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Table
      data-testid={TID.ledgerAccounts}
      rowKey="code"
      size="small"
      pagination={false}
      loading={loading}
      dataSource={ledger?.accounts}
      onRow={(a) => ({ 'data-testid': TID.ledgerAccountRow, 'data-account': a.code, 'data-balance': a.balanceFen }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('finance.accounts.code'), dataIndex: 'label', render: (label: string, a) => <span style={{ paddingLeft: a.kind === 'asset' ? 0 : 8 }}>{label}</span> },
        { title: t('finance.accounts.kind'), dataIndex: 'kind', width: 60, render: (k: 'asset' | 'income' | 'use') => <Tag color={k === 'income' ? 'green' : k === 'use' ? 'volcano' : 'blue'}>{t(`finance.accounts.kinds.${k}`)}</Tag> },
        { title: t('finance.accounts.balance'), dataIndex: 'balanceFen', align: 'right', render: (fen: number) => <Yuan fen={fen} /> },
      ]}
    />
  );
}

interface BookValues {
  kind: 'income' | 'spending';
  account: string;
  money: 'asset.bank' | 'asset.cash';
  amount: string;
  date: Dayjs;
  memo: string;
}

function BookModal({ open, onClose, ledger, quarterId }: { open: boolean; onClose: () => void; ledger: Ledger; quarterId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<BookValues>();
  const kind = Form.useWatch('kind', form) ?? 'income';
  const [voucher, setVoucher] = useState<{ id: string; fileName: string } | null>(null);
  const book = useFinanceMutation((body: BookEntryBody) => api.post<{ id: string; seq: number }>(`/api/quarters/${quarterId}/ledger/entries`, body));
  const accounts = ledger.accounts.filter((a) => a.kind === (kind === 'income' ? 'income' : 'use'));
  return (
    <FormModal<BookValues>
      open={open}
      form={form}
      title={t('finance.book.title')}
      onClose={() => {
        setVoucher(null);
        onClose();
      }}
      submitTestId={TID.ledgerBookSubmit}
      okText={t('finance.book.submit')}
      initialValues={{ kind: 'income', money: 'asset.bank', date: dayjs(todayText()) }}
      onSubmit={async (v) => {
        const fen = yuanToFen(v.amount)!;
        // Income: the money account is debited and the source credited; spending the other way.
        const lines =
          v.kind === 'income'
            ? [
                { account: v.money, debitFen: fen, creditFen: 0 },
                { account: v.account, debitFen: 0, creditFen: fen },
              ]
            : [
                { account: v.account, debitFen: fen, creditFen: 0 },
                { account: v.money, debitFen: 0, creditFen: fen },
              ];
        const r = await book.mutateAsync({ date: v.date.format('YYYY-MM-DD'), memo: v.memo, lines, voucherId: voucher?.id ?? null });
        notifySuccess(t('finance.book.done', { seq: r.seq }));
        setVoucher(null);
        form.resetFields();
      }}
    >
      <Form.Item name="kind" label={t('finance.book.kind')}>
        <Radio.Group data-testid={TID.ledgerBookKind} optionType="button" onChange={() => form.setFieldValue('account', undefined)}>
          <Radio.Button value="income">{t('finance.book.kinds.income')}</Radio.Button>
          <Radio.Button value="spending">{t('finance.book.kinds.spending')}</Radio.Button>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="account" label={t('finance.book.account')} rules={[{ required: true, message: t('finance.book.required') }]}>
        <Select data-testid={TID.ledgerBookAccount} options={accounts.map((a) => ({ value: a.code, label: a.label }))} />
      </Form.Item>
      <Form.Item name="money" label={t('finance.book.money')}>
        <Select options={ledger.accounts.filter((a) => a.kind === 'asset').map((a) => ({ value: a.code, label: a.label }))} />
      </Form.Item>
      <Form.Item name="amount" label={t('finance.book.amount')} rules={[{ validator: (_, v) => (yuanToFen(v) ? Promise.resolve() : Promise.reject(new Error(t('finance.book.amountInvalid')))) }]}>
        <Input data-testid={TID.ledgerBookAmount} inputMode="decimal" prefix="¥" />
      </Form.Item>
      <Form.Item name="date" label={t('finance.book.date')} rules={[{ required: true, message: t('finance.book.required') }]}>
        <DatePicker data-testid={TID.ledgerBookDate} allowClear={false} />
      </Form.Item>
      <Form.Item name="memo" label={t('finance.book.memo')} rules={[{ required: true, whitespace: true, message: t('finance.book.required') }]}>
        <Input data-testid={TID.ledgerBookMemo} maxLength={300} />
      </Form.Item>
      <Form.Item label={t('finance.book.voucher')}>
        <Upload
          maxCount={1}
          accept=".pdf,.png,.jpg,.jpeg"
          showUploadList={false}
          beforeUpload={(file) => {
            uploadVoucher(quarterId, file).then((v) => setVoucher({ id: v.id, fileName: v.fileName }), notifyError);
            return false;
          }}
        >
          <Button data-testid={TID.ledgerBookVoucher} icon={<UploadOutlined />}>
            {voucher ? voucher.fileName : t('finance.book.upload')}
          </Button>
        </Upload>
      </Form.Item>
    </FormModal>
  );
}
