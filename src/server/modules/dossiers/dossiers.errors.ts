// Errors of the dossier module: stable codes the web and the tests rely on.
import { AppError, errors } from '../../platform/errors';
import type { Lang } from '../../platform/locale';

export const dossierErrors = {
  /** The same answer for "no such dossier", "not yours to see" and "wrong tracking secret": nothing to learn from it. */
  notFound: () => new AppError('dossier_not_found', 404, 'Không tìm thấy hồ sơ', 'Dossier not found'),
  field: (lang: Lang, path: string, vi: string, en: string) => errors.validation([{ path, message: lang === 'vi' ? vi : en }]),
};
