// Named application errors with stable codes, HTTP status and bilingual messages.

export type ErrorDetails = Record<string, unknown> | Array<Record<string, unknown>>;

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly details?: ErrorDetails,
  ) {
    super(messageEn);
    this.name = 'AppError';
  }
}

export interface FieldIssue {
  path: string;
  message: string;
}

export const errors = {
  validation: (issues: FieldIssue[]) =>
    new AppError('invalid_input', 400, 'Dữ liệu không hợp lệ', 'Invalid input', { fields: issues }),
  badRequest: (code: string, vi: string, en: string, details?: ErrorDetails) => new AppError(code, 400, vi, en, details),
  unauthenticated: () => new AppError('unauthenticated', 401, 'Bạn cần đăng nhập', 'You must sign in'),
  invalidCredentials: () =>
    new AppError('invalid_credentials', 401, 'Tên đăng nhập hoặc mật khẩu không đúng', 'Wrong username or password'),
  accountLocked: (until: Date) =>
    new AppError(
      'account_locked',
      423,
      'Tài khoản tạm khoá do đăng nhập sai nhiều lần, vui lòng thử lại sau',
      'Account temporarily locked after repeated failed sign-ins; try again later',
      { lockedUntil: until.toISOString() },
    ),
  accountDisabled: () => new AppError('account_disabled', 403, 'Tài khoản đã bị vô hiệu hoá', 'Account is disabled'),
  csrf: () =>
    new AppError('csrf_invalid', 403, 'Phiên làm việc không hợp lệ, vui lòng tải lại trang', 'Missing or invalid CSRF token'),
  forbidden: (action?: string) =>
    new AppError('forbidden', 403, 'Bạn không có quyền thực hiện thao tác này', 'You are not allowed to do this', action ? { action } : undefined),
  notFound: (entity: string, vi: string) =>
    new AppError(`${entity}_not_found`, 404, `Không tìm thấy ${vi}`, `${entity.replace(/_/g, ' ')} not found`),
  conflict: (code: string, vi: string, en: string, details?: ErrorDetails) => new AppError(code, 409, vi, en, details),
  rateLimited: () =>
    new AppError('rate_limited', 429, 'Quá nhiều yêu cầu, vui lòng thử lại sau', 'Too many requests, try again later'),
};
