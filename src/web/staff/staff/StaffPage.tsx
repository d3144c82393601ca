// Staff: search and filters, a keyset "load more" table, and the account actions the API allows per row.
import { ActionIcon, Badge, Button, Card, Group, Menu, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconEdit, IconKey, IconLockOpen, IconPlus, IconSearch, IconShieldCheck, IconUserOff, IconUserCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api/client';
import type { StaffMember } from '../../api/types';
import { ROLES, ROLE_LABELS } from '../../../common/roles';
import { formatDateTime } from '../../format';
import { useLang } from '../../i18n';
import { ActiveFilter, PageHeader, unitSelectProps, useUnitsTree } from '../common';
import { ListTable, useKeysetList } from '../list';
import { useAbilities } from '../session';
import { GrantsModal, PasswordModal, StaffFormModal, staffKeys } from './StaffForms';

export default function StaffPage() {
  const { t } = useTranslation();
  const [lang] = useLang();
  const abilities = useAbilities();
  const client = useQueryClient();
  const tree = useUnitsTree(false);
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>('all');
  const [form, setForm] = useState<{ mode: 'create' } | { mode: 'edit'; member: StaffMember } | null>(null);
  const [grantsFor, setGrantsFor] = useState<StaffMember | null>(null);
  const [passwordFor, setPasswordFor] = useState<StaffMember | null>(null);

  const filters = { q: debouncedQ, unitId, role, active: active === 'all' ? undefined : active };
  const { list, rows } = useKeysetList<StaffMember>(staffKeys.all, '/api/staff', filters);

  const patch = useMutation({
    mutationFn: ({ member, body }: { member: StaffMember; body: Record<string, unknown>; done: string }) =>
      api<StaffMember>(`/api/staff/${member.id}`, { method: 'PATCH', body }),
    onSuccess: (_m, vars) => {
      notifications.show({ color: 'green', message: vars.done });
      void client.invalidateQueries({ queryKey: staffKeys.all });
    },
    onError: (err) => notifications.show({ color: 'red', title: t('common.error'), message: errorMessage(err) }),
  });

  return (
    <>
      <PageHeader
        title={t('staff.title')}
        description={t('staff.description')}
        actions={
          abilities.has('staff.manage') && (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setForm({ mode: 'create' })} data-testid="staff-create">
              {t('staff.create')}
            </Button>
          )
        }
      />
      <Card withBorder radius="md" padding="md" mb="md" component="section" aria-label={t('audit.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <TextInput
            label={t('staff.search')}
            placeholder={t('staff.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
          <Select label={t('staff.filterUnit')} placeholder={t('staff.anyUnit')} {...unitSelectProps(tree.data)} value={unitId} onChange={setUnitId} searchable clearable />
          <Select
            label={t('staff.filterRole')}
            placeholder={t('staff.anyRole')}
            data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))}
            value={role}
            onChange={setRole}
            clearable
          />
          <ActiveFilter label={t('staff.filterStatus')} activeLabel={t('staff.statusActive')} inactiveLabel={t('staff.statusInactive')} value={active} onChange={setActive} />
        </SimpleGrid>
      </Card>
      <ListTable
        list={list}
        count={rows.length}
        minWidth={880}
        label={t('staff.table')}
        testId="staff-table"
        columns={[
          { label: t('staff.fullName') },
          { label: t('staff.unit') },
          { label: t('staff.roles') },
          { label: t('common.status') },
          { label: t('staff.lastLogin') },
          { label: t('common.actions'), hidden: true },
        ]}
      >
              {rows.map((m) => {
                const manage = m.actions.includes('staff.manage');
                return (
                  <Table.Tr key={m.id} data-username={m.username}>
                    <Table.Td>
                      <Text fz="sm" fw={600}>
                        {m.fullName}
                      </Text>
                      <Text fz="xs" c="dimmed">
                        @{m.username}
                        {m.title ? ` · ${m.title}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">{m.unitName}</Text>
                      {m.agencyName && (
                        <Text fz="xs" c="dimmed">
                          {m.agencyName}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {m.grants.map((g) => (
                          <Badge key={g.id} variant="light" size="sm" title={g.unitName} style={{ textTransform: 'none' }}>
                            {ROLE_LABELS[g.role]?.[lang] ?? g.role}
                            {g.unitId !== m.unitId ? ` · ${g.unitName}` : ''}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4} align="flex-start">
                        <Badge variant="light" size="sm" color={m.active ? 'green' : 'gray'}>
                          {m.active ? t('staff.statusActive') : t('staff.disabled')}
                        </Badge>
                        {m.locked && (
                          <Badge variant="light" size="sm" color="orange">
                            {t('staff.locked')}
                          </Badge>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>
                        {m.lastLoginAt ? formatDateTime(m.lastLoginAt, false) : t('staff.never')}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      {manage && (
                        <Menu position="bottom-end" withinPortal shadow="md">
                          <Menu.Target>
                            <ActionIcon variant="subtle" color="gray" aria-label={t('common.moreActions', { name: m.fullName })}>
                              <IconDots size={18} aria-hidden />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setForm({ mode: 'edit', member: m })}>
                              {t('staff.edit')}
                            </Menu.Item>
                            <Menu.Item leftSection={<IconShieldCheck size={16} aria-hidden />} onClick={() => setGrantsFor(m)}>
                              {t('staff.grants')}
                            </Menu.Item>
                            <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => setPasswordFor(m)}>
                              {t('staff.resetPassword')}
                            </Menu.Item>
                            {m.locked && (
                              <Menu.Item
                                leftSection={<IconLockOpen size={16} aria-hidden />}
                                onClick={() => patch.mutate({ member: m, body: { unlock: true }, done: t('staff.unlocked') })}
                              >
                                {t('staff.unlock')}
                              </Menu.Item>
                            )}
                            <Menu.Divider />
                            {m.active ? (
                              <Menu.Item
                                color="dvRed"
                                leftSection={<IconUserOff size={16} aria-hidden />}
                                onClick={() => patch.mutate({ member: m, body: { active: false }, done: t('staff.disabledDone') })}
                              >
                                {t('staff.disable')}
                              </Menu.Item>
                            ) : (
                              <Menu.Item
                                leftSection={<IconUserCheck size={16} aria-hidden />}
                                onClick={() => patch.mutate({ member: m, body: { active: true }, done: t('staff.enabledDone') })}
                              >
                                {t('staff.enable')}
                              </Menu.Item>
                            )}
                          </Menu.Dropdown>
                        </Menu>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
      </ListTable>
      <StaffFormModal target={form} onClose={() => setForm(null)} />
      <GrantsModal member={grantsFor} onClose={() => setGrantsFor(null)} />
      <PasswordModal member={passwordFor} onClose={() => setPasswordFor(null)} />
    </>
  );
}
