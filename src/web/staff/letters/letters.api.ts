// Queries of the staff letter screens: query keys, the counts, one letter, one case, the duplicate suggestions, file links.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { CaseView, LetterView } from '../../../common/letters.schema';
import type { LetterCounts } from '../../../common/letters-inbox.schema';
import type { DuplicateSuggestions } from '../../../common/letter-duplicates.schema';

export type { CaseSummary, CaseView, LetterSummary, LetterView, WriterView } from '../../../common/letters.schema';
export type { LetterCounts } from '../../../common/letters-inbox.schema';

export const letterKeys = {
  all: ['letters'] as const,
  counts: ['letters', 'counts'] as const,
  letters: ['letters', 'letters'] as const,
  cases: ['letters', 'cases'] as const,
  letter: (id: string) => ['letters', 'letter', id] as const,
  case: (id: string) => ['letters', 'case', id] as const,
  duplicates: (id: string) => ['letters', 'duplicates', id] as const,
};

/** State, action and type labels come from the server in the user's language: fetch them again when it changes. */
export function useRefetchLettersOnLanguage() {
  const client = useQueryClient();
  const { i18n } = useTranslation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else void client.invalidateQueries({ queryKey: letterKeys.all });
  }, [i18n.language, client]);
}

/** The counts, refreshed every minute while a letter screen is open. */
export function useLetterCounts() {
  return useQuery({
    queryKey: letterKeys.counts,
    queryFn: ({ signal }) => api<LetterCounts>('/api/letters/counts', { signal }),
    refetchInterval: 60_000,
    staleTime: 10_000,
  });
}

export function useLetter(id: string) {
  return useQuery({ queryKey: letterKeys.letter(id), queryFn: ({ signal }) => api<LetterView>(`/api/letters/${id}`, { signal }), staleTime: 5_000 });
}

export function useCase(id: string) {
  return useQuery({ queryKey: letterKeys.case(id), queryFn: ({ signal }) => api<CaseView>(`/api/letter-cases/${id}`, { signal }), staleTime: 5_000 });
}

/** Suggestions for a letter still to classify (only asked then: a classified letter has its cases). */
export function useDuplicates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: letterKeys.duplicates(id),
    queryFn: ({ signal }) => api<DuplicateSuggestions>(`/api/letters/${id}/duplicates`, { signal }),
    enabled,
    staleTime: 30_000,
  });
}

export const letterFileUrl = (letterId: string, fileId: string) => `/api/letters/${letterId}/files/${fileId}`;
