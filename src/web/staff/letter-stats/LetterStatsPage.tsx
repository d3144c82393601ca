// Statistics of citizens' letters (/staff/letters/stats): conditions in the address bar, key figures, outcomes per unit or type, months, the full table and its CSV.
import { Alert, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LETTER_STATS_GROUPS, LETTER_STATS_ROLES } from '../../../common/letter-stats';
import type { LetterStatsGroupBy, LetterStatsResult } from '../../../common/letter-stats.schema';
import { formatDate, formatDateTime } from '../../format';
import { ErrorAlert, PageHeader } from '../common';
import { StatsFilters } from '../stats/StatsFilters';
import { useStatsConditions } from '../stats/useStatsConditions';
import { useStatsData } from '../stats/useStatsData';
import { LetterMonthChart, OutcomeChart } from './LetterStatsCharts';
import { LetterStatsKpis } from './LetterStatsKpis';
import { LetterStatsTable } from './LetterStatsTable';

export default function LetterStatsPage() {
  const { t } = useTranslation();
  const [c, setConditions] = useStatsConditions(LETTER_STATS_GROUPS, 'unit');
  const { valid, main, months } = useStatsData<LetterStatsGroupBy, LetterStatsResult>('/api/letters/stats', c, 'month');
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
