// Reading an uploaded CSV file from a multipart request, with the errors every import shares.
import type { FastifyRequest } from 'fastify';
import { AppError, errors } from './errors';

export interface UploadedFile {
  name: string;
  content: Buffer;
}

/** Matches the app-wide multipart limit (app.ts MAX_UPLOAD_BYTES). */
export const MAX_CSV_MB = 20;

/** One set of codes for every import, so that the web's import dialog handles them alike. */
export const uploadErrors = {
  fileMissing: () =>
    errors.badRequest('import_file_missing', 'Chưa chọn tệp CSV để nhập (trường "file")', 'No CSV file was sent (field "file")'),
  notCsv: () =>
    errors.badRequest(
      'import_not_csv',
      'Tệp phải là tệp CSV (.csv), mã UTF-8, phân tách bằng dấu phẩy hoặc chấm phẩy',
      'The file must be a CSV file (.csv), UTF-8, separated by commas or semicolons',
    ),
  tooLarge: (maxMb: number) =>
    new AppError('file_too_large', 413, `Tệp vượt quá dung lượng cho phép (${maxMb} MB)`, `The file is larger than ${maxMb} MB`, {
      maxBytes: maxMb * 1024 * 1024,
    }),
};

const CSV_TYPES = new Set(['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel', 'application/octet-stream']);

/** The multipart field `file`, refused unless it looks like a CSV file (an .xlsx renamed to .csv holds NUL bytes). */
export async function readCsvUpload(req: FastifyRequest, maxMb = MAX_CSV_MB): Promise<UploadedFile> {
  if (!req.isMultipart()) throw uploadErrors.fileMissing();
  const part = await req.file({ limits: { fileSize: maxMb * 1024 * 1024 } });
  if (!part || part.fieldname !== 'file') throw uploadErrors.fileMissing();
  let content: Buffer;
  try {
    content = await part.toBuffer();
  } catch (err) {
    if ((err as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') throw uploadErrors.tooLarge(maxMb);
    throw err;
  }
  const csvLike = /\.(csv|txt)$/i.test(part.filename) && CSV_TYPES.has(part.mimetype.toLowerCase()) && !content.subarray(0, 8192).includes(0);
  if (!csvLike) throw uploadErrors.notCsv();
  return { name: part.filename, content };
}
