// Queries and requests of the dossier screens: query keys, the counts and one dossier, idempotency keys, staff uploads with progress.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from 'i18next';
import { api, ApiError, toApiError } from '../../api/client';
import type { DossierCounts, DossierView, FileView } from '../../api/types';

export const dossierKeys = {
  all: ['dossiers'] as const,
  counts: ['dossiers', 'counts'] as const,
  detail: (id: string) => ['dossiers', 'detail', id] as const,
  agencies: (id: string) => ['dossiers', 'agencies', id] as const,
};

/** State, action and field labels come from the server in the user's language: fetch them again when it changes. */
export function useRefetchOnLanguage() {
  const client = useQueryClient();
  const { i18n: inst } = useTranslation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else void client.invalidateQueries({ queryKey: dossierKeys.all });
  }, [inst.language, client]);
}

/** The inbox counts, refreshed every minute while the page is open (a desk works all day on one screen). */
export function useDossierCounts() {
  return useQuery({
    queryKey: dossierKeys.counts,
    queryFn: ({ signal }) => api<DossierCounts>('/api/dossiers/counts', { signal }),
    refetchInterval: 60_000,
    staleTime: 10_000,
  });
}

export function useDossier(id: string) {
  return useQuery({
    queryKey: dossierKeys.detail(id),
    queryFn: ({ signal }) => api<DossierView>(`/api/dossiers/${id}`, { signal }),
    staleTime: 5_000,
  });
}

/**
 * A fresh Idempotency-Key: one per form session, so that a double click or a retry after a lost answer
 * acts once. Random bits from getRandomValues, which (unlike randomUUID) also works on plain-http intranets.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const idempotencyHeader = (key: string) => ({ 'idempotency-key': key });

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const UPLOAD_ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,.odt,.ods';

/** POST /api/files as the signed-in staff member, reporting progress (0..1) as the bytes go out. */
export function uploadStaffFile(file: File, csrfToken: string | null, onProgress: (fraction: number) => void): Promise<FileView> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/files');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', i18n.language === 'en' ? 'en' : 'vi');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(data as FileView);
      } else reject(toApiError(xhr.status, data));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', i18n.t('common.error')));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** The printable forms of a dossier (served by the forms module). */
export const formUrl = (id: string, form: string) => `/api/dossiers/${id}/forms/${form}.pdf`;
export const fileUrl = (id: string, fileId: string) => `/api/dossiers/${id}/files/${fileId}`;
