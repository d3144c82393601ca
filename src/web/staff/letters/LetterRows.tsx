// The rows of the letter and case inboxes: a dense table on a desk screen, a card per row on a phone; the writer's name only
// where the API gives it (never for a protected or unclassified letter).
import { Anchor, Badge, Box, Button, Card, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../format';
import { ErrorAlert } from '../common';
import { DueCell, StateBadge } from '../dossiers/badges';
import classes from '../dossiers/dossiers.module.css';
import type { useKeysetList } from '../list';
import type { CaseSummary, LetterSummary } from './letters.api';

type List = ReturnType<typeof useKeysetList>['list'];

export function TypeBadge({ type, label }: { type: string; label: string }) {
  // Light variants: the theme darkens their text to pass contrast on small badges.
  const color = type === 'denunciation' ? 'dvRed' : type === 'complaint' ? 'orange' : type === 'petition' ? 'dvBlue' : 'teal';
  return (
    <Badge variant="light" size="sm" color={color} data-type={type}>
      {label}
    </Badge>
  );
}

function Writer({ name, anonymous, hidden }: { name: string | null; anonymous: boolean; hidden: boolean }) {
  const { t } = useTranslation();
  if (name) return <Text fz="sm" fw={600}>{name}</Text>;
  return (
    <Group gap={4} wrap="nowrap" c="dimmed">
      {hidden && !anonymous && <IconLock size={14} aria-hidden />}
      <Text fz="sm" c="dimmed" fs="italic">
        {anonymous ? t('letters.inbox.anonymous') : t('letters.inbox.hidden')}
      </Text>
    </Group>
  );
}

/** The table (desk), the cards (phone), the empty state and "show more". */
function Rows<T>({
  list,
  rows,
  empty,
  showing,
  label,
  testId,
  columns,
  row,
  card,
}: {
  list: List;
  rows: T[];
  empty: { title: string; text: string };
  showing: string;
  label: string;
  testId: string;
  columns: string[];
  row: (r: T) => ReactNode;
  card: (r: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const loading = list.isPending;
  return (
    <>
      {list.isError && <ErrorAlert error={list.error} />}
      {!loading && !list.isError && rows.length === 0 ? (
        <Card withBorder radius="md" padding="xl" data-testid={`${testId}-empty`}>
          <Text ta="center" fw={600}>
            {empty.title}
          </Text>
          <Text ta="center" c="dimmed" fz="sm" mt={4}>
            {empty.text}
          </Text>
        </Card>
      ) : (
        <>
          <Box visibleFrom="sm">
            <Card withBorder radius="md" padding={0}>
              <Table.ScrollContainer minWidth={900}>
                <Table highlightOnHover verticalSpacing="xs" horizontalSpacing="sm" aria-label={label} data-testid={`${testId}-table`}>
                  <Table.Thead bg="gray.0">
                    <Table.Tr>
                      {columns.map((c) => (
                        <Table.Th scope="col" key={c}>
                          {c}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {loading &&
                      [1, 2, 3, 4].map((i) => (
                        <Table.Tr key={i}>
                          <Table.Td colSpan={columns.length}>
                            <Skeleton h={22} />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    {rows.map(row)}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
          </Box>
          <Box hiddenFrom="sm">
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label} data-testid={`${testId}-cards`}>
              {loading && [1, 2, 3].map((i) => <Skeleton key={i} h={110} radius="md" />)}
              {rows.map(card)}
            </Stack>
          </Box>
        </>
      )}
      <Group justify="space-between" mt="md" aria-live="polite">
        <Text fz="sm" c="dimmed">
          {!loading && showing}
        </Text>
        {list.hasNextPage && (
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('letters.inbox.loadMore')}
          </Button>
        )}
      </Group>
    </>
  );
}

export function LetterRows({ list, rows, active }: { list: List; rows: LetterSummary[]; active: boolean }) {
  const { t } = useTranslation();
  const link = (l: LetterSummary) => (
    <Anchor component={Link} to={`/staff/letters/${l.id}`} className={classes.code} fw={600} aria-label={t('letters.inbox.open', { code: l.code })}>
      {l.code}
    </Anchor>
  );
  return (
    <Rows
      list={list}
      rows={rows}
      empty={{ title: t('letters.inbox.empty'), text: active ? t('letters.inbox.emptyFiltered') : t('letters.inbox.emptyAll') }}
      showing={t('letters.inbox.showing', { count: rows.length })}
      label={t('letters.inbox.table')}
      testId="letter"
      columns={[t('letters.inbox.code'), t('letters.inbox.writer'), t('letters.inbox.content'), t('letters.inbox.status'), t('letters.inbox.dueAt'), t('letters.inbox.unit')]}
      row={(l) => (
        <Table.Tr key={l.id} data-code={l.code} className={l.dueStatus === 'overdue' ? classes.overdueRow : undefined}>
          <Table.Td>
            {link(l)}
            <Text fz="xs" c="dimmed">
              {formatDate(l.receivedAt)} · {t(`letters.channels.${l.channel}`)}
            </Text>
          </Table.Td>
          <Table.Td>
            <Writer name={l.writerName} anonymous={l.anonymous} hidden={l.identityProtected || l.state === 'received'} />
          </Table.Td>
          <Table.Td maw={380}>
            {l.subject && (
              <Text fz="sm" fw={600} lineClamp={1}>
                {l.subject}
              </Text>
            )}
            <Text fz="sm" lineClamp={2}>
              {l.excerpt}
            </Text>
          </Table.Td>
          <Table.Td>
            <StateBadge state={l.state} label={l.stateLabel} />
            {l.caseCount > 0 && (
              <Text fz="xs" c="dimmed" mt={2}>
                {t('letters.inbox.caseCount', { count: l.caseCount })}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <DueCell dueAt={l.state === 'received' ? l.dueAt : null} status={l.state === 'received' ? l.dueStatus : null} />
          </Table.Td>
          <Table.Td>
            <Text fz="sm">{l.unit.name}</Text>
          </Table.Td>
        </Table.Tr>
      )}
      card={(l) => (
        <Card key={l.id} component="li" withBorder radius="md" padding="sm" className={classes.card} data-code={l.code}>
          <Link to={`/staff/letters/${l.id}`} className={classes.cardLink} aria-label={t('letters.inbox.open', { code: l.code })}>
            <Text className={classes.code} fw={700} c="dvBlue.8" style={{ overflowWrap: 'anywhere' }}>
              {l.code}
            </Text>
            {l.subject && (
              <Text fz="sm" fw={600}>
                {l.subject}
              </Text>
            )}
            <Text fz="sm" lineClamp={2}>
              {l.excerpt}
            </Text>
          </Link>
          <Group gap={6} mt={6}>
            <StateBadge state={l.state} label={l.stateLabel} />
            {l.state === 'received' && <DueCell dueAt={l.dueAt} status={l.dueStatus} />}
          </Group>
          <Text fz="xs" c="dimmed" mt={4}>
            {formatDate(l.receivedAt)} · {l.unit.name}
          </Text>
        </Card>
      )}
    />
  );
}

export function CaseRows({ list, rows, active }: { list: List; rows: CaseSummary[]; active: boolean }) {
  const { t } = useTranslation();
  return (
    <Rows
      list={list}
      rows={rows}
      empty={{ title: t('letters.cases.empty'), text: active ? t('letters.cases.emptyFiltered') : t('letters.cases.emptyAll') }}
      showing={t('letters.cases.showing', { count: rows.length })}
      label={t('letters.cases.table')}
      testId="case"
      columns={[t('letters.cases.code'), t('letters.cases.summary'), t('letters.inbox.writer'), t('letters.cases.state'), t('letters.inbox.dueAt'), t('letters.cases.unit')]}
      row={(c) => (
        <Table.Tr key={c.id} data-code={c.code} className={c.dueStatus === 'overdue' ? classes.overdueRow : undefined}>
          <Table.Td>
            <Anchor component={Link} to={`/staff/letter-cases/${c.id}`} className={classes.code} fw={600} aria-label={t('letters.cases.open', { code: c.code })}>
              {c.code}
            </Anchor>
            <Group gap={4} mt={2}>
              <TypeBadge type={c.type} label={c.typeLabel} />
            </Group>
          </Table.Td>
          <Table.Td maw={380}>
            <Text fz="sm" lineClamp={2}>
              {c.summary}
            </Text>
            {!c.processable && (
              <Badge size="sm" variant="light" color="orange" mt={2}>
                {t('letters.cases.notProcessable')}
              </Badge>
            )}
          </Table.Td>
          <Table.Td>
            <Writer name={c.writerName} anonymous={c.anonymous} hidden />
          </Table.Td>
          <Table.Td>
            <StateBadge state={c.state} label={c.stateLabel} />
          </Table.Td>
          <Table.Td>
            <DueCell dueAt={c.dueAt} status={c.dueStatus} />
          </Table.Td>
          <Table.Td>
            <Text fz="sm">{c.unit.name}</Text>
          </Table.Td>
        </Table.Tr>
      )}
      card={(c) => (
        <Card key={c.id} component="li" withBorder radius="md" padding="sm" className={classes.card} data-due={c.dueStatus ?? undefined} data-code={c.code}>
          <Link to={`/staff/letter-cases/${c.id}`} className={classes.cardLink} aria-label={t('letters.cases.open', { code: c.code })}>
            <Group justify="space-between" gap={6} wrap="nowrap" align="flex-start">
              <Text className={classes.code} fw={700} c="dvBlue.8" style={{ overflowWrap: 'anywhere' }}>
                {c.code}
              </Text>
              <TypeBadge type={c.type} label={c.typeLabel} />
            </Group>
            <Text fz="sm" lineClamp={2} mt={2}>
              {c.summary}
            </Text>
          </Link>
          <Group gap={6} mt={6}>
            <StateBadge state={c.state} label={c.stateLabel} />
            <DueCell dueAt={c.dueAt} status={c.dueStatus} />
          </Group>
          <Text fz="xs" c="dimmed" mt={4}>
            {c.unit.name}
          </Text>
        </Card>
      )}
    />
  );
}
