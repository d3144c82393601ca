// Dossier codes: a configurable format over the agency code, the local date and a daily sequence allocated in the dossier's transaction.
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { cacheOf } from '../../db/notified-cache';
import { settings } from '../../db/schema';
import { DEFAULT_CODE_FORMAT, formatCode, isValidFormat } from '../../../common/dossier-codes';
import { codeDay, nextSequence } from '../../platform/codes/codes';

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

/** Allocates the code of a dossier received at `at`; call it inside the dossier's transaction. */
export async function allocateCode(tx: Tx, at: Date, agencyCode: string | null, unitCode: string): Promise<string> {
  const day = codeDay(at);
  const series = agencyCode ?? unitCode;
  const seq = await nextSequence(tx, `dossier:${series}`, day);
  return formatCode(await cachedCodeFormat(tx), { agency: series, unit: unitCode, day, seq });
}
