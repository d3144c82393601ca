// Statistics of citizens' letters (/staff/letters/stats): conditions in the address bar, key figures, outcomes per unit or type, months, the full table and its CSV.
import { Alert, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LETTER_STATS_GROUPS, LETTER_STATS_ROLES } from '../../../common/letter-stats';
import type { LetterStatsGroupBy, LetterStatsResult } from '../../../common/letter-stats.schema';
import { STATS_MAX_DAYS } from '../../../common/stats';
import { api } from '../../api/client';
import { formatDate, formatDateTime } from '../../format';
import { useLang } from '../../i18n';
import { ErrorAlert, PageHeader } from '../common';
import { StatsFilters } from '../stats/StatsFilters';
import { daysBetween } from '../stats/stats-format';
import { useStatsConditions, type StatsConditions } from '../stats/useStatsConditions';
import { LetterMonthChart, OutcomeChart } from './LetterStatsCharts';
import { LetterStatsKpis } from './LetterStatsKpis';
import { LetterStatsTable } from './LetterStatsTable';

function fetchStats(c: StatsConditions<LetterStatsGroupBy>, groupBy: LetterStatsGroupBy, lang: string, signal: AbortSignal) {
  return api<LetterStatsResult>('/api/letters/stats', { query: { from: c.from, to: c.to, groupBy, unitId: c.unitId, lang }, signal });
}

export default function LetterStatsPage() {
  const { t } = useTranslation();
  const [lang] = useLang();
  const [c, setConditions] = useStatsConditions(LETTER_STATS_GROUPS, 'unit');
  const days = daysBetween(c.from, c.to);
  const valid = days !== null && days >= 1 && days <= STATS_MAX_DAYS;
  const key = ['letter-stats', c.from, c.to, c.unitId ?? '', lang] as const;
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
      <PageHeader title={t('letterStats.title')} description={t('letterStats.description')} />
      <StatsFilters
        value={c}
        groups={LETTER_STATS_GROUPS}
        groupLabel={(g) => t(`letterStats.groups.${g}`)}
        unitHelp={t('letterStats.unitHelp')}
        csvPath="/api/letters/stats.csv"
        roles={LETTER_STATS_ROLES}
        shownUnitId={data?.unit.id}
        invalidRange={!valid}
        onChange={setConditions}
      />
      {main.isError && <ErrorAlert error={main.error} />}
      {data && (
        <Text fz="sm" c="dimmed" mb="xs" role="status" data-testid="letter-stats-as-of">
          {data.unit.name} · {formatDate(data.period.from)} – {formatDate(data.period.to)} · {t('stats.asOf', { time: formatDateTime(data.period.asOf, false) })}
          {!data.period.current && ` · ${t('letterStats.asOfEnded')}`}
        </Text>
      )}
      <LetterStatsKpis total={data?.total} loading={main.isPending && valid} />
      {!valid && <Alert color="orange">{t('stats.badRange')}</Alert>}
      {data ? (
        <Stack gap="md" aria-busy={main.isFetching}>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <OutcomeChart data={data} />
            <LetterMonthChart data={months.data} loading={months.isPending} />
          </SimpleGrid>
          <LetterStatsTable data={data} />
        </Stack>
      ) : (
        valid && <Skeleton h={420} radius="md" />
      )}
    </>
  );
}
