import { useEffect, useMemo, useState } from 'react';
import { Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { PlaceNode } from '../../../api/types';
import type { QuarterListParams } from '../api';
import { placesOfLevel } from '../../../lib/places';
import { TID } from '../testids';

const SORTS: readonly string[] = ['place', 'name', 'households', 'totalBuildingArea', 'deliveredShare', 'firstDeliveryDate', 'buildingCount', 'unitCount'] satisfies QuarterListParams['sort'][];

/**
 * The list filters, its page and its sort live in the address
 * (?q=&streetId=&communityId=&page=&sort=&order=) so that the back button and a shared link bring
 * the same list back. The server filters, sorts and pages (GET /api/quarters).
 */
export function useQuarterFilterParams(): [QuarterListParams, (next: QuarterListParams) => void] {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page'));
  const sort = params.get('sort') ?? '';
  const value: QuarterListParams = {
    q: params.get('q') ?? undefined,
    streetId: params.get('streetId') ?? undefined,
    communityId: params.get('communityId') ?? undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    sort: SORTS.includes(sort) ? (sort as QuarterListParams['sort']) : undefined,
    order: params.get('order') === 'desc' ? 'desc' : undefined,
  };
  const set = (next: QuarterListParams) => {
    const out = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) out.set(k, String(v));
    setParams(out, { replace: true });
  };
  return [value, set];
}

export function QuarterFilters({
  tree,
  value,
  onChange,
}: {
  tree: PlaceNode[] | undefined;
  value: QuarterListParams;
  onChange: (next: QuarterListParams) => void;
}) {
  const { t } = useTranslation();
  // Another filter is another list: it starts again at its first page.
  const change = (next: QuarterListParams) => onChange({ ...next, page: undefined });
  const [text, setText] = useState(value.q ?? '');
  const streets = useMemo(() => placesOfLevel(tree, 'street'), [tree]);
  const communities = useMemo(
    () => placesOfLevel(tree, 'community').filter((c) => !value.streetId || c.streetId === value.streetId),
    [tree, value.streetId],
  );

  useEffect(() => setText(value.q ?? ''), [value.q]);

  // Typing searches after a short pause rather than on every key.
  useEffect(() => {
    const handle = setTimeout(() => {
      const q = text.trim() || undefined;
      if (q !== value.q) change({ ...value, q });
    }, 300);
    return () => clearTimeout(handle);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  return (
    <Space wrap size={[8, 8]}>
      <Input.Search
        data-testid={TID.quarterSearch}
        allowClear
        placeholder={t('home.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => change({ ...value, q: v.trim() || undefined })}
        style={{ width: 260 }}
      />
      {streets.length > 1 && (
        <Select
          data-testid={TID.quarterFilterStreet}
          allowClear
          placeholder={t('home.allStreets')}
          value={value.streetId}
          onChange={(streetId?: string) => change({ ...value, streetId, communityId: undefined })}
          options={streets.map((s) => ({ value: s.id, label: s.name }))}
          style={{ width: 180 }}
        />
      )}
      {communities.length > 1 && (
        <Select
          data-testid={TID.quarterFilterCommunity}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('home.allCommunities')}
          value={value.communityId}
          onChange={(communityId?: string) => {
            const c = communities.find((x) => x.id === communityId);
            change({ ...value, communityId, streetId: c?.streetId ?? value.streetId });
          }}
          options={communities.map((c) => ({ value: c.id, label: c.name }))}
          style={{ width: 180 }}
        />
      )}
    </Space>
  );
}
