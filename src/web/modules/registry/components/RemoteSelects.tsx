import { useEffect, useRef, useState } from 'react';
import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOwners, useUnits } from '../api';
import { formatArea } from '../../../lib/format';
import { codeLabel } from '../../../lib/labels';

function useDebounced<T>(value: T, ms = 300): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const handle = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(handle);
  }, [value, ms]);
  return debounced;
}

interface Option {
  value: string;
  label: string;
  title?: string;
}

/**
 * Remote results change with every search; chosen values must keep their label even when they
 * are not among the latest results, or the select would show a bare id.
 */
function useStickyOptions(options: Option[], value: unknown): Option[] {
  const seen = useRef(new Map<string, Option>());
  for (const o of options) seen.current.set(o.value, o);
  const chosen = (Array.isArray(value) ? value : value ? [value] : []) as string[];
  const extra = chosen.filter((v) => !options.some((o) => o.value === v)).map((v) => seen.current.get(v)).filter(Boolean) as Option[];
  return [...extra, ...options];
}

type BaseProps = Omit<SelectProps<string | string[]>, 'options' | 'showSearch' | 'filterOption' | 'onSearch' | 'loading'>;

/** Picks units of one quarter by typing the building or the number ("3幢 101"). */
export function UnitSelect({ quarterId, ...props }: BaseProps & { quarterId: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search);
  const units = useUnits(quarterId, { q: q || undefined, page: 1, pageSize: 50 });
  const options = (units.data?.items ?? []).map((u) => ({
    value: u.id,
    label: `${u.buildingName} ${u.number}`,
    title: `${u.buildingName} ${u.number} · ${formatArea(u.exclusiveArea)}`,
  }));
  const sticky = useStickyOptions(options, props.value);
  return (
    <Select
      {...props}
      placeholder={props.placeholder ?? t('units.selectPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={units.isFetching}
      options={sticky}
      notFoundContent={units.isFetching ? t('common.loading') : t('common.noMatch')}
    />
  );
}

/** Picks an owner already registered in the quarter, to add them to a unit as (co-)owner. */
export function OwnerSelect({ quarterId, excludeIds = [], ...props }: BaseProps & { quarterId: string; excludeIds?: string[] }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search);
  const owners = useOwners(quarterId, { q: q || undefined, page: 1, pageSize: 50 });
  const options = (owners.data?.items ?? [])
    .filter((o) => !excludeIds.includes(o.id))
    .map((o) => ({
      value: o.id,
      label: `${o.name}（${codeLabel('ownerKinds', o.kind)}${o.idNumberMasked ? ` ${o.idNumberMasked}` : ''}）`,
    }));
  const sticky = useStickyOptions(options, props.value);
  return (
    <Select
      {...props}
      placeholder={props.placeholder ?? t('owners.selectPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={owners.isFetching}
      options={sticky}
      notFoundContent={owners.isFetching ? t('common.loading') : t('common.noMatch')}
    />
  );
}
