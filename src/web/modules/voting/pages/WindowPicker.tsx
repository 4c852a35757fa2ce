// The voting window of a new vote, in China Standard Time wherever the browser is: the product's
// times are Beijing time (docs/vote-record-format.md writes them with +08:00), and a worker on a
// laptop set to another zone must not move a vote by hours without noticing.
import { useRef, useState, type SyntheticEvent } from 'react';
import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatWindow } from './shared';

/** What the picker reads: a date and time, or a date alone (the whole day). */
const FORMATS = ['YYYY-MM-DD HH:mm', 'YYYY-MM-DD'];
const DATE_ONLY = /^\s*\d{4}-\d{1,2}-\d{1,2}\s*$/;

/**
 * The wall-clock time shown in the picker, as that time in China: the picker's fields are
 * read as they are, never converted from the browser's zone.
 */
export function chinaTime(d: Dayjs): string {
  return `${d.format('YYYY-MM-DDTHH:mm')}:00+08:00`;
}

export type WindowValue = [opensAt: string, closesAt: string];

/**
 * A form control whose value is the window as two ISO times at +08:00. A date typed without a
 * time is taken, not dropped: the start at 0:00 of that day, the end at 24:00 (0:00 of the next).
 */
export function WindowPicker({ value, onChange, testId }: { value?: WindowValue | null; onChange?: (v: WindowValue | null) => void; testId?: string }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  // Which of the two inputs last held a date alone, as typed (the parsed value cannot tell).
  const dateOnly = useRef<[boolean, boolean]>([false, false]);
  const note = (e: SyntheticEvent) => {
    const input = e.target as HTMLElement;
    if (!(input instanceof HTMLInputElement)) return;
    const index = [...e.currentTarget.querySelectorAll('input')].indexOf(input);
    if (index === 0 || index === 1) dateOnly.current[index] = DATE_ONLY.test(input.value);
  };
  return (
    <div>
      <span data-testid={testId} onInputCapture={note}>
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format={FORMATS}
          // Typed dates are kept when the field is left, without an extra OK click.
          needConfirm={false}
          value={picked}
          onChange={(dates) => {
            let [start, end] = dates ?? [null, null];
            if (start && dateOnly.current[0]) start = start.startOf('day');
            if (end && dateOnly.current[1] && end.hour() === 0 && end.minute() === 0) end = end.startOf('day').add(1, 'day');
            dateOnly.current = [false, false];
            setPicked(start || end ? [start, end] : null);
            onChange?.(start && end ? [chinaTime(start.second(0).millisecond(0)), chinaTime(end.second(0).millisecond(0))] : null);
          }}
        />
      </span>
      {value && (
        <div className="gz-muted" data-testid={testId ? `${testId}-preview` : undefined} style={{ fontSize: 12, marginTop: 4 }}>
          {t('voting.form.windowPreview', { window: formatWindow(value[0], value[1]) })}
        </div>
      )}
    </div>
  );
}
