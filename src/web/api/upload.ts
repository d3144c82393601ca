// Uploads with progress and idempotency keys, for the staff screens and the public portal alike. XMLHttpRequest because
// fetch cannot report how far an upload has gone; errors come back as the same ApiError as every other call.
import i18n from 'i18next';
import type { FileView } from '../../common/dossiers.schema';
import { ApiError, toApiError } from './client';

export type { FileView };

/**
 * A fresh Idempotency-Key: one per form session, so that a double click or a retry after a lost answer acts once.
 * Random bits from getRandomValues, which (unlike randomUUID) also works on plain-http intranets.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** POSTs `file` as the multipart field `file` to `url`, reporting progress (0..1) as the bytes go out; abort with `signal`. */
export function uploadWithProgress(
  url: string,
  file: File,
  opts: { onProgress: (fraction: number) => void; headers?: Record<string, string>; signal?: AbortSignal },
): Promise<FileView> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', i18n.language === 'en' ? 'en' : 'vi');
    for (const [k, v] of Object.entries(opts.headers ?? {})) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) opts.onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        opts.onProgress(1);
        resolve(data as FileView);
        return;
      }
      const err = toApiError(xhr.status, data);
      const retryAfter = Number(xhr.getResponseHeader('retry-after'));
      if (retryAfter > 0) err.retryAfter = retryAfter;
      reject(err);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', i18n.t('common.error')));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
