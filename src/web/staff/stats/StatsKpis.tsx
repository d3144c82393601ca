// The key figures of the period as cards: received, resolved, on-time and late rates, overdue now, average satisfaction.
import { Card, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatsCounters } from '../../api/types';
import { fmtInt, fmtPct, fmtScore } from './stats-format';
import classes from './stats.module.css';

export type Tone = 'good' | 'warn' | 'bad' | undefined;

export function Kpi({ id, label, value, note, tone }: { id: string; label: string; value: string; note: string; tone?: Tone }) {
  return (
    <Card withBorder radius="md" padding="sm" className={classes.kpi} data-tone={tone} data-testid={`kpi-${id}`} role="group" aria-labelledby={`kpi-${id}-label`}>
      <Text component="span" id={`kpi-${id}-label`} className={classes.kpiLabel}>
        {label}
      </Text>
      <Text component="span" className={classes.kpiValue} data-testid={`kpi-${id}-value`}>
        {value}
      </Text>
      <Text component="span" className={classes.kpiNote}>
        {note}
      </Text>
    </Card>
  );
}

/** Six card-sized placeholders while the figures load. */
export function KpiSkeletons() {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" mb="md">
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} h={104} radius="md" />
      ))}
    </SimpleGrid>
  );
}

export function StatsKpis({ total, loading }: { total: StatsCounters | undefined; loading: boolean }) {
  const { t } = useTranslation();
  if (loading || !total) return <KpiSkeletons />;
  const rate = total.onTimeRate;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" mb="md" component="section" aria-label={t('stats.kpi.title')} data-testid="stats-kpis">
      <Kpi id="received" label={t('stats.kpi.received')} value={fmtInt(total.received)} note={t('stats.kpi.receivedNote', { n: fmtInt(total.submittedOnline) })} />
      <Kpi id="resolved" label={t('stats.kpi.resolved')} value={fmtInt(total.resolved)} note={t('stats.kpi.resolvedNote', { n: fmtInt(total.inProgress) })} />
      <Kpi
        id="onTimeRate"
        label={t('stats.kpi.onTimeRate')}
        value={fmtPct(rate)}
        note={rate === null ? t('stats.noRate') : t('stats.kpi.onTimeNote')}
        tone={rate === null ? undefined : rate >= 0.95 ? 'good' : rate >= 0.8 ? 'warn' : 'bad'}
      />
      <Kpi id="lateRate" label={t('stats.kpi.lateRate')} value={fmtPct(total.lateRate)} note={t('stats.kpi.lateNote', { n: fmtInt(total.late) })} tone={total.late > 0 ? 'bad' : undefined} />
      <Kpi
        id="overdue"
        label={t('stats.kpi.overdue')}
        value={fmtInt(total.overdue)}
        note={total.overdue === null ? t('stats.kpi.overduePast') : t('stats.kpi.overdueNote')}
        tone={total.overdue ? 'bad' : undefined}
      />
      <Kpi id="satisfaction" label={t('stats.kpi.satisfaction')} value={fmtScore(total.satisfaction)} note={t('stats.kpi.satisfactionNote', { n: fmtInt(total.ratings) })} />
    </SimpleGrid>
  );
}
