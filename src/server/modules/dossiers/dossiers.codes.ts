// Dossier codes: a configurable format over the agency code, the local date and a daily sequence allocated in the dossier's transaction.
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { queryRows } from '../../db/rows';
import { settings } from '../../db/schema';
import { DEFAULT_CODE_FORMAT, formatCode, isValidFormat } from '../../../common/dossier-codes';
import { dayOfInstant, formatDate } from '../../platform/calendar/local-date';

/** An installation sets `{ "codeFormat": "..." }` under this key of the settings table (see dossiers.settings.ts). */
export const SETTINGS_KEY = 'dossiers';

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
