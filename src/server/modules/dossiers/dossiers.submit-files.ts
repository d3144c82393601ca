// Online submission in one request: the dossier (a JSON field) and its documents (file parts) as one
// multipart form, written in one statement: no upload left behind without its dossier, one round trip
// for a citizen on a weak connection, one rate-limited request instead of one per file.
import type { FastifyRequest } from 'fastify';
import { PublicSubmitWithFilesBody, type PublicSubmitBody } from '../../../common/dossiers.schema';
import { zodToAppError } from '../../platform/error-handler';
import { AppError, errors, type FieldIssue } from '../../platform/errors';
import { fileRowsOf, MAX_FILE_BYTES, storePart, type Stored } from '../../platform/files/files.service';
import type { Lang } from '../../platform/locale';
import type { NewFile } from './dossiers.intake';

/** The form's field that holds the dossier (as JSON); every other part is a document's file. */
export const DOSSIER_FIELD = 'dossier';
/** As many files as a dossier may hold documents (PublicSubmitBody: 30). */
const MAX_PARTS = 30;

const say = (lang: Lang, path: string, vi: string, en: string): FieldIssue => ({ path, message: lang === 'vi' ? vi : en });

/** What the form sent: the dossier's JSON text and each file part, stored on disk under its field name. */
async function readForm(req: FastifyRequest, dir: string, lang: Lang): Promise<{ json: string | null; stored: Map<string, Stored> }> {
  if (!req.isMultipart())
    throw errors.validation([say(lang, 'body', 'Gửi hồ sơ dạng multipart/form-data: trường "dossier" và các tệp', 'Send multipart/form-data: the "dossier" field and the files')]);
  let json: string | null = null;
  const stored = new Map<string, Stored>();
  const issues: FieldIssue[] = [];
  const parts = req.parts({ limits: { fileSize: MAX_FILE_BYTES, files: MAX_PARTS, fields: 10 } });
  for await (const part of parts) {
    const at = `body.${part.fieldname}`;
    if (part.type === 'field') {
      if (part.fieldname === DOSSIER_FIELD && typeof part.value === 'string') json = part.value;
      else issues.push(say(lang, at, `Trường không được nhận; hồ sơ gửi trong trường "${DOSSIER_FIELD}"`, `Unknown field; the dossier goes in "${DOSSIER_FIELD}"`));
      continue;
    }
    if (part.fieldname === DOSSIER_FIELD || stored.has(part.fieldname)) {
      part.file.resume();
      issues.push(say(lang, at, 'Mỗi tệp gửi kèm cần một tên trường riêng', 'Each file needs a field name of its own'));
      continue;
    }
    try {
      stored.set(part.fieldname, await storePart(part, dir));
    } catch (err) {
      // A file too large stays a 413; a wrong or empty file is a field of this form.
      if (!(err instanceof AppError) || err.status !== 400) throw err;
      issues.push(say(lang, at, err.messageVi, err.messageEn));
    }
  }
  if (issues.length) throw errors.validation(issues);
  return { json, stored };
}

/**
 * Reads POST /api/public/dossiers/with-files: the `dossier` field checked as the body of POST
 * /api/public/dossiers (its errors named `body.…` the same way), each `{ part, name }` document
 * resolved to a file part of the form, and every file part used by exactly one document. Returns the
 * body with file ids, and the files' rows for the dossier's statement. Files of a refused form stay
 * on disk without a row (named by their content; an identical upload reuses them).
 */
export async function readSubmission(req: FastifyRequest, dir: string, lang: Lang): Promise<{ body: PublicSubmitBody; newFiles: NewFile[]; digest: unknown }> {
  const { json, stored } = await readForm(req, dir, lang);
  if (json === null) throw errors.validation([say(lang, `body.${DOSSIER_FIELD}`, 'Thiếu thông tin hồ sơ', 'The dossier is missing')]);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw errors.validation([say(lang, `body.${DOSSIER_FIELD}`, 'Thông tin hồ sơ không phải JSON hợp lệ', 'The dossier is not valid JSON')]);
  }
  const parsed = PublicSubmitWithFilesBody.safeParse(raw);
  if (!parsed.success) throw zodToAppError(parsed.error, lang);
  const fields = [...stored.keys()];
  const made = fileRowsOf([...stored.values()], null);
  const rows = new Map(fields.map((field, i) => [field, made[i]!]));
  const used = new Set<string>();
  const issues: FieldIssue[] = [];
  const documents = parsed.data.documents.map((d, i) => {
    if (!('part' in d)) return d;
    const row = rows.get(d.part);
    if (!row) issues.push(say(lang, `body.documents.${i}.part`, `Không có tệp gửi kèm trong trường "${d.part}"`, `No file was sent in the field "${d.part}"`));
    else if (used.has(d.part)) issues.push(say(lang, `body.documents.${i}.part`, 'Tệp này đã được dùng cho giấy tờ khác', 'This file is already used by another document'));
    used.add(d.part);
    return { fileId: row?.id ?? '', name: d.name };
  });
  for (const field of rows.keys())
    if (!used.has(field)) issues.push(say(lang, `body.${field}`, 'Tệp gửi kèm không thuộc giấy tờ nào của hồ sơ', 'The file is not one of the dossier’s documents'));
  if (issues.length) throw errors.validation(issues);
  // Every file of the form is a document's: all of them are written.
  const newFiles = made;
  // What an idempotent retry must repeat: the dossier and the bytes of each file (not their random ids).
  const digest = { dossier: parsed.data, files: [...stored].map(([field, s]) => [field, s.sha256]) };
  return { body: { ...parsed.data, documents }, newFiles, digest };
}
