// The inbox rows: a dense table on a desk screen, a card per dossier on a phone; loading, empty and "show more" states.
import { Anchor, Box, Button, Card, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconBuildingCommunity, IconDeviceDesktop, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DossierSummary } from '../../api/types';
import { formatDate } from '../../format';
import { ErrorAlert } from '../common';
import type { useKeysetList } from '../list';
import { DueCell, StateBadge } from './badges';
import classes from './dossiers.module.css';

type List = ReturnType<typeof useKeysetList<DossierSummary>>['list'];

function ChannelIcon({ channel }: { channel: DossierSummary['channel'] }) {
  const { t } = useTranslation();
  const Icon = channel === 'online' ? IconWorld : IconDeviceDesktop;
  return (
    <span title={t(`dossiers.channel.${channel}`)}>
      <Icon size={14} aria-hidden />
      <span className="visually-hidden">{t(`dossiers.channel.${channel}`)}</span>
    </span>
  );
}

function CodeLink({ d }: { d: DossierSummary }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={`/staff/dossiers/${d.id}`} className={classes.code} fw={600} aria-label={t('dossiers.inbox.open', { code: d.code })}>
      {d.code}
    </Anchor>
  );
}

function DossierTable({ rows, loading }: { rows: DossierSummary[]; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding={0}>
      <Table.ScrollContainer minWidth={960}>
        <Table highlightOnHover verticalSpacing="xs" horizontalSpacing="sm" aria-label={t('dossiers.inbox.table')} data-testid="dossier-table">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th scope="col">{t('dossiers.inbox.code')}</Table.Th>
              <Table.Th scope="col">{t('dossiers.inbox.applicant')}</Table.Th>
              <Table.Th scope="col">{t('dossiers.inbox.procedure')}</Table.Th>
              <Table.Th scope="col">{t('dossiers.inbox.status')}</Table.Th>
              <Table.Th scope="col">{t('dossiers.inbox.dueAt')}</Table.Th>
              <Table.Th scope="col">{t('dossiers.inbox.receivingUnit')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loading &&
              [1, 2, 3, 4, 5].map((i) => (
                <Table.Tr key={i}>
                  <Table.Td colSpan={6}>
                    <Skeleton h={22} />
                  </Table.Td>
                </Table.Tr>
              ))}
            {rows.map((d) => (
              <Table.Tr key={d.id} data-code={d.code} className={d.dueStatus === 'overdue' ? classes.overdueRow : undefined}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <ChannelIcon channel={d.channel} />
                    <CodeLink d={d} />
                  </Group>
                  <Text fz="xs" c="dimmed">
                    {t('dossiers.inbox.submittedAt')}: {formatDate(d.submittedAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" fw={600}>
                    {d.applicantName}
                  </Text>
                </Table.Td>
                <Table.Td maw={360}>
                  <Text fz="sm" lineClamp={2} title={d.procedureName}>
                    {d.procedureName}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {d.procedureCode}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StateBadge state={d.state} label={d.stateLabel} />
                </Table.Td>
                <Table.Td>
                  <DueCell dueAt={d.dueAt} status={d.dueStatus} />
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{d.receivingUnitName}</Text>
                  {d.unitName !== d.receivingUnitName && (
                    <Text fz="xs" c="dimmed">
                      → {d.unitName}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function DossierCards({ rows, loading }: { rows: DossierSummary[]; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('dossiers.inbox.table')} data-testid="dossier-cards">
      {loading && [1, 2, 3].map((i) => <Skeleton key={i} h={110} radius="md" />)}
      {rows.map((d) => (
        <Card key={d.id} component="li" withBorder radius="md" padding="sm" className={classes.card} data-due={d.dueStatus ?? undefined} data-code={d.code}>
          <Link to={`/staff/dossiers/${d.id}`} className={classes.cardLink} aria-label={t('dossiers.inbox.open', { code: d.code })}>
            <Group justify="space-between" gap={6} wrap="nowrap" align="flex-start">
              <Text className={classes.code} fw={700} c="dvBlue.8" style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
                {d.code}
              </Text>
              <ChannelIcon channel={d.channel} />
            </Group>
            <Text fz="sm" fw={600} mt={2}>
              {d.applicantName}
            </Text>
            <Text fz="sm" lineClamp={2}>
              {d.procedureName}
            </Text>
          </Link>
          <Group gap={6} mt={6}>
            <StateBadge state={d.state} label={d.stateLabel} />
            <DueCell dueAt={d.dueAt} status={d.dueStatus} />
          </Group>
          <Group gap={4} mt={4} c="dimmed">
            <IconBuildingCommunity size={14} aria-hidden />
            <Text fz="xs" c="dimmed">
              {d.receivingUnitName}
            </Text>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

export function InboxList({ list, rows, emptyText }: { list: List; rows: DossierSummary[]; emptyText: string }) {
  const { t } = useTranslation();
  const loading = list.isPending;
  return (
    <>
      {list.isError && <ErrorAlert error={list.error} />}
      {!loading && !list.isError && rows.length === 0 ? (
        <Card withBorder radius="md" padding="xl" data-testid="dossier-empty">
          <Text ta="center" fw={600}>
            {t('dossiers.inbox.empty')}
          </Text>
          <Text ta="center" c="dimmed" fz="sm" mt={4}>
            {emptyText}
          </Text>
        </Card>
      ) : (
        <>
          <Box visibleFrom="sm">
            <DossierTable rows={rows} loading={loading} />
          </Box>
          <Box hiddenFrom="sm">
            <DossierCards rows={rows} loading={loading} />
          </Box>
        </>
      )}
      <Group justify="space-between" mt="md" aria-live="polite">
        <Text fz="sm" c="dimmed">
          {!loading && t('dossiers.inbox.showing', { count: rows.length })}
        </Text>
        {list.hasNextPage && (
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('dossiers.inbox.loadMore')}
          </Button>
        )}
      </Group>
    </>
  );
}
