// Named errors of the procedure catalog, with stable codes and Vietnamese messages.
import { errors } from '../../platform/errors';

export const procedureErrors = {
  notFound: () => errors.notFound('procedure', 'thủ tục hành chính'),
  codeTaken: (code: string) =>
    errors.conflict('procedure_code_taken', `Mã thủ tục "${code}" đã có trong danh mục`, `Procedure code "${code}" is already in the catalog`, { code }),
  /** A well-formed field that refers to something unacceptable: same shape as request validation. */
  invalidField: (path: string, message: string) => errors.validation([{ path, message }]),
};
