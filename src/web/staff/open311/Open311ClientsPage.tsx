// The Open311 client applications of the units an administrator manages: the list with each key's state, registering one
// (the key shown once), issuing a new key and revoking, each after a confirmation.
import { ActionIcon, Badge, Button, Code, Group, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBan, IconPlus, IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ClientCreated, ClientView } from '../../../common/open311-clients.schema';
import { formatDateTime } from '../../format';
import { PageHeader } from '../common';
import { ClientConfirmModal, type ClientAction } from './ClientConfirm';
import { ClientFormModal } from './ClientForm';
import { KeyOnceModal, type IssuedKey } from './KeyOnce';
import { Open311Table } from './Open311Table';
import { Open311Tabs } from './Open311Tabs';
import { open311Keys } from './ServiceForm';

export default function Open311ClientsPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [action, setAction] = useState<ClientAction | null>(null);
  const [issued, setIssued] = useState<IssuedKey | null>(null);
  const list = useQuery({ queryKey: open311Keys.clients, queryFn: () => api<ClientView[]>('/api/open311/clients') });

  const show = (message: 'open311.clients.created' | 'open311.clients.rotated') => ({ client, apiKey }: ClientCreated) => {
    notifications.show({ color: 'green', message: t(message, { name: client.name }), closeButtonProps: { 'aria-label': t('common.close') } });
    setIssued({ name: client.name, apiKey });
  };

  return (
    <>
      <Open311Tabs />
      <PageHeader
        title={t('open311.clients.title')}
        description={t('open311.clients.description')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)} data-testid="open311-client-create">
            {t('open311.clients.create')}
          </Button>
        }
      />
      <Open311Table
        query={list}
        headers={[
          { label: t('open311.clients.name') },
          { label: t('open311.clients.unit') },
          { label: t('open311.clients.key') },
          { label: t('open311.clients.createdAt') },
          { label: t('open311.clients.lastUsedAt') },
          { label: t('open311.clients.status') },
          { label: t('common.actions'), hidden: true },
        ]}
        label={t('open311.clients.tableLabel')}
        testId="open311-clients"
        minWidth={860}
        empty={t('open311.clients.empty')}
      >
        {list.data?.map((c) => (
          <ClientRow key={c.id} c={c} onAction={(kind) => setAction({ kind, client: c })} />
        ))}
      </Open311Table>
      <ClientFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          show('open311.clients.created')(created);
        }}
      />
      <ClientConfirmModal action={action} onClose={() => setAction(null)} onRotated={show('open311.clients.rotated')} />
      <KeyOnceModal issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}

function ClientRow({ c, onAction }: { c: ClientView; onAction: (kind: ClientAction['kind']) => void }) {
  const { t } = useTranslation();
  const revoked = !!c.revokedAt;
  return (
    <Table.Tr data-testid={`open311-client-${c.id}`} c={revoked ? 'dimmed' : undefined}>
      <Table.Td>
        <Text fw={600} fz="sm">
          {c.name}
        </Text>
        {c.contact && (
          <Text fz="xs" c="dimmed">
            {c.contact}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{c.unitName}</Table.Td>
      <Table.Td>
        <Code>{c.keyPrefix}…</Code>
      </Table.Td>
      <Table.Td>{formatDateTime(c.createdAt, false)}</Table.Td>
      <Table.Td>{c.lastUsedAt ? formatDateTime(c.lastUsedAt, false) : t('open311.clients.neverUsed')}</Table.Td>
      <Table.Td>
        {revoked ? (
          <>
            <Badge variant="light" color="gray">
              {t('open311.clients.revoked')}
            </Badge>
            <Text fz="xs">{t('open311.clients.revokedOn', { date: formatDateTime(c.revokedAt, false) })}</Text>
          </>
        ) : (
          <Badge variant="light" color="green">
            {t('open311.clients.active')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {!revoked && (
          <Group gap={4} wrap="nowrap">
            <ActionIcon variant="subtle" onClick={() => onAction('rotate')} aria-label={t('open311.clients.rotateRow', { name: c.name })}>
              <IconRefresh size={18} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="subtle" color="dvRed" onClick={() => onAction('revoke')} aria-label={t('open311.clients.revokeRow', { name: c.name })}>
              <IconBan size={18} aria-hidden />
            </ActionIcon>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
