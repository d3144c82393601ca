// Named errors of the org module (units, agencies, staff, imports), with stable codes and Vietnamese messages.
import { AppError, errors } from '../../platform/errors';

export const orgErrors = {
  unitNotFound: () => errors.notFound('unit', 'đơn vị hành chính'),
  agencyNotFound: () => errors.notFound('agency', 'cơ quan, đơn vị trực thuộc'),
  staffNotFound: () => errors.notFound('staff', 'cán bộ'),
  grantNotFound: () => errors.notFound('grant', 'quyền được cấp'),
  jobNotFound: () => errors.notFound('job', 'tác vụ'),
  unitCodeTaken: (code: string) =>
    errors.conflict('unit_code_taken', `Mã đơn vị "${code}" đã được sử dụng`, `Unit code "${code}" is already in use`, { code }),
  agencyCodeTaken: (code: string) =>
    errors.conflict('agency_code_taken', `Mã cơ quan "${code}" đã được sử dụng`, `Agency code "${code}" is already in use`, { code }),
  usernameTaken: (username: string) =>
    errors.conflict('username_taken', `Tên đăng nhập "${username}" đã có người sử dụng`, `Username "${username}" is taken`, {
      username,
    }),
  unitCycle: () =>
    errors.badRequest(
      'unit_cycle',
      'Không thể chuyển đơn vị vào chính nó hoặc vào một đơn vị cấp dưới của nó',
      'A unit cannot be moved under itself or one of its own sub-units',
    ),
  /** A field that is well-formed but refers to something unacceptable: same shape as request validation. */
  invalidField: (path: string, message: string) => errors.validation([{ path, message }]),
  cannotDisableSelf: () =>
    errors.badRequest('cannot_disable_self', 'Bạn không thể tự khoá tài khoản của chính mình', 'You cannot disable your own account'),
  importFileMissing: () =>
    errors.badRequest('import_file_missing', 'Chưa chọn tệp CSV để nhập (trường "file")', 'No CSV file was sent (field "file")'),
  importNotCsv: () =>
    errors.badRequest(
      'import_not_csv',
      'Tệp phải là tệp CSV (.csv), mã UTF-8, phân tách bằng dấu phẩy hoặc chấm phẩy',
      'The file must be a CSV file (.csv), UTF-8, separated by commas or semicolons',
    ),
  importTooLarge: (maxMb: number) =>
    new AppError('file_too_large', 413, `Tệp vượt quá dung lượng cho phép (${maxMb} MB)`, `The file is larger than ${maxMb} MB`, {
      maxBytes: maxMb * 1024 * 1024,
    }),
};

/** True when a database error (possibly wrapped by Drizzle) is a unique violation of the named index. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  for (let e: unknown = err, i = 0; e && typeof e === 'object' && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const { code, constraint: name, message } = e as { code?: unknown; constraint?: unknown; message?: unknown };
    if (code === '23505' && (name === constraint || (typeof message === 'string' && message.includes(constraint)))) return true;
  }
  return false;
}
