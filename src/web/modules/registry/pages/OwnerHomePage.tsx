import { Alert, Card, Empty, Skeleton, Tag, Typography } from 'antd';
import { EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { useDossier, useOwner, useQuarter } from '../api';
import { useCurrentUser } from '../../../auth/session';
import { QueryError } from '../../../components/QueryState';
import { formatArea, formatCount, formatDate, formatPercent } from '../../../lib/format';
import { codeLabel } from '../../../lib/labels';
import { TID } from '../testids';
import { Suspense } from 'react';
import { useOwnerHomeCards } from '../../owner-home-cards';

/**
 * 我的小区 — the owner's page on a phone: the quarter, the owner's own units with their areas
 * (what their vote weighs), and whom to call. One column, large type.
 */
export default function OwnerHomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const cards = useOwnerHomeCards();
  const quarterId = user.quarterId ?? (user.scope.level === 'quarter' ? user.scope.id : undefined);
  const quarter = useQuarter(quarterId);
  const owner = useOwner(user.ownerId);
  const dossier = useDossier(quarterId);

  if (!quarterId) return <Alert type="warning" showIcon title={t('me.noQuarter')} />;
  if (quarter.error) return <QueryError error={quarter.error} onRetry={() => quarter.refetch()} />;

  const q = quarter.data;
  const contacts = dossier.data?.contacts ?? [];
  const units = owner.data?.units ?? [];

  return (
    <>
      <Card>
        {!q ? (
          <Skeleton active />
        ) : (
          <>
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }} data-testid={TID.meQuarterName}>
              {q.name}
            </Typography.Title>
            <div className="gz-muted" style={{ marginBottom: 4 }}>
              {q.communityName} · {q.streetName}
            </div>
            {q.address && (
              <div className="gz-muted" style={{ marginBottom: 12 }}>
                <EnvironmentOutlined /> {q.address}
              </div>
            )}
            <div className="gz-owner-facts" data-testid={TID.meQuarterFacts}>
              <Fact label={t('quarter.type')} value={codeLabel('quarterTypes', q.type)} />
              <Fact label={t('quarter.households')} value={formatCount(q.households)} />
              <Fact label={t('quarter.buildingCount')} value={formatCount(q.buildingCount)} />
              <Fact label={t('quarter.deliveredShare')} value={formatPercent(q.deliveredArea, q.totalBuildingArea)} />
              <Fact label={t('quarter.totalBuildingArea')} value={formatArea(q.totalBuildingArea)} wide />
              <Fact label={t('quarter.firstDeliveryDate')} value={formatDate(q.firstDeliveryDate)} wide />
            </div>
          </>
        )}
      </Card>

      {cards.map(({ key, component: Card }) => (
        <Suspense key={key} fallback={null}>
          <Card />
        </Suspense>
      ))}

      <Card title={t('me.myUnits')}>
        {owner.isPending && user.ownerId ? (
          <Skeleton active />
        ) : owner.error ? (
          <QueryError error={owner.error} />
        ) : units.length ? (
          <div data-testid={TID.meUnits}>
            {units.map((u) => (
              <div key={u.id} className="gz-owner-unit" data-testid={TID.meUnitRow}>
                <span>
                  <strong>{u.label}</strong>
                  {u.coOwned && (
                    <Tag color="purple" style={{ marginLeft: 8 }}>
                      {t('units.coOwned')}
                    </Tag>
                  )}
                </span>
                <span className="gz-num" style={{ fontSize: 20 }}>
                  {formatArea(u.exclusiveArea)}
                </span>
              </div>
            ))}
            {units.length > 1 && (
              <div className="gz-owner-unit">
                <span className="gz-muted">{t('me.totalArea')}</span>
                <strong className="gz-num" style={{ fontSize: 20 }}>
                  {formatArea(owner.data?.totalArea ?? units.reduce((s, u) => s + u.exclusiveArea, 0))}
                </strong>
              </div>
            )}
          </div>
        ) : (
          <Empty description={t('me.noUnits')} />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 15 }}>
          {t('me.correctionHint')}
        </Typography.Paragraph>
      </Card>

      <Card title={t('dossier.overview.contacts')}>
        {dossier.isPending ? (
          <Skeleton active />
        ) : dossier.error ? (
          <Typography.Text type="secondary">
            {dossier.error instanceof ApiError && dossier.error.status === 403 ? t('me.contactsUnavailable') : dossier.error.message}
          </Typography.Text>
        ) : contacts.length ? (
          <div data-testid={TID.meContacts}>
            {contacts.map((c, i) => (
              <div key={`${c.role}-${i}`} className="gz-owner-contact" data-testid={TID.meContactRow}>
                <div>
                  <div style={{ fontWeight: 600 }}>{c.name}</div>
                  <div className="gz-muted" style={{ fontSize: 15 }}>
                    {c.roleLabel ?? codeLabel('contactRoles', c.role)}
                  </div>
                </div>
                {c.phone && (
                  <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>
                    <PhoneOutlined /> {c.phone}
                  </a>
                )}
              </div>
            ))}
          </div>
        ) : (
          <Empty description={t('dossier.overview.noContacts')} />
        )}
      </Card>
    </>
  );
}

function Fact({ label, value, wide }: { label: string; value: string; wide?: boolean }) {
  return (
    <div style={wide ? { gridColumn: '1 / -1' } : undefined}>
      <div className="gz-owner-fact-label">{label}</div>
      <div className="gz-owner-fact-value gz-num">{value}</div>
    </div>
  );
}
