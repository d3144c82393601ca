// Stored bytes that no file row names: a with-files form refused after its files were written, an
// upload interrupted before its rename, a crash between the rename and the row. Nothing can reach
// them (every read goes through a row's storage key), so they are removed once they are old enough
// that no request still writing them can be running.
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Tx } from '../../db/client';
import { files } from '../../db/schema';
import { jobRegistryFor } from '../jobs/jobs';

/** An upload's bytes and its row are written within seconds of each other; a day leaves room for any request. */
export const STRAY_AFTER_MS = 24 * 3600_000;
/** Storage keys looked up in one statement. */
const BATCH = 1000;

export interface SweepResult {
  /** Stored files that no row names, removed. */
  removed: number;
  /** Bytes they held. */
  bytes: number;
  /** Unfinished uploads left in `tmp`, removed. */
  unfinished: number;
}

interface Entry {
  name: string;
  full: string;
  size: number;
  ino: number;
}

/** The files of a folder older than `before`; a missing folder has none. */
async function oldEntries(folder: string, before: number): Promise<Entry[]> {
  const names = await readdir(folder).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[];
    throw err;
  });
  const out: Entry[] = [];
  for (const name of names) {
    const full = path.join(folder, name);
    const s = await stat(full).catch(() => null);
    if (s?.isFile() && s.mtimeMs < before) out.push({ name, full, size: s.size, ino: s.ino });
  }
  return out;
}

/**
 * Removes the file if it is still the one listed (same inode, still old): an upload of the same bytes
 * renamed over it meanwhile, whose record is about to be written, is left in place.
 */
async function removeIfUnchanged(full: string, ino: number, before: number): Promise<boolean> {
  const s = await stat(full).catch(() => null);
  if (!s || s.ino !== ino || s.mtimeMs >= before) return false;
  await rm(full, { force: true });
  return true;
}

/**
 * Removes from `dir` (filesDir) the stored files older than `olderThanMs` that no row of `files`
 * names by its storage key, and the unfinished uploads in `dir/tmp`. A file is kept when any row
 * names it (identical uploads share one stored file).
 */
export async function sweepStrayFiles(db: Tx, dir: string, now: Date, olderThanMs: number = STRAY_AFTER_MS): Promise<SweepResult> {
  const before = now.getTime() - olderThanMs;
  const result: SweepResult = { removed: 0, bytes: 0, unfinished: 0 };
  for (const e of await oldEntries(path.join(dir, 'tmp'), before)) if (await removeIfUnchanged(e.full, e.ino, before)) result.unfinished += 1;
  const folders = (await readdir(dir, { withFileTypes: true }).catch(() => [])).filter((d) => d.isDirectory() && /^[0-9a-f]{2}$/.test(d.name));
  for (const folder of folders) {
    const entries = (await oldEntries(path.join(dir, folder.name), before)).map((e) => ({ ...e, key: `${folder.name}/${e.name}` }));
    for (let i = 0; i < entries.length; i += BATCH) {
      const batch = entries.slice(i, i + BATCH);
      const named = await db
        .selectDistinct({ key: files.storageKey })
        .from(files)
        .where(
          inArray(
            files.storageKey,
            batch.map((e) => e.key),
          ),
        );
      const keep = new Set(named.map((r) => r.key));
      for (const e of batch) {
        if (keep.has(e.key) || !(await removeIfUnchanged(e.full, e.ino, before))) continue;
        result.removed += 1;
        result.bytes += e.size;
      }
    }
  }
  return result;
}

/**
 * Runs the sweep as a job (its row says when it ran and what it removed) an hour after start-up, away
 * from the start's own work, then daily, on every server process (a file removed twice is no harm).
 */
export function scheduleStrayFileSweep(app: FastifyInstance, dir: string): void {
  const registry = jobRegistryFor(app.database.db, app.log);
  const run = async () => {
    const job = await registry.create({ kind: SWEEP_JOB, createdBy: null, unitId: null });
    registry.start(job.id, async () => {
      const r = await sweepStrayFiles(app.database.db, dir, new Date());
      const mb = (r.bytes / 1024 / 1024).toFixed(1);
      return { status: 'succeeded', accepted: r.removed + r.unfinished, rejected: [], message: `Đã xoá ${r.removed} tệp không còn bản ghi nào dùng (${mb} MB) và ${r.unfinished} tệp tải lên dở` };
    });
  };
  const safely = () => run().catch((err: unknown) => app.log.warn({ err }, 'stray file sweep failed'));
  setTimeout(() => {
    void safely();
    setInterval(() => void safely(), 24 * 3600_000).unref();
  }, 3600_000).unref();
}

export const SWEEP_JOB = 'stray_file_sweep';
