// Dossier codes: a configurable format over the agency code, the local date and a daily sequence allocated in the dossier's transaction.
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { cacheOf } from '../../db/notified-cache';
import { settings } from '../../db/schema';
import { codeAround, DEFAULT_CODE_FORMAT, formatCode, isValidFormat } from '../../../common/dossier-codes';
import { codeDay, nextSequence, sequencedCode } from '../../platform/codes/codes';
import type { Alongside } from '../../platform/workflow/workflow.service';

/** An installation sets `{ "codeFormat": "..." }` under this key of the settings table (see dossiers.settings.ts). */
export const SETTINGS_KEY = 'dossiers';

export async function codeFormat(db: Tx): Promise<string> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, SETTINGS_KEY));
  const value = row?.value as { codeFormat?: unknown } | undefined;
  return typeof value?.codeFormat === 'string' && isValidFormat(value.codeFormat) ? value.codeFormat : DEFAULT_CODE_FORMAT;
}

/** As codeFormat, kept by this process until the settings change (db/notified-cache.ts): every dossier received reads it. */
async function cachedCodeFormat(db: Tx): Promise<string> {
  const kept = await cacheOf<{ format: string }>(db, 'dossier-code-format', { freshMs: 60_000, maxEntries: 1 }).get('format', async () => ({ format: await codeFormat(db) }));
  return kept!.format;
}

/** The counter of a dossier's code: the agency's (the unit's when it has none) for the local day of `at`. */
function seriesOf(at: Date, agencyCode: string | null, unitCode: string) {
  const series = agencyCode ?? unitCode;
  return { series: `dossier:${series}`, parts: { agency: series, unit: unitCode, day: codeDay(at) } };
}

/** Allocates the code of a dossier received at `at`; call it inside the dossier's transaction. */
export async function allocateCode(tx: Tx, at: Date, agencyCode: string | null, unitCode: string): Promise<string> {
  const { series, parts } = seriesOf(at, agencyCode, unitCode);
  const seq = await nextSequence(tx, series, parts.day);
  return formatCode(await cachedCodeFormat(tx), { ...parts, seq });
}

/**
 * The code of a dossier received at `at`, numbered by the statement that writes the dossier (the
 * guard of `recordStartAtOnce`, which answers the code): no statement of its own, no transaction.
 */
export async function codeGuard(db: Tx, at: Date, agencyCode: string | null, unitCode: string): Promise<Alongside> {
  const { series, parts } = seriesOf(at, agencyCode, unitCode);
  const around = codeAround(await cachedCodeFormat(db), parts);
  if (!around) throw new Error('the code format in force is not sound');
  return sequencedCode(series, parts.day, around);
}
