// Charts of the statistics (@mantine/charts on recharts, loaded with this page only): results per group, received vs resolved per month.
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Card, Skeleton, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { StatsResult, StatsRow } from '../../api/types';
import { fmtInt } from './stats-format';
import classes from './stats.module.css';

/** More bars than this do not fit a readable chart: the rest stay in the table. */
export const MAX_BARS = 15;
/** Counts have no fractions: whole-number ticks only. */
export const WHOLE = { allowDecimals: false } as const;

/** Recharts sorts legend items by name; keep the order of the series instead. */
export const legendIn = (order: readonly string[]) => ({
  verticalAlign: 'bottom' as const,
  itemSorter: (item: { dataKey?: unknown }) => order.indexOf(String(item.dataKey)),
});

export function ChartCard({ id, title, summary, children, testId }: { id: string; title: string; summary: string; children: React.ReactNode; testId: string }) {
  return (
    <Card withBorder radius="md" padding="md" component="figure" m={0} aria-labelledby={`${id}-title`} data-testid={testId}>
      <Title order={2} fz="md" id={`${id}-title`} mb="xs">
        {title}
      </Title>
      {/* The picture is described by its summary; every number is in the table. */}
      <div role="img" aria-label={summary} className={classes.chart}>
        {children}
      </div>
      <Text component="figcaption" fz="xs" c="dimmed" mt="xs">
        {summary}
      </Text>
    </Card>
  );
}

/** Early / on time / late stacked, one bar per unit, agency, field or month. */
export function GroupChart({ data }: { data: StatsResult }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const group = t(`stats.group.${data.groupBy}`);
  const rows: StatsRow[] =
    data.groupBy === 'month' ? data.rows : [...data.rows].sort((a, b) => b.resolved - a.resolved || b.received - a.received).slice(0, MAX_BARS);
  const top = [...data.rows].sort((a, b) => b.resolved - a.resolved)[0];
  const shown = data.rows.length > rows.length ? ` ${t('stats.charts.topMore', { shown: rows.length, all: data.rows.length })}` : '';
  const summary =
    t('stats.charts.byGroupSummary', { group, top: top && top.resolved > 0 ? `${top.label} (${fmtInt(top.resolved)})` : t('stats.none') }) + shown;
  const vertical = data.groupBy !== 'month';
  const chartData = rows.map((r) => ({ label: r.label, early: r.early, onTime: r.onTime, late: r.late }));
  return (
    <ChartCard id="stats-by-group" title={t('stats.charts.byGroup', { group })} summary={summary} testId="chart-by-group">
      {data.total.resolved === 0 ? (
        <Text c="dimmed" fz="sm">
          {t('stats.charts.noData')}
        </Text>
      ) : (
        <BarChart
          h={vertical ? Math.max(220, rows.length * 34 + 70) : 300}
          data={chartData}
          dataKey="label"
          type="stacked"
          orientation={vertical ? 'vertical' : 'horizontal'}
          withLegend
          legendProps={legendIn(['early', 'onTime', 'late'])}
          valueFormatter={(v) => fmtInt(v)}
          xAxisProps={vertical ? WHOLE : {}}
          yAxisProps={vertical ? { width: phone ? 110 : 170 } : WHOLE}
          series={[
            { name: 'early', label: t('stats.columns.early'), color: 'teal.8' },
            { name: 'onTime', label: t('stats.columns.onTime'), color: 'dvBlue.6' },
            { name: 'late', label: t('stats.columns.late'), color: 'dvRed.6' },
          ]}
        />
      )}
    </ChartCard>
  );
}

/** Bars side by side for each month of the period: one series per figure. */
export function MonthBars<R extends { key: string; label: string }>({
  id,
  title,
  summary,
  rows,
  series,
  testId,
}: {
  id: string;
  title: string;
  summary: string;
  rows: readonly R[];
  series: ReadonlyArray<{ name: string; label: string; color: string; value: (r: R) => number }>;
  testId: string;
}) {
  return (
    <ChartCard id={id} title={title} summary={summary} testId={testId}>
      <BarChart
        h={300}
        data={rows.map((r) => ({ label: r.label, ...Object.fromEntries(series.map((x) => [x.name, x.value(r)])) }))}
        dataKey="label"
        withLegend
        legendProps={legendIn(series.map((x) => x.name))}
        valueFormatter={(v) => fmtInt(v)}
        yAxisProps={WHOLE}
        series={series.map(({ name, label, color }) => ({ name, label, color }))}
      />
    </ChartCard>
  );
}

/** Received and resolved side by side for each month of the period. */
export function MonthChart({ data, loading }: { data: StatsResult | undefined; loading: boolean }) {
  const { t } = useTranslation();
  if (loading || !data) return <Skeleton h={360} radius="md" />;
  const summary = t('stats.charts.byMonthSummary', { count: data.rows.length, received: fmtInt(data.total.received), resolved: fmtInt(data.total.resolved) });
  return (
    <MonthBars
      id="stats-by-month"
      title={t('stats.charts.byMonth')}
      summary={summary}
      rows={data.rows}
      testId="chart-by-month"
      series={[
        { name: 'received', label: t('stats.columns.received'), color: 'dvBlue.6', value: (r) => r.received },
        { name: 'resolved', label: t('stats.columns.resolved'), color: 'teal.8', value: (r) => r.resolved },
      ]}
    />
  );
}
