// Charts of the letter statistics: case outcomes stacked per unit or type, letters received and cases resolved per month.
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Skeleton, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { LetterStatsCounters, LetterStatsResult, LetterStatsRow } from '../../../common/letter-stats.schema';
import { ChartCard, legendIn, MAX_BARS, MonthBars, WHOLE } from '../stats/StatsCharts';
import { fmtInt } from '../stats/stats-format';

/** Every case is in exactly one of these at the time counted (filed includes referred for inspection). */
const OUTCOMES = [
  { name: 'resolved', color: 'teal.8', value: (c: LetterStatsCounters) => c.resolved },
  { name: 'inProgress', color: 'dvBlue.6', value: (c: LetterStatsCounters) => c.inProgress },
  { name: 'forwarded', color: 'violet.7', value: (c: LetterStatsCounters) => c.forwarded },
  { name: 'guided', color: 'cyan.9', value: (c: LetterStatsCounters) => c.guided },
  { name: 'returned', color: 'orange.8', value: (c: LetterStatsCounters) => c.returned },
  { name: 'filed', color: 'gray.7', value: (c: LetterStatsCounters) => c.filed + c.referred },
  { name: 'withdrawn', color: 'dvRed.6', value: (c: LetterStatsCounters) => c.withdrawn },
] as const;
const ORDER = OUTCOMES.map((o) => o.name);

export function OutcomeChart({ data }: { data: LetterStatsResult }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const group = t(`letterStats.group.${data.groupBy}`);
  const rows: LetterStatsRow[] = data.groupBy === 'month' ? data.rows : [...data.rows].sort((a, b) => b.cases - a.cases).slice(0, MAX_BARS);
  const top = [...data.rows].sort((a, b) => b.cases - a.cases)[0];
  const shown = data.rows.length > rows.length ? ` ${t('stats.charts.topMore', { shown: rows.length, all: data.rows.length })}` : '';
  const summary = t('letterStats.charts.byGroupSummary', { group, top: top && top.cases > 0 ? `${top.label} (${fmtInt(top.cases)})` : t('stats.none') }) + shown;
  const vertical = data.groupBy !== 'month';
  const chartData = rows.map((r) => ({ label: r.label, ...Object.fromEntries(OUTCOMES.map((o) => [o.name, o.value(r)])) }));
  return (
    <ChartCard id="letter-stats-by-group" title={t('letterStats.charts.byGroup', { group })} summary={summary} testId="letter-chart-by-group">
      {data.total.cases === 0 ? (
        <Text c="dimmed" fz="sm">
          {t('letterStats.charts.noData')}
        </Text>
      ) : (
        <BarChart
          h={vertical ? Math.max(220, rows.length * 34 + 90) : 300}
          data={chartData}
          dataKey="label"
          type="stacked"
          orientation={vertical ? 'vertical' : 'horizontal'}
          withLegend
          legendProps={legendIn(ORDER)}
          valueFormatter={(v) => fmtInt(v)}
          xAxisProps={vertical ? WHOLE : {}}
          yAxisProps={vertical ? { width: phone ? 110 : 170 } : WHOLE}
          series={OUTCOMES.map((o) => ({ name: o.name, label: t(`letterStats.outcomes.${o.name}`), color: o.color }))}
        />
      )}
    </ChartCard>
  );
}

/** Letters received and, of their cases, those resolved, month by month of receipt. */
export function LetterMonthChart({ data, loading }: { data: LetterStatsResult | undefined; loading: boolean }) {
  const { t } = useTranslation();
  if (loading || !data) return <Skeleton h={360} radius="md" />;
  const summary = t('letterStats.charts.byMonthSummary', { count: data.rows.length, letters: fmtInt(data.total.letters), resolved: fmtInt(data.total.resolved) });
  return (
    <MonthBars
      id="letter-stats-by-month"
      title={t('letterStats.charts.byMonth')}
      summary={summary}
      rows={data.rows}
      testId="letter-chart-by-month"
      series={[
        { name: 'letters', label: t('letterStats.columns.letters'), color: 'dvBlue.6', value: (r) => r.letters },
        { name: 'resolved', label: t('letterStats.columns.resolved'), color: 'teal.8', value: (r) => r.resolved },
      ]}
    />
  );
}
