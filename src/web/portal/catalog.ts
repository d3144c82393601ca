// Data and formatting of the public procedure catalog, without TanStack Query or zod so the portal stays small.
import { useCallback, useEffect, useState } from 'react';
import { api, type Query } from '../api/client';
import type { Page, ProcedureFieldList, ProcedurePublicView, ProcedureSummary } from '../api/types';
import { currentLang } from '../i18n';

export interface CatalogFilters {
  q: string;
  field: string;
  level: string;
  onlineOnly: boolean;
}

const PAGE_SIZE = 20;

interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
}

/** One GET, redone when `key` changes and aborted when it changes again or the page closes. */
export function useGet<T>(path: string | null, query?: Query): Loaded<T> {
  const key = path ? `${path}?${JSON.stringify(query ?? {})}` : '';
  const [state, setState] = useState<Loaded<T> & { key: string }>({ data: undefined, error: undefined, loading: !!path, key });
  useEffect(() => {
    if (!path) return;
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined, key }));
    api<T>(path, { query, signal: ctrl.signal }).then(
      (data) => setState({ data, error: undefined, loading: false, key }),
      (error: unknown) => {
        if (!ctrl.signal.aborted) setState({ data: undefined, error, loading: false, key });
      },
    );
    return () => ctrl.abort();
    // `key` stands for path and query.
  }, [key]);
  // A different key than the loaded one means the answer is for another request.
  return state.key === key ? state : { data: undefined, error: undefined, loading: !!path };
}

export function useProcedureFields() {
  return useGet<ProcedureFieldList>('/api/public/procedure-fields');
}

export function useProcedure(code: string) {
  return useGet<ProcedurePublicView>(`/api/public/procedures/${encodeURIComponent(code)}`);
}

/** Keyset search: the first page when the filters change, further pages appended by `more`. */
export function useProcedureSearch(filters: CatalogFilters) {
  const query: Query = {
    q: filters.q,
    field: filters.field,
    level: filters.level,
    onlineOnly: filters.onlineOnly ? 'true' : undefined,
    limit: PAGE_SIZE,
  };
  const first = useGet<Page<ProcedureSummary>>('/api/public/procedures', query);
  const firstKey = JSON.stringify(query);
  const [extra, setExtra] = useState<{ key: string; items: ProcedureSummary[]; nextCursor: string | null; loading: boolean; error: unknown }>({
    key: '',
    items: [],
    nextCursor: null,
    loading: false,
    error: undefined,
  });
  const current = extra.key === firstKey && first.data ? extra : null;
  const nextCursor = current ? current.nextCursor : (first.data?.nextCursor ?? null);
  const more = useCallback(() => {
    if (!nextCursor) return;
    setExtra((s) => ({ ...(s.key === firstKey ? s : { items: [], nextCursor, error: undefined }), key: firstKey, loading: true }));
    api<Page<ProcedureSummary>>('/api/public/procedures', { query: { ...query, cursor: nextCursor } }).then(
      (page) =>
        setExtra((s) => (s.key === firstKey ? { ...s, items: [...s.items, ...page.items], nextCursor: page.nextCursor, loading: false } : s)),
      (error: unknown) => setExtra((s) => (s.key === firstKey ? { ...s, loading: false, error } : s)),
    );
  }, [firstKey, nextCursor]);
  return {
    items: [...(first.data?.items ?? []), ...(current?.items ?? [])],
    loading: first.loading,
    error: first.error ?? current?.error,
    hasMore: !!nextCursor,
    loadingMore: current?.loading ?? false,
    more,
  };
}

function locale() {
  return currentLang() === 'en' ? 'en-GB' : 'vi-VN';
}

/** Working days as the catalog writes them: "0,5", "15". */
export function formatDays(days: number): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(days);
}

/** Whole đồng: "8.000 đ" in Vietnamese, "8,000 VND" in English. */
export function formatVnd(amount: number): string {
  const n = new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(amount);
  return currentLang() === 'en' ? `${n} VND` : `${n} đ`;
}
