// The filters of the letter and case inboxes as the page address holds them, so that a filtered list can be shared as a link:
// letters ?state=received&q=..., cases ?state=a,b&type=feedback&due=overdue&mine=1&q=... (due: due_soon, overdue, escalated)
import { useSearchParams } from 'react-router';
import type { LetterCounts } from './letters.api';

export const DUE_FILTERS = ['due_soon', 'overdue', 'escalated'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];
export const dueFilterOf = (v: string | null): DueFilter | null => DUE_FILTERS.find((d) => d === v) ?? null;
export const LETTER_TYPES = ['complaint', 'denunciation', 'petition', 'feedback'] as const;
export type LetterTypeCode = (typeof LETTER_TYPES)[number];

/** The case states of the four workflows, in the order a case goes through them (for the status filter). */
export const CASE_STATES = [
  'to_process',
  'resolving',
  'investigating',
  'answering',
  'reported',
  'resolved',
  'concluded',
  'answered',
  'forwarded',
  'guided',
  'returned',
  'filed',
  'referred',
  'withdrawn',
] as const;
/** The states a deadline still runs in: the "being handled" pile. */
export const ACTIVE_CASE_STATES = ['to_process', 'resolving', 'investigating', 'answering', 'reported'];

export interface CaseFilters {
  states: string[];
  type: LetterTypeCode | null;
  due: DueFilter | null;
  mine: boolean;
  q: string;
}

export type CountKey = keyof LetterCounts;
export const COUNT_KEYS: CountKey[] = ['toClassify', 'toProcess', 'processing', 'mine', 'dueSoon', 'overdue', 'escalated'];

/** Where each count card leads: the letters to classify, or the case inbox filtered to its pile. */
export const CASE_COUNT_FILTERS: Record<Exclude<CountKey, 'toClassify'>, Omit<CaseFilters, 'q' | 'type'>> = {
  toProcess: { states: ['to_process'], due: null, mine: false },
  processing: { states: ACTIVE_CASE_STATES, due: null, mine: false },
  mine: { states: [], due: null, mine: true },
  dueSoon: { states: [], due: 'due_soon', mine: false },
  overdue: { states: [], due: 'overdue', mine: false },
  escalated: { states: [], due: 'escalated', mine: false },
};

export function sameCaseFilter(a: Omit<CaseFilters, 'q' | 'type'>, b: Omit<CaseFilters, 'q' | 'type'>): boolean {
  return a.due === b.due && a.mine === b.mine && [...a.states].sort().join(',') === [...b.states].sort().join(',');
}

/** The address of the case inbox for a count card. */
export function caseInboxUrl(f: Omit<CaseFilters, 'q' | 'type'>): string {
  const p = new URLSearchParams();
  if (f.states.length) p.set('state', f.states.join(','));
  if (f.due) p.set('due', f.due);
  if (f.mine) p.set('mine', '1');
  const s = p.toString();
  return s ? `/staff/letter-cases?${s}` : '/staff/letter-cases';
}

function parse(params: URLSearchParams): CaseFilters {
  const due = params.get('due');
  const type = params.get('type');
  return {
    states: (params.get('state') ?? '').split(',').filter(Boolean),
    type: (LETTER_TYPES as readonly string[]).includes(type ?? '') ? (type as LetterTypeCode) : null,
    due: dueFilterOf(due),
    mine: params.get('mine') === '1',
    q: params.get('q') ?? '',
  };
}

export function useCaseFilters() {
  const [params, setParams] = useSearchParams();
  const filters = parse(params);
  const update = (changes: Partial<CaseFilters>) =>
    setParams(
      (p) => {
        const next = { ...parse(p), ...changes };
        const set = (k: string, v: string) => (v ? p.set(k, v) : p.delete(k));
        set('state', next.states.join(','));
        set('type', next.type ?? '');
        set('due', next.due ?? '');
        set('mine', next.mine ? '1' : '');
        set('q', next.q.trim());
        return p;
      },
      { replace: true },
    );
  /** The query of GET /api/letter-cases. */
  const query = {
    state: filters.states.length ? filters.states : undefined,
    type: filters.type ?? undefined,
    due: filters.due ?? undefined,
    assignee: filters.mine ? 'me' : undefined,
    q: filters.q.trim() || undefined,
  };
  const active = filters.states.length > 0 || !!filters.type || !!filters.due || filters.mine || !!filters.q.trim();
  return { filters, update, query, active };
}

/** The letters list: `state` (received, classified) and the search. */
export function useLetterFilters() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('state');
  const state = raw === 'received' || raw === 'classified' ? raw : null;
  const q = params.get('q') ?? '';
  const update = (changes: { state?: 'received' | 'classified' | null; q?: string }) =>
    setParams(
      (p) => {
        if ('state' in changes) {
          if (changes.state) p.set('state', changes.state);
          else p.delete('state');
        }
        if (changes.q !== undefined) {
          if (changes.q.trim()) p.set('q', changes.q.trim());
          else p.delete('q');
        }
        return p;
      },
      { replace: true },
    );
  return { state, q, update, query: { state: state ?? undefined, q: q.trim() || undefined }, active: !!state || !!q.trim() };
}
