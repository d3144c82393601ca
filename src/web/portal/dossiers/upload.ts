// Guest file uploads for a dossier: the same limits as the server checked first (type by extension, 10 MB, not empty),
// then sent with progress (api/upload.ts) so that the page can show how far each upload has gone.
import i18n from 'i18next';
import { ApiError } from '../../api/client';
import { uploadWithProgress, type FileView } from '../../api/upload';
import { citizenHeaders } from '../account/citizenSession';

export type { FileView };

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** What the server takes (it decides by content; the extension is the citizen's first hint). */
export const ACCEPTED_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'docx', 'xlsx', 'odt', 'ods'] as const;
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(',');

/** "1,5 MB", "320 KB" in the page's language. */
export function formatSize(bytes: number): string {
  const locale = i18n.language === 'en' ? 'en-GB' : 'vi-VN';
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB`;
  // Rounded up, so that a file just over the limit never reads "10 MB".
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Math.ceil((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}

/** Why a chosen file cannot be sent, in plain words, or null when it may be sent. */
export function checkFile(file: File): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(ext)) return i18n.t('citizen.upload.wrongType', { name: file.name });
  if (file.size === 0) return i18n.t('citizen.upload.empty', { name: file.name });
  if (file.size > MAX_FILE_BYTES) return i18n.t('citizen.upload.tooLarge', { name: file.name, size: formatSize(file.size) });
  return null;
}

/** The server's refusal of an upload, in the same plain words as the checks above. */
export function uploadErrorText(err: unknown, name: string): string {
  if (err instanceof ApiError) {
    switch (err.code) {
      case 'file_type_not_allowed':
        return i18n.t('citizen.upload.wrongType', { name });
      case 'file_too_large':
      case 'payload_too_large':
        return i18n.t('citizen.upload.tooLargeServer', { name });
      case 'file_empty':
        return i18n.t('citizen.upload.empty', { name });
      case 'rate_limited':
        return i18n.t('citizen.upload.tooMany', { seconds: err.retryAfter ?? 60 });
      case 'network_error':
        return i18n.t('citizen.upload.network', { name });
      default:
        return err.message;
    }
  }
  return i18n.t('citizen.upload.network', { name });
}

/** POST /api/public/files with progress (0..1) reported as the bytes go out; abort with the signal. */
export async function uploadFile(file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<FileView> {
  // A signed-in citizen's session wants its CSRF token on every write, uploads included.
  const headers = await citizenHeaders();
  return uploadWithProgress('/api/public/files', file, { onProgress, headers, ...(signal ? { signal } : {}) });
}
