// Checks of files named in a request: uploaded (the workflow engine keeps only their id and name), and not already held by another record.
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { files } from '../../db/schema';
import { errors, type FieldIssue } from '../errors';
import type { Lang } from '../locale';
import { findFiles, type FileRow } from './files.service';

/** Every item names an uploaded file; otherwise a 400 on `<path>.<i>.fileId` for each one that does not. */
export async function checkUploaded(tx: Tx, items: ReadonlyArray<{ fileId: string }>, lang: Lang, path: string): Promise<void> {
  if (!items.length) return;
  const found = new Set((await findFiles(tx, items.map((a) => a.fileId))).map((f) => f.id));
  const issues: FieldIssue[] = items
    .map((a, i) => ({ a, i }))
    .filter(({ a }) => !found.has(a.fileId))
    .map(({ i }) => ({ path: `${path}.${i}.fileId`, message: lang === 'vi' ? 'Không tìm thấy tệp đã tải lên' : 'No such uploaded file' }));
  if (issues.length) throw errors.validation(issues);
}

/**
 * Files a new record is to hold: each uploaded, not among `taken` (already held by another record),
 * and for a guest only guest uploads (so nobody attaches a file an officer uploaded). A 400 on
 * `<path>.<i>.fileId` for each one that fails. `files`: the named files, when the caller read them
 * already (with what holds them, in one statement).
 */
export async function checkNewUploads(
  tx: Tx,
  links: ReadonlyArray<{ fileId: string }>,
  opts: { guest: boolean; taken: ReadonlySet<string>; lang: Lang; path: string; files?: readonly FileRow[] },
): Promise<void> {
  if (!links.length) return;
  const found = new Map((opts.files ?? (await findFiles(tx, links.map((d) => d.fileId)))).map((f) => [f.id, f]));
  const issues: FieldIssue[] = [];
  links.forEach((d, i) => {
    const f = found.get(d.fileId);
    if (!f || (opts.guest && f.createdBy !== null) || opts.taken.has(d.fileId))
      issues.push({ path: `${opts.path}.${i}.fileId`, message: opts.lang === 'vi' ? 'Tệp không tồn tại hoặc đã được dùng' : 'No such file, or already used' });
  });
  if (issues.length) throw errors.validation(issues);
}

/**
 * Replaces an uploaded file's own name by a neutral one with the same extension (`attachment-2.pdf`),
 * for files whose name may identify a person who must stay protected; the caller keeps the real name sealed.
 */
export async function neutralizeFileName(tx: Tx, fileId: string, neutral: string): Promise<void> {
  const [row] = await tx.select({ name: files.name }).from(files).where(eq(files.id, fileId));
  if (!row) return;
  await tx.update(files).set({ name: `${neutral}${path.extname(row.name)}` }).where(eq(files.id, fileId));
}
