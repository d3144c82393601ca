// The statistics as a table with every counter and a total row: the accessible alternative to the charts.
import { ActionIcon, Card, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StatsCounters, StatsResult } from '../../api/types';
import { formatDate } from '../../format';
import { fmtInt, fmtPct, fmtScore } from './stats-format';
import classes from './stats.module.css';

type Key = keyof StatsCounters;

/** The columns in reading order, with how each value is written. */
export const STATS_COLUMNS: Array<{ key: Key; format: (c: StatsCounters) => string; currentOnly?: boolean }> = [
  { key: 'received', format: (c) => fmtInt(c.received) },
  { key: 'submittedOnline', format: (c) => fmtInt(c.submittedOnline) },
  { key: 'inProgress', format: (c) => fmtInt(c.inProgress) },
  { key: 'overdue', format: (c) => fmtInt(c.overdue), currentOnly: true },
  { key: 'resolved', format: (c) => fmtInt(c.resolved) },
  { key: 'early', format: (c) => fmtInt(c.early) },
  { key: 'onTime', format: (c) => fmtInt(c.onTime) },
  { key: 'late', format: (c) => fmtInt(c.late) },
  { key: 'returnedForCompletion', format: (c) => fmtInt(c.returnedForCompletion) },
  { key: 'refused', format: (c) => fmtInt(c.refused) },
  { key: 'withdrawn', format: (c) => fmtInt(c.withdrawn) },
  { key: 'stopped', format: (c) => fmtInt(c.stopped) },
  { key: 'onTimeRate', format: (c) => fmtPct(c.onTimeRate) },
  { key: 'lateRate', format: (c) => fmtPct(c.lateRate) },
  { key: 'satisfaction', format: (c) => fmtScore(c.satisfaction) },
  { key: 'ratings', format: (c) => fmtInt(c.ratings) },
];

/** A column title with its definition in a tooltip that opens on hover, focus and touch. */
export function HelpLabel({ label, help }: { label: string; help: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={2} wrap="nowrap" justify="flex-end">
      <span>{label}</span>
      <Tooltip label={help} multiline w={260} withArrow events={{ hover: true, focus: true, touch: true }}>
        <ActionIcon variant="subtle" color="gray" size="xs" aria-label={t('stats.helpLabel', { name: label })}>
          <IconInfoCircle size={14} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

export function StatsTable({ data }: { data: StatsResult }) {
  const { t } = useTranslation();
  const columns = STATS_COLUMNS.filter((c) => !c.currentOnly || data.period.current);
  return (
    <Card withBorder radius="md" padding={0} component="section" aria-labelledby="stats-table-title">
      <Text id="stats-table-title" fw={700} px="md" pt="sm">
        {t('stats.table')}
      </Text>
      <Table.ScrollContainer minWidth={1500}>
        <Table striped highlightOnHover verticalSpacing="xs" horizontalSpacing="sm" fz="sm" data-testid="stats-table">
          <caption className="visually-hidden">
            {t('stats.tableCaption', { from: formatDate(data.period.from), to: formatDate(data.period.to), unit: data.unit.name })}
          </caption>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th scope="col" className={`${classes.head} ${classes.sticky}`}>
                {t(`stats.groups.${data.groupBy}`)}
              </Table.Th>
              {columns.map((c) => (
                <Table.Th scope="col" key={c.key} className={`${classes.head} ${classes.headNum}`}>
                  <HelpLabel label={t(`stats.columns.${c.key}`)} help={t(`stats.help.${c.key}`)} />
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((r) => (
              <Table.Tr key={r.key} data-key={r.key}>
                <Table.Th scope="row" className={classes.sticky} fw={500}>
                  {r.label}
                  {r.detail && data.groupBy === 'agency' && (
                    <Text component="span" display="block" fz="xs" c="dimmed">
                      {r.detail}
                    </Text>
                  )}
                </Table.Th>
                {columns.map((c) => (
                  <Table.Td key={c.key} className={classes.num} data-col={c.key}>
                    {c.format(r)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr className={classes.total} data-testid="stats-total">
              <Table.Th scope="row" className={classes.sticky}>
                {t('stats.total')}
              </Table.Th>
              {columns.map((c) => (
                <Table.Td key={c.key} className={classes.num} data-col={c.key}>
                  {c.format(data.total)}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      {data.rows.length === 0 && (
        <Text c="dimmed" fz="sm" p="md">
          {t('stats.empty')}
        </Text>
      )}
    </Card>
  );
}
