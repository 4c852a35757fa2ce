// 本月突出问题（未诉先办）: the kinds of case that recur in the caller's place (or the quarter the
// list is filtered to) this month, each with its counts month by month and a link that filters
// the list to its cases of the month. The rule is the server's (src/core/cases/recurring.ts).
import { Link } from 'react-router-dom';
import { Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TID } from '../testids';
import { useRecurring } from '../api';

const MIN_COUNT = 3;
const MONTHS = 3;

export default function RecurringCard({ quarterId }: { quarterId?: string }) {
  const { t } = useTranslation();
  const recurring = useRecurring(quarterId);
  const data = recurring.data;
  if (!data?.items.length) return null;
  const linkTo = (category: string, place: { level: string; id: string }) => {
    const q = new URLSearchParams({ category, month: data.month });
    if (place.level === 'quarter') q.set('quarterId', place.id);
    return `/cases?${q}`;
  };
  return (
    <Card size="small" data-testid={TID.caseRecurring} title={`${t('cases.recurring.title')} · ${data.place.name} · ${data.month}`} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('cases.recurring.intro', { min: MIN_COUNT, months: MONTHS })}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={data.items}
        renderItem={(item) => (
          <List.Item
            data-testid={TID.caseRecurringItem}
            data-category={item.category}
            actions={[
              <Link key="show" to={linkTo(item.category, item.place)}>
                {t('cases.recurring.show')}
              </Link>,
            ]}
          >
            <Space wrap>
              <Typography.Text strong>{item.categoryName}</Typography.Text>
              <Tag color="volcano" className="gz-num">
                {t('cases.recurring.count', { count: item.count })}
              </Tag>
              {item.months.map((m) => (
                <Typography.Text key={m.month} type="secondary" className="gz-num">
                  {t('cases.recurring.month', { month: m.month, count: m.count })}
                </Typography.Text>
              ))}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
