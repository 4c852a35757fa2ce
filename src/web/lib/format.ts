import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/zh-cn';
import i18n from '../i18n';

export * from './numbers';

dayjs.extend(utc);
dayjs.extend(timezone);

// dayjs speaks the language shown (month and weekday names in antd's pickers). It is set here,
// where dayjs is first loaded, rather than by i18n: the pages that show no dates load no dayjs.
const dayjsLocaleOf = (language: string | undefined) => (language?.startsWith('en') ? 'en' : 'zh-cn');
dayjs.locale(dayjsLocaleOf(i18n.language));
i18n.on('languageChanged', (language) => dayjs.locale(dayjsLocaleOf(language)));

/** Times are stored as instants and always shown in China Standard Time, wherever the browser is. */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

/** Dates are `YYYY-MM-DD` on the wire already; this only guards against timestamps slipping in. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return dayjs(value).tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD');
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  return dayjs(value).tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD HH:mm:ss');
}
