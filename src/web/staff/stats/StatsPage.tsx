// Statistics of dossiers (/staff/stats): conditions in the address bar, key figures, charts per group and per month, the full table.
import { Alert, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatsGroupBy, StatsResult } from '../../api/types';
import { STATS_GROUPS, STATS_ROLES } from '../../../common/dossier-stats';
import { formatDate, formatDateTime } from '../../format';
import { ErrorAlert, PageHeader } from '../common';
import { GroupChart, MonthChart } from './StatsCharts';
import { StatsFilters } from './StatsFilters';
import { StatsKpis } from './StatsKpis';
import { StatsTable } from './StatsTable';
import { useStatsConditions } from './useStatsConditions';
import { useStatsData } from './useStatsData';

export default function StatsPage() {
  const { t } = useTranslation();
  const [c, setConditions] = useStatsConditions(STATS_GROUPS, 'unit');
  const { valid, main, months } = useStatsData<StatsGroupBy, StatsResult>('/api/dossiers/stats', c, 'month');
  const data = main.data;
  return (
    <>
      <PageHeader title={t('stats.title')} description={t('stats.description')} />
      <StatsFilters
        value={c}
        groups={STATS_GROUPS}
        groupLabel={(g) => t(`stats.groups.${g}`)}
        unitHelp={t('stats.unitHelp')}
        csvPath="/api/dossiers/stats.csv"
        roles={STATS_ROLES}
        shownUnitId={data?.unit.id}
        invalidRange={!valid}
        onChange={setConditions}
      />
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
