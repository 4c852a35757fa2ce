// The result as a table, for screens wider than a phone (loaded only there).
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount, formatPercent } from '../../../lib/format';
import type { TallyResult, VoteItem } from '../api';
import { MatterTag, PassedTag, resultRowAttrs } from './tags';

export default function ResultTableWide({ result, byId }: { result: TallyResult; byId: Map<string, VoteItem> }) {
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
  );
}
