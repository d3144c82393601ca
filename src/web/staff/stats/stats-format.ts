// Numbers in the user's language (1.234; 95,2%) and the period presets of the statistics page, in Vietnam's dates.
import { currentLang } from '../../i18n';
import { todayVn } from '../../format';

const locale = () => (currentLang() === 'en' ? 'en-GB' : 'vi-VN');

export function fmtInt(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return new Intl.NumberFormat(locale()).format(n);
}

/** A rate from 0 to 1 as a percentage with one decimal; "—" when there is none. */
export function fmtPct(r: number | null | undefined): string {
  if (r === null || r === undefined) return '—';
  return new Intl.NumberFormat(locale(), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(r);
}

export function fmtScore(s: number | null | undefined): string {
  if (s === null || s === undefined) return '—';
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(s);
}

export const PRESETS = ['thisMonth', 'thisQuarter', 'thisYear', 'lastYear', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The dates of a preset: periods that have not ended stop at today. */
export function presetRange(preset: Exclude<Preset, 'custom'>, today = todayVn()): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  switch (preset) {
    case 'thisMonth':
      return { from: ymd(y, m, 1), to: today };
    case 'thisQuarter':
      return { from: ymd(y, Math.floor((m - 1) / 3) * 3 + 1, 1), to: today };
    case 'thisYear':
      return { from: ymd(y, 1, 1), to: today };
    case 'lastYear':
      return { from: ymd(y - 1, 1, 1), to: ymd(y - 1, 12, lastDay(y - 1, 12)) };
  }
}

/** Inclusive days between two YYYY-MM-DD dates, or null when one is not a date. */
export function daysBetween(from: string, to: string): number | null {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return Math.round((b - a) / 86_400_000) + 1;
}
