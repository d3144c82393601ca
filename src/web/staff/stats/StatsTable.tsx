// The statistics as a table with every counter and a total row: the accessible alternative to the charts.
import { ActionIcon, Card, Group, Table, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
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

export interface TableColumn<C> {
  key: string;
  label: string;
  help: string;
  format: (c: C) => string;
}

/**
 * A statistics table: a row header per group, one column per figure with its definition, and the
 * total row; shared by the dossier and letter pages.
 */
export function StatsTableCard<C, R extends C & { key: string; label: string }>({
  period,
  unitName,
  groupHeader,
  columns,
  rows,
  total,
  rowDetail,
  minWidth,
  empty,
  testId,
}: {
  period: { from: string; to: string };
  unitName: string;
  groupHeader: string;
  columns: ReadonlyArray<TableColumn<C>>;
  rows: readonly R[];
  total: C;
  rowDetail?: (r: R) => ReactNode;
  minWidth: number;
  /** Said under the table when there is nothing in the period. */
  empty: string | null;
  /** The table's test id; its total row is `<testId>`'s prefix + `-total` (`stats-table` → `stats-total`). */
  testId: string;
}) {
  const { t } = useTranslation();
  const titleId = `${testId}-title`;
  return (
    <Card withBorder radius="md" padding={0} component="section" aria-labelledby={titleId}>
      <Text id={titleId} fw={700} px="md" pt="sm">
        {t('stats.table')}
      </Text>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped highlightOnHover verticalSpacing="xs" horizontalSpacing="sm" fz="sm" data-testid={testId}>
          <caption className="visually-hidden">{t('stats.tableCaption', { from: formatDate(period.from), to: formatDate(period.to), unit: unitName })}</caption>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th scope="col" className={`${classes.head} ${classes.sticky}`}>
                {groupHeader}
              </Table.Th>
              {columns.map((c) => (
                <Table.Th scope="col" key={c.key} className={`${classes.head} ${classes.headNum}`}>
                  <HelpLabel label={c.label} help={c.help} />
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key} data-key={r.key}>
                <Table.Th scope="row" className={classes.sticky} fw={500}>
                  {r.label}
                  {rowDetail?.(r)}
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
            <Table.Tr className={classes.total} data-testid={testId.replace(/-table$/, '-total')}>
              <Table.Th scope="row" className={classes.sticky}>
                {t('stats.total')}
              </Table.Th>
              {columns.map((c) => (
                <Table.Td key={c.key} className={classes.num} data-col={c.key}>
                  {c.format(total)}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      {empty && (
        <Text c="dimmed" fz="sm" p="md">
          {empty}
        </Text>
      )}
    </Card>
  );
}

export function StatsTable({ data }: { data: StatsResult }) {
  const { t } = useTranslation();
  const columns = STATS_COLUMNS.filter((c) => !c.currentOnly || data.period.current).map((c) => ({
    key: c.key,
    label: t(`stats.columns.${c.key}`),
    help: t(`stats.help.${c.key}`),
    format: c.format,
  }));
  return (
    <StatsTableCard
      period={data.period}
      unitName={data.unit.name}
      groupHeader={t(`stats.groups.${data.groupBy}`)}
      columns={columns}
      rows={data.rows}
      total={data.total}
      rowDetail={(r) =>
        r.detail &&
        data.groupBy === 'agency' && (
          <Text component="span" display="block" fz="xs" c="dimmed">
            {r.detail}
          </Text>
        )
      }
      minWidth={1500}
      empty={data.rows.length === 0 ? t('stats.empty') : null}
      testId="stats-table"
    />
  );
}
