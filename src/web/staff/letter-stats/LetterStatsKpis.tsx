// The key figures of the letters of a period: received, cases, within jurisdiction, resolved rate, overdue, finished late.
import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LetterStatsCounters } from '../../../common/letter-stats.schema';
import { Kpi, KpiSkeletons } from '../stats/StatsKpis';
import { fmtInt, fmtPct } from '../stats/stats-format';

export function LetterStatsKpis({ total, loading }: { total: LetterStatsCounters | undefined; loading: boolean }) {
  const { t } = useTranslation();
  if (loading || !total) return <KpiSkeletons />;
  const rate = total.resolvedRate;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" mb="md" component="section" aria-label={t('letterStats.kpi.title')} data-testid="letter-stats-kpis">
      <Kpi
        id="letters"
        label={t('letterStats.kpi.letters')}
        value={fmtInt(total.letters)}
        note={t('letterStats.kpi.lettersNote', { dup: fmtInt(total.duplicates), anon: fmtInt(total.anonymous) })}
      />
      <Kpi id="cases" label={t('letterStats.kpi.cases')} value={fmtInt(total.cases)} note={t('letterStats.kpi.casesNote', { n: fmtInt(total.processable) })} />
      <Kpi id="within" label={t('letterStats.kpi.within')} value={fmtInt(total.withinJurisdiction)} note={t('letterStats.kpi.withinNote', { n: fmtInt(total.accepted) })} />
      <Kpi
        id="resolvedRate"
        label={t('letterStats.kpi.resolvedRate')}
        value={fmtPct(rate)}
        note={rate === null ? t('letterStats.noRate') : t('letterStats.kpi.resolvedRateNote', { resolved: fmtInt(total.resolved), within: fmtInt(total.withinJurisdiction) })}
        tone={rate === null ? undefined : rate >= 0.85 ? 'good' : rate >= 0.6 ? 'warn' : 'bad'}
      />
      <Kpi
        id="overdue"
        label={t('letterStats.kpi.overdue')}
        value={fmtInt(total.overdue)}
        note={t('letterStats.kpi.overdueNote', { n: fmtInt(total.inProgress) })}
        tone={total.overdue > 0 ? 'bad' : undefined}
      />
      <Kpi
        id="late"
        label={t('letterStats.kpi.late')}
        value={fmtInt(total.finishedLate)}
        note={t('letterStats.kpi.lateNote', { n: fmtInt(total.forwarded + total.guided + total.returned) })}
        tone={total.finishedLate > 0 ? 'warn' : undefined}
      />
    </SimpleGrid>
  );
}
