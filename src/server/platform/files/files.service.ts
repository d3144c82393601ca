// File storage: streams an upload to disk under the data folder, hashing and sniffing it on the way; never leaves half a file.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq, inArray } from 'drizzle-orm';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FileView } from '../../../common/dossiers.schema';
import type { Tx } from '../../db/client';
import { newRecordId } from '../../db/ids';
import { placeholderRows, placeholderValues } from '../../db/compiled';
import { files } from '../../db/schema';
import { auditCte } from '../audit/audit';
import { AppError, errors } from '../errors';
import { HEAD_BYTES, nameFor, sniff } from './files.sniff';

export type FileRow = typeof files.$inferSelect;

/** 10 MB a file: a scanned A4 page is well under 1 MB; larger files are almost always mistakes. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** The end of a ZIP file read to find its entry names (central directory + end record). */
const ZIP_TAIL_BYTES = 256 * 1024;

export const fileErrors = {
  missing: () => errors.badRequest('file_missing', 'Chưa chọn tệp để tải lên (trường "file")', 'No file was sent (field "file")'),
  typeNotAllowed: () =>
    errors.badRequest(
      'file_type_not_allowed',
      'Chỉ nhận tệp PDF, ảnh JPG/PNG, Word (.docx), Excel (.xlsx) hoặc OpenDocument (.odt, .ods)',
      'Only PDF, JPG/PNG images, Word (.docx), Excel (.xlsx) or OpenDocument (.odt, .ods) files are accepted',
    ),
  tooLarge: (maxBytes: number) =>
    new AppError('file_too_large', 413, `Tệp vượt quá dung lượng cho phép (${maxBytes / 1024 / 1024} MB)`, `The file is larger than ${maxBytes / 1024 / 1024} MB`, {
      maxBytes,
    }),
  empty: () => errors.badRequest('file_empty', 'Tệp rỗng', 'The file is empty'),
};

export function filesDir(dataDir: string): string {
  return path.resolve(dataDir, 'files');
}

export function toFileView(r: FileRow): FileView {
  return { id: r.id, name: r.name, mime: r.mime, size: r.size, sha256: r.sha256 };
}

/** The last `max` bytes of a stream, kept while it passes (a ZIP's entry names are listed at its end). */
class Tail {
  private chunks: Buffer[] = [];
  private bytes = 0;
  constructor(private readonly max: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    while (this.chunks.length > 1 && this.bytes - this.chunks[0]!.length >= this.max) this.bytes -= this.chunks.shift()!.length;
  }

  get value(): Buffer {
    const all = Buffer.concat(this.chunks);
    return all.subarray(Math.max(0, all.length - this.max));
  }
}

export interface Stored {
  sha256: string;
  size: number;
  storageKey: string;
  name: string;
  mime: string;
}

/** Folders made by this process: each upload made two mkdir calls, and there are 257 folders at most. */
const made = new Set<string>();

async function madeDir(folder: string): Promise<void> {
  if (made.has(folder)) return;
  await mkdir(folder, { recursive: true });
  made.add(folder);
}

/**
 * Writes the multipart field `file` to disk (see `storePart`); a request without it is a 400.
 */
export async function receiveUpload(req: FastifyRequest, dir: string, maxBytes = MAX_FILE_BYTES): Promise<Stored> {
  if (!req.isMultipart()) throw fileErrors.missing();
  const part = await req.file({ limits: { fileSize: maxBytes, files: 1 }, throwFileSizeLimit: false });
  if (!part || part.fieldname !== 'file') throw fileErrors.missing();
  return storePart(part, dir, maxBytes);
}

/**
 * Writes a multipart file part to `<dir>/tmp/<random>` while hashing it, checks size and type,
 * then renames it to `<dir>/<sha[0:2]>/<sha>` (rename is atomic on one file system, so a reader never
 * sees a partial file; an identical upload already there is replaced by the same bytes, and a reader
 * of the old one keeps reading it). The start and the end of the file are kept in memory on the way,
 * so the file is written once and never read back. The part's stream is read to its end, also on
 * an error. `maxBytes` must be the limit the part was parsed with (a longer one comes truncated).
 */
export async function storePart(part: MultipartFile, dir: string, maxBytes = MAX_FILE_BYTES): Promise<Stored> {
  const tmpDir = path.join(dir, 'tmp');
  await madeDir(tmpDir);
  const tmp = path.join(tmpDir, `${randomUUID()}.part`);
  const hash = createHash('sha256');
  let head = Buffer.alloc(0);
  let size = 0;
  const tail = new Tail(ZIP_TAIL_BYTES);
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      tail.push(chunk);
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
      done(null, chunk);
    },
  });
  try {
    await pipeline(part.file, tap, createWriteStream(tmp, { flags: 'wx' }));
    if (part.file.truncated) throw fileErrors.tooLarge(maxBytes);
    if (size === 0) throw fileErrors.empty();
    const type = sniff(head, () => tail.value);
    if (!type) throw fileErrors.typeNotAllowed();
    const sha256 = hash.digest('hex');
    const storageKey = `${sha256.slice(0, 2)}/${sha256}`;
    const final = path.join(dir, storageKey);
    await madeDir(path.dirname(final));
    await rename(tmp, final).catch(async (err: NodeJS.ErrnoException) => {
      // Windows refuses to replace a file that is open: the same bytes are already there.
      if (err.code !== 'EPERM' && err.code !== 'EACCES') throw err;
      await rm(tmp, { force: true });
    });
    return { sha256, size, storageKey, name: nameFor(part.filename, type), mime: type.mime };
  } catch (err) {
    part.file.resume();
    await rm(tmp, { force: true });
    // A folder removed while the server runs is made again by the next upload.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') made.clear();
    throw err;
  }
}

const FILE_COLUMNS = ['id', 'sha256', 'name', 'mime', 'size', 'storageKey', 'createdBy'] as const satisfies readonly (keyof typeof files.$inferInsert)[];
type FileInsert = Stored & { id: string; createdBy: string | null };

/** The rows of files stored by `storePart`, to insert in the statement of the record that holds them (see `fileInsertTemplate`). */
export function fileRowsOf(stored: readonly Stored[], createdBy: string | null): FileInsert[] {
  return stored.map((s) => ({ ...s, id: newRecordId(), createdBy }));
}

/** The files' insert with placeholders (`<prefix><i>_<column>`), for a statement built once per count; `fileInsertValues` gives the values. */
export function fileInsertTemplate(db: Tx, count: number, prefix: string) {
  return db.insert(files).values(placeholderRows(FILE_COLUMNS, count, prefix) as unknown as FileInsert[]);
}

export function fileInsertValues(rows: readonly FileInsert[], prefix: string): Record<string, unknown> {
  return placeholderValues(FILE_COLUMNS, rows, prefix);
}

/**
 * Records an upload received by receiveUpload with its audit entry, in one statement (no
 * transaction: the id is chosen here, so the entry is written with the row).
 */
export async function recordUpload(db: Tx, ctx: Parameters<typeof auditCte>[1], stored: Stored): Promise<FileRow> {
  const id = newRecordId();
  const audit = auditCte(db, ctx, { action: 'file.upload', entityType: 'file', entityId: id, after: { id, mime: stored.mime, size: stored.size, sha256: stored.sha256 } });
  const [row] = await db
    .with(audit)
    .insert(files)
    .values({ id, sha256: stored.sha256, name: stored.name, mime: stored.mime, size: stored.size, storageKey: stored.storageKey, createdBy: ctx.actor?.id ?? null })
    .returning();
  if (!row) throw new Error('file insert returned no row');
  return row;
}

export async function findFiles(db: Tx, ids: readonly string[]): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(files).where(inArray(files.id, [...new Set(ids)]));
}

export async function findFile(db: Tx, id: string): Promise<FileRow | undefined> {
  const [row] = await db.select().from(files).where(eq(files.id, id));
  return row;
}

/** Absolute path of a stored file's bytes. */
export function pathOf(dir: string, row: Pick<FileRow, 'storageKey'>): string {
  return path.join(dir, row.storageKey);
}
