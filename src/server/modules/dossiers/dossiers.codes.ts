// Dossier codes: a configurable format over the agency code, the local date and a daily sequence allocated in the dossier's transaction.
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { queryRows } from '../../db/rows';
import { settings } from '../../db/schema';
import { dayOfInstant, formatDate } from '../../platform/calendar/local-date';

/**
 * Tokens: {agency} (the receiving agency's code, or the unit's when it has none), {unit},
 * {yyyy} {yy} {mm} {dd} {yymmdd} (the local date of submission, Asia/Ho_Chi_Minh) and {seq:N}
 * (the daily sequence, zero-padded to N digits; it grows past N digits rather than wrap).
 */
export const DEFAULT_CODE_FORMAT = '{agency}-{yymmdd}-{seq:4}';
/** An installation may set `{ "codeFormat": "..." }` under this key of the settings table. */
export const SETTINGS_KEY = 'dossiers';

const TOKEN = /\{(agency|unit|yyyy|yy|mm|dd|yymmdd|seq(?::(\d))?)\}/g;

/** True when the format has a sequence and every brace is a known token: anything else could give duplicate codes. */
export function isValidFormat(format: string): boolean {
  return format.includes('{seq') && !format.replace(TOKEN, '').includes('{') && format.length <= 100;
}

export interface CodeParts {
  agency: string;
  unit: string;
  /** 'YYYY-MM-DD' local date. */
  day: string;
  seq: number;
}

export function formatCode(format: string, p: CodeParts): string {
  const [yyyy = '', mm = '', dd = ''] = p.day.split('-');
  return format.replace(TOKEN, (_m, token: string, width: string | undefined) => {
    if (token.startsWith('seq')) return String(p.seq).padStart(Number(width ?? 4), '0');
    switch (token) {
      case 'agency':
        return p.agency;
      case 'unit':
        return p.unit;
      case 'yyyy':
        return yyyy;
      case 'yy':
        return yyyy.slice(2);
      case 'mm':
        return mm;
      case 'dd':
        return dd;
      case 'yymmdd':
        return `${yyyy.slice(2)}${mm}${dd}`;
      default:
        return token;
    }
  });
}

export async function codeFormat(db: Tx): Promise<string> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, SETTINGS_KEY));
  const value = row?.value as { codeFormat?: unknown } | undefined;
  return typeof value?.codeFormat === 'string' && isValidFormat(value.codeFormat) ? value.codeFormat : DEFAULT_CODE_FORMAT;
}

/**
 * The next number of the (series, local day) counter. The upsert takes the counter row's lock until
 * the surrounding transaction ends, so two officers receiving at the same moment wait for each
 * other and get consecutive numbers; a rolled-back intake gives its number back (no gaps).
 */
export async function nextSequence(tx: Tx, series: string, day: string): Promise<number> {
  const [row] = await queryRows<{ next: number }>(
    tx,
    sql`insert into dossier_code_counters as c (agency_code, day, next) values (${series}, ${day}, 1)
        on conflict (agency_code, day) do update set next = c.next + 1 returning c.next`,
  );
  if (!row) throw new Error('dossier code counter returned no row');
  return Number(row.next);
}

/** Allocates the code of a dossier received at `at`; call it inside the dossier's transaction. */
export async function allocateCode(tx: Tx, at: Date, agencyCode: string | null, unitCode: string): Promise<string> {
  const day = formatDate(dayOfInstant(at));
  const series = agencyCode ?? unitCode;
  const seq = await nextSequence(tx, series, day);
  return formatCode(await codeFormat(tx), { agency: series, unit: unitCode, day, seq });
}
