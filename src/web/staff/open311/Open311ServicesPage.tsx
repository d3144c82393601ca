// The Open311 feedback categories for a province administrator: a table, create and edit in a modal, a switch to retire or restore.
import { ActionIcon, Badge, Button, Switch, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api/client';
import type { ServiceAdminView } from '../../../common/open311-services.schema';
import { PageHeader } from '../common';
import { Open311Table } from './Open311Table';
import { Open311Tabs } from './Open311Tabs';
import { ServiceFormModal, open311Keys, type ServiceFormTarget } from './ServiceForm';

export default function Open311ServicesPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState<ServiceFormTarget | null>(null);
  const list = useQuery({ queryKey: open311Keys.services, queryFn: () => api<ServiceAdminView[]>('/api/open311/services') });

  const setActive = useMutation({
    mutationFn: ({ s, value }: { s: ServiceAdminView; value: boolean }) =>
      api<ServiceAdminView>(`/api/open311/services/${encodeURIComponent(s.code)}`, { method: 'PATCH', body: { active: value } }),
    onSuccess: (s) => {
      notifications.show({ color: 'green', message: s.active ? t('open311.restored', { name: s.name }) : t('open311.retired', { name: s.name }) });
      void client.invalidateQueries({ queryKey: open311Keys.services });
    },
    onError: (err) => notifications.show({ color: 'red', title: t('common.error'), message: errorMessage(err) }),
  });

  return (
    <>
      <Open311Tabs />
      <PageHeader
        title={t('open311.title')}
        description={t('open311.description')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setForm({ mode: 'create' })} data-testid="open311-service-create">
            {t('open311.create')}
          </Button>
        }
      />
      <Open311Table
        query={list}
        headers={[
          { label: t('open311.code') },
          { label: t('open311.name') },
          { label: t('open311.group') },
          { label: t('open311.attributesCount') },
          { label: t('open311.active') },
          { label: t('common.actions'), hidden: true },
        ]}
        label={t('open311.tableLabel')}
        testId="open311-services"
        minWidth={720}
        empty={t('open311.empty')}
      >
        {list.data?.map((s) => (
          <Table.Tr key={s.code} data-testid={`open311-service-${s.code}`} c={s.active ? undefined : 'dimmed'}>
            <Table.Td>
              <Badge variant="light" color={s.active ? 'dvBlue' : 'gray'}>
                {s.code}
              </Badge>
            </Table.Td>
            <Table.Td>{s.name}</Table.Td>
            <Table.Td>{s.groupName}</Table.Td>
            <Table.Td>{s.attributes.length}</Table.Td>
            <Table.Td>
              <Switch
                checked={s.active}
                aria-label={t('open311.activeSwitch', { name: s.name })}
                disabled={setActive.isPending}
                onChange={(e) => setActive.mutate({ s, value: e.currentTarget.checked })}
              />
            </Table.Td>
            <Table.Td>
              <ActionIcon variant="subtle" onClick={() => setForm({ mode: 'edit', service: s })} aria-label={t('open311.editRow', { name: s.name })}>
                <IconEdit size={18} aria-hidden />
              </ActionIcon>
            </Table.Td>
          </Table.Tr>
        ))}
      </Open311Table>
      <ServiceFormModal target={form} onClose={() => setForm(null)} />
    </>
  );
}
