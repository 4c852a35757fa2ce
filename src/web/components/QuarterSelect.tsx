// A quarter of the caller's place, chosen by name: searched on the server, since a district has
// thousands of quarters and a list of the first few hundred would leave the rest unreachable.
// Where the place holds one quarter only (a committee, a commissioner, a community office of one
// quarter), that one is chosen at once instead of an empty page asking to pick the only choice.
import { Select } from 'antd';
import { useEffect, useState, type CSSProperties } from 'react';
import { useQuarters } from '../api/queries';

export function QuarterSelect({
  value,
  name,
  onChange,
  testId,
  placeholder,
  style = { width: 260 },
}: {
  value?: string;
  /** The chosen quarter's name, shown when it is not among the latest results (one picked here is remembered). */
  name?: string;
  /** `replace`: the choice was made for the user (the only quarter), not by them. Given by a Form.Item inside a form. */
  onChange?: (id: string, replace?: boolean) => void;
  testId?: string;
  placeholder?: string;
  style?: CSSProperties;
}) {
  const [q, setQ] = useState('');
  const quarters = useQuarters({ q: q || undefined, pageSize: 50 });
  // The name of the quarter picked here, kept for when a later search no longer lists it.
  const [picked, setPicked] = useState<{ value: string; label: string }>();
  const label = name ?? (picked?.value === value ? picked?.label : undefined);
  const only = !value && !q && quarters.data?.length === 1 ? quarters.data[0].id : undefined;
  useEffect(() => {
    if (only) onChange?.(only, true);
  }, [only, onChange]);
  return (
    <Select
      data-testid={testId}
      showSearch={{ filterOption: false, onSearch: setQ }}
      style={style}
      value={value}
      placeholder={placeholder}
      onChange={(id: string, option) => {
        if (option && !Array.isArray(option)) setPicked({ value: id, label: String(option.label) });
        onChange?.(id);
      }}
      options={[...(value && label && !quarters.data?.some((x) => x.id === value) ? [{ value, label }] : []), ...(quarters.data ?? []).map((x) => ({ value: x.id, label: x.name }))]}
      loading={quarters.isFetching}
    />
  );
}
