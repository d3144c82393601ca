// The letter statistics as a table with every figure, its definition and a total row: the accessible alternative to the charts.
import { useTranslation } from 'react-i18next';
import type { LetterStatsCounters, LetterStatsResult } from '../../../common/letter-stats.schema';
import { StatsTableCard } from '../stats/StatsTable';
import { fmtInt, fmtPct } from '../stats/stats-format';

type Key = keyof LetterStatsCounters;

/** In the order of the provinces' reports: letters, cases, eligibility and jurisdiction, outcomes, deadlines. */
const COLUMNS: Key[] = [
  'letters',
  'toClassify',
  'duplicates',
  'anonymous',
  'cases',
  'processable',
  'notProcessable',
  'withinJurisdiction',
  'accepted',
  'resolved',
  'resolvedRate',
  'forwarded',
  'guided',
  'returned',
  'filed',
  'referred',
  'withdrawn',
  'inProgress',
  'overdue',
  'finishedLate',
];

const cell = (c: LetterStatsCounters, k: Key) => (k === 'resolvedRate' ? fmtPct(c.resolvedRate) : fmtInt(c[k]));

export function LetterStatsTable({ data }: { data: LetterStatsResult }) {
  const { t } = useTranslation();
  const columns = COLUMNS.map((k) => ({ key: k, label: t(`letterStats.columns.${k}`), help: t(`letterStats.help.${k}`), format: (c: LetterStatsCounters) => cell(c, k) }));
  return (
    <StatsTableCard
      period={data.period}
      unitName={data.unit.name}
      groupHeader={t(`letterStats.groups.${data.groupBy}`)}
      columns={columns}
      rows={data.rows}
      total={data.total}
      minWidth={1800}
      empty={data.total.letters === 0 && data.total.cases === 0 ? t('letterStats.empty') : null}
      testId="letter-stats-table"
    />
  );
}
