// Audit log: filters, newest first, "load more", and a before/after diff per entry.
import { ActionIcon, Autocomplete, Badge, Button, Card, Code, Group, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight, IconSearch } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/types';
import { formatDateTime } from '../../format';
import { PageHeader } from '../common';
import { ListTable, useKeysetList } from '../list';
import classes from './audit.module.css';

const KNOWN_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.login_failed',
  'auth.locked',
  'unit.create',
  'unit.update',
  'unit.move',
  'unit.import',
  'agency.create',
  'agency.update',
  'staff.create',
  'staff.update',
  'staff.disable',
  'staff.unlock',
  'staff.password_reset',
  'staff.grant',
  'staff.revoke',
  'calendar.day.create',
  'calendar.day.update',
  'calendar.day.delete',
  'calendar.settings.update',
];
const KNOWN_ENTITIES = ['unit', 'agency', 'staff', 'calendar_day', 'settings', 'system'];

function show(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return '∅';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function Diff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const b = before && typeof before === 'object' ? (before as Record<string, unknown>) : null;
  const a = after && typeof after === 'object' ? (after as Record<string, unknown>) : null;
  if (!b && !a) {
    if (before === null && after === null) return <Text fz="sm" c="dimmed">{t('audit.noChanges')}</Text>;
    return (
      <Code block>
        {show(before)} → {show(after)}
      </Code>
    );
  }
  const keys = Array.from(new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})]));
  if (!keys.length) return <Text fz="sm" c="dimmed">{t('audit.noChanges')}</Text>;
  return (
    <Table withTableBorder withColumnBorders className={classes.diff} aria-label={t('audit.details')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('audit.field')}</Table.Th>
          <Table.Th scope="col">{t('audit.before')}</Table.Th>
          <Table.Th scope="col">{t('audit.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {keys.map((k) => {
          const bv = b ? show(b[k]) : '';
          const av = a ? show(a[k]) : '';
          const changed = bv !== av;
          return (
            <Table.Tr key={k} data-changed={changed || undefined}>
              <Table.Th scope="row">
                <code>{k}</code>
              </Table.Th>
              <Table.Td className={changed && b ? classes.removed : undefined}>{bv}</Table.Td>
              <Table.Td className={changed && a ? classes.added : undefined}>{av}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [action, setAction] = useState('');
  const [entityType, setEntityType] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [debouncedAction] = useDebouncedValue(action.trim(), 300);
  const [debouncedEntity] = useDebouncedValue(entityType.trim(), 300);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const filters = {
    q: debouncedQ,
    action: debouncedAction,
    entityType: debouncedEntity,
    from: from ? `${from}T00:00:00+07:00` : undefined,
    to: to ? `${to}T23:59:59.999+07:00` : undefined,
  };
  const { list, rows } = useKeysetList<AuditEntry>(['audit'], '/api/audit', filters);
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const clear = () => {
    setQ('');
    setAction('');
    setEntityType('');
    setFrom('');
    setTo('');
  };

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Card withBorder radius="md" padding="md" mb="md" component="section" aria-label={t('audit.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
          <TextInput
            label={t('audit.search')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
          <Autocomplete label={t('audit.action')} data={KNOWN_ACTIONS} value={action} onChange={setAction} />
          <Autocomplete label={t('audit.entityType')} data={KNOWN_ENTITIES} value={entityType} onChange={setEntityType} />
          <TextInput type="date" label={t('common.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          <TextInput type="date" label={t('common.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button variant="subtle" size="compact-sm" onClick={clear}>
            {t('audit.clear')}
          </Button>
        </Group>
      </Card>
      <ListTable
        list={list}
        count={rows.length}
        minWidth={860}
        label={t('audit.table')}
        testId="audit-table"
        columns={[
          { label: t('audit.details'), hidden: true, w: 44 },
          { label: t('audit.at') },
          { label: t('audit.actor') },
          { label: t('audit.action') },
          { label: t('audit.entity') },
          { label: t('audit.unit') },
        ]}
      >
              {rows.map((e) => {
                const key = String(e.id);
                const isOpen = open.has(key);
                return (
                  <Fragment key={key}>
                    <Table.Tr data-action={e.action} className={isOpen ? classes.openRow : undefined}>
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          onClick={() => toggle(key)}
                          aria-expanded={isOpen}
                          aria-controls={isOpen ? `audit-${key}` : undefined}
                          aria-label={isOpen ? t('audit.hideDetails') : t('audit.showDetails')}
                        >
                          {isOpen ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
                        </ActionIcon>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text fz="sm">{formatDateTime(e.at)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm">{e.actorLabel ?? t('audit.system')}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" size="sm" style={{ textTransform: 'none' }}>
                          {e.action}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm">{e.entityType}</Text>
                        {e.entityId && (
                          <Text fz="xs" c="dimmed" ff="monospace">
                            {e.entityId.slice(0, 8)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm">{e.unitName ?? ''}</Text>
                      </Table.Td>
                    </Table.Tr>
                    {isOpen && (
                      <Table.Tr className={classes.detailRow} id={`audit-${key}`}>
                        <Table.Td colSpan={6} p="md">
                          <Diff before={e.before} after={e.after} />
                          <Group gap="lg" mt="xs">
                            <Text fz="xs" c="dimmed">
                              {t('audit.requestId')}: <code>{e.requestId ?? '—'}</code>
                            </Text>
                            <Text fz="xs" c="dimmed">
                              {t('audit.ip')}: <code>{e.ip ?? '—'}</code>
                            </Text>
                            {e.entityId && (
                              <Text fz="xs" c="dimmed">
                                ID: <code>{e.entityId}</code>
                              </Text>
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
      </ListTable>
    </>
  );
}
