import { useState } from 'react';
import { Badge, Button, Drawer, Empty, List, Space, Tag, Tooltip, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { keys, useInbox, type InboxItem } from '../api/queries';
import { formatDate } from '../lib/format';
import { notifyError } from '../lib/feedback';
import { TID } from '../testids';

/**
 * The inbox in the header: the count of unread to-dos and reminders, and a drawer that lists
 * them with a link to where each is dealt with (the notifications module's /api/inbox), a page
 * at a time: the count is the server's, over the whole inbox.
 */
export function HeaderInbox({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const inbox = useInbox();
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  const first = inbox.data?.pages[0];
  const unread = first?.unread ?? 0;

  const mark = async (item: InboxItem, body: { read?: boolean; done?: boolean }) => {
    try {
      await api.patch(`/api/inbox/${item.id}`, body);
      await queryClient.invalidateQueries({ queryKey: keys.inbox });
    } catch (err) {
      notifyError(err);
    }
  };

  return (
    <>
      <Tooltip title={t('inbox.title')}>
        <Badge count={unread} size="small" offset={[-4, 4]} data-testid={TID.inboxCount} data-count={unread}>
          <Button data-testid={TID.inboxButton} icon={<BellOutlined />} aria-label={t('inbox.open', { count: unread })} onClick={() => setOpen(true)}>
            {compact ? null : t('inbox.title')}
          </Button>
        </Badge>
      </Tooltip>
      <Drawer title={t('inbox.title')} open={open} onClose={() => setOpen(false)} size={compact ? 320 : 420}>
        {items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.empty')} />
        ) : (
          <List<InboxItem>
            data-testid={TID.inboxList}
            dataSource={items}
            renderItem={(item) => (
              <List.Item
                data-testid={TID.inboxItem}
                data-inbox-id={item.id}
                actions={[
                  ...(item.link
                    ? [
                        <Button
                          key="go"
                          size="small"
                          type="link"
                          onClick={() => {
                            void mark(item, { read: true });
                            setOpen(false);
                            navigate(item.link!);
                          }}
                        >
                          {t('inbox.goTo')}
                        </Button>,
                      ]
                    : []),
                  <Button key="done" data-testid={TID.inboxDone} size="small" onClick={() => mark(item, { done: true })}>
                    {t('inbox.markDone')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space size={6} wrap>
                      {!item.readAt && <Tag color="blue">{t('inbox.unread')}</Tag>}
                      <span>{item.title}</span>
                    </Space>
                  }
                  description={
                    <>
                      {item.body && <Typography.Paragraph style={{ marginBottom: 4 }}>{item.body}</Typography.Paragraph>}
                      {item.dueAt && <Typography.Text type="secondary">{t('inbox.due', { date: formatDate(item.dueAt) })}</Typography.Text>}
                    </>
                  }
                />
              </List.Item>
            )}
            loadMore={
              inbox.hasNextPage ? (
                <div style={{ textAlign: 'center', marginTop: 12 }}>
                  <Button data-testid={TID.inboxMore} loading={inbox.isFetchingNextPage} onClick={() => void inbox.fetchNextPage()}>
                    {t('inbox.more', { shown: items.length, total: first?.total ?? items.length })}
                  </Button>
                </div>
              ) : null
            }
          />
        )}
      </Drawer>
    </>
  );
}
