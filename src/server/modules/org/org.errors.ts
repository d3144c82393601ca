// Named errors of the org module (units, agencies, staff, imports), with stable codes and Vietnamese messages.
import { errors } from '../../platform/errors';

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
};
