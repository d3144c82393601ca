// Dates on the citizen pages: "thứ Sáu, 28/11/2026" for appointments, "28/11/2026 14:05" for events (Vietnam time).
import { formatDate, formatDateTime } from '../../format';
import { currentLang } from '../../i18n';

/** The day of an ISO instant in Vietnam with its weekday: what a citizen writes in a diary. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return formatDate(iso);
  const weekday = new Intl.DateTimeFormat(currentLang() === 'en' ? 'en-GB' : 'vi-VN', { weekday: 'long', timeZone: 'Asia/Ho_Chi_Minh' }).format(d);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  return `${weekday}, ${formatDate(day)}`;
}

export function formatMoment(iso: string | null | undefined): string {
  return formatDateTime(iso, false);
}
