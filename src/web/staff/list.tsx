// The keyset "load more" list shared by the staff pages: one infinite query per filter set, and a table
// with its loading, empty and "showing N / load more" states.
import { Button, Card, Group, Skeleton, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Query } from '../api/client';
import type { Page } from '../api/types';
import { ErrorAlert } from './common';

/** Pages of `path` for these filters, 50 at a time, cursor after cursor. */
export function useKeysetList<T>(key: readonly unknown[], path: string, filters: Query) {
  const list = useInfiniteQuery({
    queryKey: [...key, 'list', filters],
    queryFn: ({ pageParam, signal }) => api<Page<T>>(path, { query: { ...filters, limit: 50, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  return { list, rows: list.data?.pages.flatMap((p) => p.items) ?? [] };
}

export interface Column {
  label: ReactNode;
  /** Hidden visually (an actions column), still read by screen readers. */
  hidden?: boolean;
  w?: number;
}

export function ListTable({
  list,
  count,
  columns,
  label,
  testId,
  minWidth,
  children,
}: {
  list: ReturnType<typeof useKeysetList>['list'];
  count: number;
  columns: Column[];
  label: string;
  testId?: string;
  minWidth: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const span = columns.length;
  return (
    <>
      {list.isError && <ErrorAlert error={list.error} />}
      <Card withBorder radius="md" padding={0}>
        <Table.ScrollContainer minWidth={minWidth}>
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label={label} data-testid={testId}>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                {columns.map((c, i) => (
                  <Table.Th scope="col" key={i} w={c.w}>
                    {c.hidden ? <span className="visually-hidden">{c.label}</span> : c.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.isPending &&
                [1, 2, 3, 4].map((i) => (
                  <Table.Tr key={i}>
                    <Table.Td colSpan={span}>
                      <Skeleton h={22} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              {!list.isPending && count === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={span}>
                    <Text c="dimmed" ta="center" py="md">
                      {t('common.noData')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {children}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Group justify="space-between" mt="md">
        <Text fz="sm" c="dimmed">
          {t('common.showing', { count })}
        </Text>
        {list.hasNextPage && (
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        )}
      </Group>
    </>
  );
}
