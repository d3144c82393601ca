// Statistics of dossiers (/staff/stats): conditions in the address bar, key figures, charts per group and per month, the full table.
import { Alert, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { StatsGroupBy, StatsResult } from '../../api/types';
import { STATS_GROUPS, STATS_MAX_DAYS } from '../../../common/dossier-stats';
import { formatDate, formatDateTime } from '../../format';
import { useLang } from '../../i18n';
import { ErrorAlert, PageHeader } from '../common';
import { GroupChart, MonthChart } from './StatsCharts';
import { StatsFilters, type StatsConditions } from './StatsFilters';
import { StatsKpis } from './StatsKpis';
import { StatsTable } from './StatsTable';
import { daysBetween, PRESETS, presetRange, type Preset } from './stats-format';

function useConditions(): [StatsConditions, (next: Partial<StatsConditions>) => void] {
  const [params, setParams] = useSearchParams();
  const presetParam = params.get('preset') as Preset | null;
  const preset: Preset = presetParam && PRESETS.includes(presetParam) ? presetParam : 'thisYear';
  const range = preset === 'custom' ? { from: params.get('from') ?? '', to: params.get('to') ?? '' } : presetRange(preset);
  const groupParam = params.get('groupBy') as StatsGroupBy | null;
  const value: StatsConditions = {
    preset,
    ...range,
    groupBy: groupParam && STATS_GROUPS.includes(groupParam) ? groupParam : 'unit',
    unitId: params.get('unitId') ?? undefined,
  };
  const update = (next: Partial<StatsConditions>) => {
    const merged = { ...value, ...next };
    const out = new URLSearchParams({ preset: merged.preset, groupBy: merged.groupBy });
    if (merged.preset === 'custom') {
      out.set('from', merged.from);
      out.set('to', merged.to);
    }
    if (merged.unitId) out.set('unitId', merged.unitId);
    setParams(out, { replace: true });
  };
  return [value, update];
}

function fetchStats(c: StatsConditions, groupBy: StatsGroupBy, lang: string, signal: AbortSignal) {
  return api<StatsResult>('/api/dossiers/stats', { query: { from: c.from, to: c.to, groupBy, unitId: c.unitId, lang }, signal });
}

export default function StatsPage() {
  const { t } = useTranslation();
  const [lang] = useLang();
  const [c, setConditions] = useConditions();
  const days = daysBetween(c.from, c.to);
  const valid = days !== null && days >= 1 && days <= STATS_MAX_DAYS;
  const key = ['stats', c.from, c.to, c.unitId ?? '', lang] as const;
  const main = useQuery({
    queryKey: [...key, c.groupBy],
    queryFn: ({ signal }) => fetchStats(c, c.groupBy, lang, signal),
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  const monthly = useQuery({
    queryKey: [...key, 'month'],
    queryFn: ({ signal }) => fetchStats(c, 'month', lang, signal),
    enabled: valid && c.groupBy !== 'month',
    placeholderData: keepPreviousData,
  });
  const months = c.groupBy === 'month' ? main : monthly;
  const data = main.data;
  return (
    <>
      <PageHeader title={t('stats.title')} description={t('stats.description')} />
      <StatsFilters value={c} shownUnitId={data?.unit.id} invalidRange={!valid} onChange={setConditions} />
      {main.isError && <ErrorAlert error={main.error} />}
      {data && (
        <Text fz="sm" c="dimmed" mb="xs" role="status" data-testid="stats-as-of">
          {data.unit.name} · {formatDate(data.period.from)} – {formatDate(data.period.to)} · {t('stats.asOf', { time: formatDateTime(data.period.asOf, false) })}
          {!data.period.current && ` · ${t('stats.periodEnded')}`}
        </Text>
      )}
      <StatsKpis total={data?.total} loading={main.isPending && valid} />
      {!valid && <Alert color="orange">{t('stats.badRange')}</Alert>}
      {data ? (
        <Stack gap="md" aria-busy={main.isFetching}>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <GroupChart data={data} />
            <MonthChart data={months.data} loading={months.isPending} />
          </SimpleGrid>
          <StatsTable data={data} />
        </Stack>
      ) : (
        valid && <Skeleton h={420} radius="md" />
      )}
    </>
  );
}
