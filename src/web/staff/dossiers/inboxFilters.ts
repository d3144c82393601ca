// The inbox filters as the page address holds them (?state=a,b&due=overdue&mine=1&q=...), so that a filtered list can be shared as a link.
import { useSearchParams } from 'react-router';
import type { DossierCounts } from '../../api/types';

export type DueFilter = 'due_soon' | 'overdue';

export interface InboxFilters {
  states: string[];
  due: DueFilter | null;
  mine: boolean;
  q: string;
}

export type CountKey = keyof DossierCounts;

/** What each count card filters the list to; the counts and the list share the same definitions on the server. */
export const COUNT_FILTERS: Record<CountKey, Omit<InboxFilters, 'q'>> = {
  toReceive: { states: ['submitted'], due: null, mine: false },
  toAssign: { states: ['transferred'], due: null, mine: false },
  toProcess: { states: ['processing'], due: null, mine: true },
  toApprove: { states: ['pending_approval'], due: null, mine: false },
  toReturn: { states: ['result_ready'], due: null, mine: false },
  dueSoon: { states: [], due: 'due_soon', mine: false },
  overdue: { states: [], due: 'overdue', mine: false },
};
export const COUNT_KEYS = Object.keys(COUNT_FILTERS) as CountKey[];

/** The states of the standard one-stop workflow, in the order a dossier goes through them (for the status filter). */
export const STATES = [
  'submitted',
  'needs_completion',
  'accepted',
  'transferred',
  'processing',
  'awaiting_documents',
  'pending_approval',
  'result_ready',
  'returned',
  'refused',
  'stopped',
  'withdrawn',
] as const;

function parse(params: URLSearchParams): InboxFilters {
  const due = params.get('due');
  return {
    states: (params.get('state') ?? '').split(',').filter(Boolean),
    due: due === 'due_soon' || due === 'overdue' ? due : null,
    mine: params.get('mine') === '1',
    q: params.get('q') ?? '',
  };
}

export function sameFilter(a: Omit<InboxFilters, 'q'>, b: Omit<InboxFilters, 'q'>): boolean {
  return a.due === b.due && a.mine === b.mine && [...a.states].sort().join(',') === [...b.states].sort().join(',');
}

export function useInboxFilters() {
  const [params, setParams] = useSearchParams();
  const filters = parse(params);
  const update = (changes: Partial<InboxFilters>) =>
    setParams(
      (p) => {
        const next = { ...parse(p), ...changes };
        const set = (k: string, v: string) => (v ? p.set(k, v) : p.delete(k));
        set('state', next.states.join(','));
        set('due', next.due ?? '');
        set('mine', next.mine ? '1' : '');
        set('q', next.q.trim());
        return p;
      },
      { replace: true },
    );
  /** The query of GET /api/dossiers. */
  const query = {
    state: filters.states.join(',') || undefined,
    due: filters.due ?? undefined,
    assignee: filters.mine ? 'me' : undefined,
    q: filters.q.trim() || undefined,
  };
  const active = filters.states.length > 0 || !!filters.due || filters.mine || !!filters.q.trim();
  return { filters, update, query, active };
}
