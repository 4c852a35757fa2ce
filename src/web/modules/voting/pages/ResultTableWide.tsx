// The result as a table, for screens wider than a phone (loaded only there).
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount, formatPercent } from '../../../lib/format';
import type { TallyResult, VoteItem, VoteRule } from '../api';
import { TID } from '../testids';
import { MatterTag, needOf, PassedTag, resultRowAttrs, ruleLineKey } from './tags';

export default function ResultTableWide({ result, byId, rule }: { result: TallyResult; byId: Map<string, VoteItem>; rule: VoteRule }) {
  const { t } = useTranslation();
  const p = result.participation;
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 640 }}
      dataSource={result.items}
      onRow={resultRowAttrs}
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
              <div className="gz-muted" data-testid={TID.voteResultRule} style={{ fontSize: 12 }}>
                {t(ruleLineKey(rule, r.matter))}
              </div>
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
        { title: t('voting.result.yesMembers'), key: 'ym', className: 'gz-num', render: (_, r) => <Ratio value={formatPercent(r.yes.members, p.members)} need={t(`voting.result.need.${needOf(rule, r.matter)}`)} /> },
        ...(rule === 'civil-code-278'
          ? [{ title: t('voting.result.yesArea'), key: 'ya', className: 'gz-num', render: (_: unknown, r: TallyResult['items'][number]) => <Ratio value={formatPercent(r.yes.area, p.area)} need={t(`voting.result.need.${needOf(rule, r.matter)}`)} /> }]
          : []),
      ]}
    />
  );
}

/** A ratio with what it needs under it: "60.00%" over "需超过 50%". */
function Ratio({ value, need }: { value: string; need: string }) {
  return (
    <div className="gz-nowrap">
      <div>{value}</div>
      <div className="gz-muted" style={{ fontSize: 12 }}>
        {need}
      </div>
    </div>
  );
}
