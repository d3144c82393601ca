// Dates and times shown in Asia/Ho_Chi_Minh, in the user's language.
import { currentLang } from './i18n';

const TZ = 'Asia/Ho_Chi_Minh';

function locale() {
  return currentLang() === 'en' ? 'en-GB' : 'vi-VN';
}

/** "2026-04-30" → "30/04/2026" without any time-zone shift. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

export function formatDateTime(iso: string | null | undefined, withSeconds = true): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), {
    timeZone: TZ,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' as const } : {}),
    hour12: false,
  }).format(d);
}

/** Today's date in Vietnam as YYYY-MM-DD. */
export function todayVn(): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return parts;
}

/** Monday = 0 … Sunday = 6 of a YYYY-MM-DD date (calendar arithmetic in UTC, no zone shift). */
export function weekdayIndex(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const js = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay();
  return (js + 6) % 7;
}

/** A local "YYYY-MM-DDTHH:mm" (from <input type="datetime-local">) read as Vietnam time → ISO with +07:00. */
export function vnLocalToIso(local: string): string {
  return `${local.length === 16 ? `${local}:00` : local}+07:00`;
}
