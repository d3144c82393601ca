// Named errors of the procedure catalog, with stable codes and Vietnamese messages.
import { AppError, errors } from '../../platform/errors';

export const procedureErrors = {
  notFound: () => errors.notFound('procedure', 'thủ tục hành chính'),
  codeTaken: (code: string) =>
    errors.conflict('procedure_code_taken', `Mã thủ tục "${code}" đã có trong danh mục`, `Procedure code "${code}" is already in the catalog`, { code }),
  /** A well-formed field that refers to something unacceptable: same shape as request validation. */
  invalidField: (path: string, message: string) => errors.validation([{ path, message }]),
};

/** The upload errors share their codes with the unit import, so that the web's import dialog handles both alike. */
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
