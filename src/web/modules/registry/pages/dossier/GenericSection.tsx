import { Card, Descriptions, Empty } from 'antd';
import type { DossierTabProps } from '../../../module';

/**
 * A section another module put into the dossier before the web app has a component for it:
 * its title and the plain figures of its `data` (the contract leaves that shape to the module),
 * as the server sent them.
 */
export function GenericSection({ section }: DossierTabProps) {
  const data = section?.data;
  const entries =
    data && typeof data === 'object' && !Array.isArray(data) ? Object.entries(data).filter(([, value]) => value === null || typeof value !== 'object') : [];
  return (
    <Card title={section?.title ?? section?.key}>
      {entries.length ? (
        <Descriptions
          column={{ xs: 1, sm: 2, md: 2, lg: 3, xl: 3, xxl: 3 }}
          items={entries.map(([label, value]) => ({
            key: label,
            label,
            children: value === null || value === undefined ? '—' : String(value),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Card>
  );
}
