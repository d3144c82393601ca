// The letter statistics as a table with every figure, its definition and a total row: the accessible alternative to the charts.
import { Card, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LetterStatsCounters, LetterStatsResult } from '../../../common/letter-stats.schema';
import { formatDate } from '../../format';
import { HelpLabel } from '../stats/StatsTable';
import { fmtInt, fmtPct } from '../stats/stats-format';
import classes from '../stats/stats.module.css';

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
  return (
    <Card withBorder radius="md" padding={0} component="section" aria-labelledby="letter-stats-table-title">
      <Text id="letter-stats-table-title" fw={700} px="md" pt="sm">
        {t('stats.table')}
      </Text>
      <Table.ScrollContainer minWidth={1800}>
        <Table striped highlightOnHover verticalSpacing="xs" horizontalSpacing="sm" fz="sm" data-testid="letter-stats-table">
          <caption className="visually-hidden">
            {t('stats.tableCaption', { from: formatDate(data.period.from), to: formatDate(data.period.to), unit: data.unit.name })}
          </caption>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th scope="col" className={`${classes.head} ${classes.sticky}`}>
                {t(`letterStats.groups.${data.groupBy}`)}
              </Table.Th>
              {COLUMNS.map((k) => (
                <Table.Th scope="col" key={k} className={`${classes.head} ${classes.headNum}`}>
                  <HelpLabel label={t(`letterStats.columns.${k}`)} help={t(`letterStats.help.${k}`)} />
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((r) => (
              <Table.Tr key={r.key} data-key={r.key}>
                <Table.Th scope="row" className={classes.sticky} fw={500}>
                  {r.label}
                </Table.Th>
                {COLUMNS.map((k) => (
                  <Table.Td key={k} className={classes.num} data-col={k}>
                    {cell(r, k)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr className={classes.total} data-testid="letter-stats-total">
              <Table.Th scope="row" className={classes.sticky}>
                {t('stats.total')}
              </Table.Th>
              {COLUMNS.map((k) => (
                <Table.Td key={k} className={classes.num} data-col={k}>
                  {cell(data.total, k)}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      {data.total.letters === 0 && data.total.cases === 0 && (
        <Text c="dimmed" fz="sm" p="md">
          {t('letterStats.empty')}
        </Text>
      )}
    </Card>
  );
}
