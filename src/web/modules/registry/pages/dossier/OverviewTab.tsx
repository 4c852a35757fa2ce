import { Card, Col, Descriptions, Empty, Row, Tag, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Contact } from '../../api';
import { formatArea, formatCount, formatDate, formatDateTime, formatPercent } from '../../../../lib/format';
import { codeLabel } from '../../../../lib/labels';
import { TID } from '../../testids';
import { QuarterTypeTag } from '../../components/QuarterTable';
import type { DossierTabProps } from '../../../module';

/** Whole years since the first delivery: T/ZAS 4006.1—2020 5.4.1 counts from that date. */
function yearsSince(date: string | null): number | null {
  if (!date) return null;
  const years = dayjs().diff(dayjs(date), 'year');
  return years >= 0 ? years : null;
}

export function ContactList({ contacts, testId = TID.contactList }: { contacts: Contact[]; testId?: string }) {
  const { t } = useTranslation();
  if (!contacts.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dossier.overview.noContacts')} />;
  return (
    <ul className="gz-list" data-testid={testId}>
      {contacts.map((c, index) => (
        <li key={`${c.role}-${index}`} className="gz-list-item" data-testid={TID.contactRow}>
          <div style={{ minWidth: 0 }}>
            <div style={{ fontWeight: 600 }}>{c.name}</div>
            <div className="gz-muted">{c.roleLabel ?? codeLabel('contactRoles', c.role)}</div>
          </div>
          {c.phone && (
            <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`} className="gz-nowrap">
              <PhoneOutlined /> {c.phone}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}

export function OverviewTab({ dossier }: DossierTabProps) {
  const { t } = useTranslation();
  const { quarter: q, stats, contacts } = dossier;
  const years = yearsSince(q.firstDeliveryDate);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('dossier.overview.facts')} style={{ marginBottom: 16 }}>
          <Descriptions
            data-testid={TID.overviewFacts}
            bordered
            size="small"
            column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 }}
            items={[
              { key: 'type', label: t('quarter.type'), children: <QuarterTypeTag type={q.type} /> },
              { key: 'households', label: t('quarter.households'), children: formatCount(q.households) },
              { key: 'address', label: t('quarter.address'), span: 'filled' as const, children: q.address || '—' },
              {
                key: 'place',
                label: t('quarter.community'),
                span: 'filled' as const,
                children: `${q.districtName} › ${q.streetName} › ${q.communityName}`,
              },
              { key: 'total', label: t('quarter.totalBuildingArea'), children: formatArea(q.totalBuildingArea) },
              { key: 'sold', label: t('quarter.soldArea'), children: formatArea(q.soldArea) },
              { key: 'delivered', label: t('quarter.deliveredArea'), children: formatArea(q.deliveredArea) },
              {
                key: 'share',
                label: t('quarter.deliveredShare'),
                children: (
                  <strong data-testid={TID.overviewDeliveredShare}>{formatPercent(q.deliveredArea, q.totalBuildingArea)}</strong>
                ),
              },
              {
                key: 'first',
                label: t('quarter.firstDeliveryDate'),
                span: 'filled' as const,
                children: (
                  <span>
                    {formatDate(q.firstDeliveryDate)}
                    {years !== null && (
                      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                        {t('dossier.overview.yearsSince', { count: years })}
                      </Typography.Text>
                    )}
                  </span>
                ),
              },
              { key: 'updated', label: t('dossier.overview.updatedAt'), span: 'filled' as const, children: formatDateTime(q.updatedAt) },
            ]}
          />
        </Card>
        <Card size="small" title={t('dossier.overview.registered')}>
          <Descriptions
            data-testid={TID.overviewStats}
            bordered
            size="small"
            column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 }}
            items={[
              { key: 'buildings', label: t('dossier.stats.buildings'), children: formatCount(stats.buildings) },
              { key: 'units', label: t('dossier.stats.units'), children: formatCount(stats.units) },
              { key: 'area', label: t('dossier.stats.totalExclusiveArea'), children: formatArea(stats.totalExclusiveArea) },
              { key: 'owners', label: t('dossier.stats.owners'), children: formatCount(stats.owners) },
              { key: 'co', label: t('dossier.stats.coOwnedUnits'), children: formatCount(stats.coOwnedUnits) },
              { key: 'dev', label: t('dossier.stats.developerUnits'), children: formatCount(stats.developerUnits) },
              ...(stats.unitsWithoutOwner
                ? [
                    {
                      key: 'none',
                      label: t('dossier.stats.unitsWithoutOwner'),
                      span: 'filled' as const,
                      children: <Typography.Text type="warning">{formatCount(stats.unitsWithoutOwner)}</Typography.Text>,
                    },
                  ]
                : []),
              {
                key: 'residents',
                label: t('dossier.stats.residents'),
                span: 'filled' as const,
                children: (
                  <span style={{ display: 'inline-flex', gap: 6, flexWrap: 'wrap' }}>
                    <Tag>{t('residentKinds.permanent')} {formatCount(stats.residents?.permanent)}</Tag>
                    <Tag>{t('residentKinds.floating')} {formatCount(stats.residents?.floating)}</Tag>
                    <Tag>{t('residentKinds.tenant')} {formatCount(stats.residents?.tenant)}</Tag>
                    <Tag color={stats.residents?.needsCare ? 'red' : undefined}>
                      {t('residents.needsCare')} {formatCount(stats.residents?.needsCare)}
                    </Tag>
                  </span>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('dossier.overview.contacts')}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4, fontSize: 13 }}>
            {t('dossier.overview.contactsHint')}
          </Typography.Paragraph>
          <ContactList contacts={contacts ?? []} />
        </Card>
      </Col>
    </Row>
  );
}
