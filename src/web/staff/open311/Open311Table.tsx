// The table frame of the Open311 pages (categories, client applications): one query's rows, with its error, loading and empty states.
import { Card, Skeleton, Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../common';

export function Open311Table({
  query,
  headers,
  label,
  testId,
  minWidth,
  empty,
  children,
}: {
  query: UseQueryResult<unknown[]>;
  /** The column headings; an empty one is the actions column, named for screen readers only. */
  headers: Array<{ label: string; hidden?: boolean }>;
  label: string;
  testId: string;
  minWidth: number;
  empty: string;
  children: ReactNode;
}) {
  const span = headers.length;
  const note = (content: ReactNode) => (
    <Table.Tr>
      <Table.Td colSpan={span}>{content}</Table.Td>
    </Table.Tr>
  );
  return (
    <>
      {query.isError && <ErrorAlert error={query.error} />}
      <Card withBorder radius="md" padding={0}>
        <Table.ScrollContainer minWidth={minWidth}>
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label={label} data-testid={testId}>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                {headers.map((h) => (
                  <Table.Th scope="col" key={h.label}>
                    {h.hidden ? <span className="visually-hidden">{h.label}</span> : h.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.isPending && note(<Skeleton h={24} />)}
              {query.data?.length === 0 && note(<Text c="dimmed">{empty}</Text>)}
              {children}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </>
  );
}
