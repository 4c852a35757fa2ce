import { useEffect, useMemo, useState } from 'react';
import { AutoComplete, type AutoCompleteProps } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSearch } from '../api/queries';
import { TID } from '../testids';

/**
 * The header's search: quarters, owners by name or phone digits (shown masked), and units, in
 * the caller's scope (the registry's /api/search). Choosing one opens the quarter's dossier on
 * the tab where it is, with the list already searched for it.
 */
export function GlobalSearch({ width = 300 }: { width?: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const handle = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(handle);
  }, [text]);
  const search = useSearch(q);

  const options = useMemo((): AutoCompleteProps['options'] => {
    const data = q ? search.data : undefined;
    if (!data) return [];
    const option = (kind: string, id: string, path: string, label: React.ReactNode, sub?: string) => ({
      value: `${kind}:${id}`,
      path,
      label: (
        <div data-testid={TID.globalSearchOption} data-kind={kind} data-id={id} style={{ display: 'flex', justifyContent: 'space-between', gap: 12 }}>
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{label}</span>
          {sub && <span className="gz-muted gz-nowrap">{sub}</span>}
        </div>
      ),
    });
    const groups = [
      { key: 'quarters', items: data.quarters.map((x) => option('quarter', x.id, `/quarters/${x.id}`, x.name, x.communityName)) },
      {
        key: 'owners',
        items: data.owners.map((x) =>
          option('owner', x.id, `/quarters/${x.quarterId}?tab=owners&q=${encodeURIComponent(x.name)}`, [x.name, x.phoneMasked].filter(Boolean).join(' · '), x.quarterName),
        ),
      },
      {
        key: 'units',
        items: data.units.map((x) => option('unit', x.id, `/quarters/${x.quarterId}?tab=buildings&q=${encodeURIComponent(x.label.split(' ').pop() ?? x.label)}`, x.label, x.quarterName)),
      },
    ].filter((g) => g.items.length);
    if (!groups.length) return [{ value: '', disabled: true, label: <span className="gz-muted">{t('globalSearch.none', { q })}</span> }];
    return groups.map((g) => ({ label: t(`globalSearch.${g.key}` as 'globalSearch.quarters'), options: g.items }));
  }, [q, search.data, t]);

  return (
    <span data-testid={TID.globalSearch} style={{ display: 'inline-flex' }}>
      <AutoComplete
        value={text}
        options={options}
        // Choosing an answer puts its value (kind:id) into the box before onSelect clears it.
        onChange={(v) => setText(/^(quarter|owner|unit):/.test(v) ? '' : v)}
        onSelect={(_value, option) => {
          const path = (option as { path?: string }).path;
          if (path) {
            setText('');
            navigate(path);
          }
        }}
        style={{ width }}
        popupMatchSelectWidth={Math.max(width, 360)}
        allowClear
        placeholder={t('globalSearch.placeholder')}
        aria-label={t('globalSearch.placeholder')}
        prefix={<SearchOutlined className="gz-muted" />}
      />
    </span>
  );
}
