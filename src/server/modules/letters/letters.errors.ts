// Errors of the letters module: stable codes the web and the tests rely on.
import { AppError, errors } from '../../platform/errors';
import type { Lang } from '../../platform/locale';

export const letterErrors = {
  /** The same answer for "no such letter", "not yours to see" and "wrong tracking secret". */
  notFound: () => new AppError('letter_not_found', 404, 'Không tìm thấy đơn', 'Letter not found'),
  caseNotFound: () => new AppError('letter_case_not_found', 404, 'Không tìm thấy vụ việc', 'Case not found'),
  field: (lang: Lang, path: string, vi: string, en: string) => errors.validation([{ path, message: lang === 'vi' ? vi : en }]),
  /** A module rule on top of the workflow: the action needs a fact of the case the engine does not know. */
  actionNotAllowed: (action: string, reason: 'not_processable' | 'not_anonymous', vi: string, en: string) =>
    new AppError('letter_action_not_allowed', 409, vi, en, { action, reason }),
};
