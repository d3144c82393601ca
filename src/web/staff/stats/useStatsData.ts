// The two requests of a statistics page: the chosen grouping and, beside it, the months for the monthly chart (one request when grouped by month).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { STATS_MAX_DAYS } from '../../../common/stats';
import { api } from '../../api/client';
import { useLang } from '../../i18n';
import { daysBetween } from './stats-format';
import type { StatsConditions } from './useStatsConditions';

export function useStatsData<G extends string, R>(path: string, c: StatsConditions<G>, month: G) {
  const [lang] = useLang();
  const days = daysBetween(c.from, c.to);
  const valid = days !== null && days >= 1 && days <= STATS_MAX_DAYS;
  const key = [path, c.from, c.to, c.unitId ?? '', lang] as const;
  const fetchStats = (groupBy: G, signal: AbortSignal) => api<R>(path, { query: { from: c.from, to: c.to, groupBy, unitId: c.unitId, lang }, signal });
  const main = useQuery({
    queryKey: [...key, c.groupBy],
    queryFn: ({ signal }) => fetchStats(c.groupBy, signal),
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  const monthly = useQuery({
    queryKey: [...key, month],
    queryFn: ({ signal }) => fetchStats(month, signal),
    enabled: valid && c.groupBy !== month,
    placeholderData: keepPreviousData,
  });
  return { valid, main, months: c.groupBy === month ? main : monthly };
}
