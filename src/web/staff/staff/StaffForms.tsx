// Staff modals: create, edit, roles per unit (grant/revoke), password reset.
import { ActionIcon, Badge, Button, Group, PasswordInput, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api/client';
import type { StaffMember } from '../../api/types';
import { ROLES, ROLE_LABELS, type Role } from '../../../common/roles';
import { useLang } from '../../i18n';
import { UnitAgencySelects, unitSelectProps, useUnitsTree } from '../common';
import { FormBody, FormError, FormModal } from '../FormModal';
import { blankToNull, blankToUndefined, useFormMutation } from '../forms';

export const staffKeys = { all: ['staff'] as const };

function roleOptions(lang: 'vi' | 'en') {
  return ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }));
}

export function StaffFormModal({ target, onClose }: { target: { mode: 'create' } | { mode: 'edit'; member: StaffMember } | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={!!target} onClose={onClose} title={target?.mode === 'edit' ? t('staff.edit') : t('staff.create')}>
      {target && <StaffForm key={target.mode === 'edit' ? target.member.id : 'new'} member={target.mode === 'edit' ? target.member : null} onClose={onClose} />}
    </FormModal>
  );
}

function StaffForm({ member, onClose }: { member: StaffMember | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const client = useQueryClient();
  const tree = useUnitsTree(false);
  const form = useForm({
    initialValues: {
      username: member?.username ?? '',
      fullName: member?.fullName ?? '',
      title: member?.title ?? '',
      email: member?.email ?? '',
      phone: member?.phone ?? '',
      unitId: member?.unitId ?? (null as string | null),
      agencyId: member?.agencyId ?? (null as string | null),
      password: '',
      role: null as string | null,
      roleUnitId: null as string | null,
    },
    validate: {
      username: (v) => (member || /^[a-z0-9._-]{3,50}$/.test(v) ? null : t('staff.usernameHint')),
      fullName: (v) => (v.trim() ? null : t('login.required', { field: t('staff.fullName').toLowerCase() })),
      unitId: (v) => (v ? null : t('login.required', { field: t('staff.unit').toLowerCase() })),
      password: (v) => (member || v.length >= 10 ? null : t('staff.passwordHint')),
    },
  });
  const save = useFormMutation(form, {
    mutationFn: (v: typeof form.values) =>
      member
        ? api<StaffMember>(`/api/staff/${member.id}`, {
            method: 'PATCH',
            body: {
              fullName: v.fullName.trim(),
              title: blankToNull(v.title),
              email: blankToNull(v.email),
              phone: blankToNull(v.phone),
              unitId: v.unitId,
              agencyId: v.agencyId,
            },
          })
        : api<StaffMember>('/api/staff', {
            method: 'POST',
            body: {
              username: v.username.trim(),
              fullName: v.fullName.trim(),
              title: blankToUndefined(v.title),
              email: blankToUndefined(v.email),
              phone: blankToUndefined(v.phone),
              unitId: v.unitId,
              agencyId: v.agencyId ?? undefined,
              password: v.password,
              grants: v.role ? [{ role: v.role, unitId: v.roleUnitId ?? v.unitId }] : undefined,
            },
          }),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: staffKeys.all });
      notifications.show({ color: 'green', message: member ? t('staff.updated', { name: saved.fullName }) : t('staff.created', { name: saved.fullName }) });
      onClose();
    },
    rename: { 'grants.0.role': 'role', 'grants.0.unitId': 'roleUnitId', grants: 'role' },
  });
  const units = unitSelectProps(tree.data);
  return (
    <FormBody mutation={save} onCancel={onClose}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('staff.username')}
          description={member ? undefined : t('staff.usernameHint')}
          required={!member}
          disabled={!!member}
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          {...form.getInputProps('username')}
        />
        <TextInput label={t('staff.fullName')} required {...form.getInputProps('fullName')} />
        <TextInput label={t('staff.jobTitle')} {...form.getInputProps('title')} />
        <TextInput label={t('staff.email')} type="email" {...form.getInputProps('email')} />
        <TextInput label={t('staff.phone')} type="tel" {...form.getInputProps('phone')} />
        <UnitAgencySelects
          form={form}
          units={tree.data}
          unitLabel={t('staff.unit')}
          unitRequired
          agencyLabel={t('staff.agency')}
          agencyPlaceholder={t('staff.noAgency')}
        />
      </SimpleGrid>
      {!member && (
        <>
          <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }} label={t('staff.password')} description={t('staff.passwordHint')} required autoComplete="new-password" {...form.getInputProps('password')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('staff.initialRole')} placeholder={t('staff.noRole')} clearable data={roleOptions(lang)} {...form.getInputProps('role')} />
            <Select
              label={t('staff.initialRoleUnit')}
              placeholder={units.data.find((u) => u.value === form.values.unitId)?.label ?? t('staff.unit')}
              searchable
              clearable
              {...units}
              disabled={!form.values.role}
              {...form.getInputProps('roleUnitId')}
            />
          </SimpleGrid>
        </>
      )}
    </FormBody>
  );
}

export function GrantsModal({ member, onClose }: { member: StaffMember | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={!!member} onClose={onClose} title={member ? t('staff.grantsTitle', { name: member.fullName }) : ''}>
      {member && <Grants key={member.id} initial={member} />}
    </FormModal>
  );
}

function Grants({ initial }: { initial: StaffMember }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const client = useQueryClient();
  const tree = useUnitsTree(false);
  const [member, setMember] = useState(initial);
  const form = useForm({
    initialValues: { role: null as string | null, unitId: initial.unitId },
    validate: {
      role: (v) => (v ? null : t('login.required', { field: t('staff.filterRole').toLowerCase() })),
      unitId: (v) => (v ? null : t('login.required', { field: t('staff.unit').toLowerCase() })),
    },
  });
  const grant = useFormMutation(form, {
    mutationFn: (v: typeof form.values) => api<StaffMember>(`/api/staff/${member.id}/grants`, { method: 'POST', body: { role: v.role, unitId: v.unitId } }),
    onSuccess: (m) => {
      setMember(m);
      form.setFieldValue('role', null);
      void client.invalidateQueries({ queryKey: staffKeys.all });
    },
  });
  const revoke = useMutation({
    mutationFn: (grantId: string) => api<StaffMember>(`/api/staff/${member.id}/grants/${grantId}`, { method: 'DELETE' }),
    onSuccess: (m) => {
      setMember(m);
      void client.invalidateQueries({ queryKey: staffKeys.all });
    },
    onError: (err) => grant.setError(errorMessage(err)),
  });
  return (
    <Stack>
      <Text fz="sm" c="dimmed">
        {t('staff.grantsHelp')}
      </Text>
      <FormError error={grant.error} />
      {member.grants.length === 0 ? (
        <Text fz="sm">{t('staff.noRole')}</Text>
      ) : (
        <Table withTableBorder aria-label={t('staff.grants')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('staff.roles')}</Table.Th>
              <Table.Th scope="col">{t('staff.filterUnit')}</Table.Th>
              <Table.Th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {member.grants.map((g) => (
              <Table.Tr key={g.id}>
                <Table.Td>
                  <Badge variant="light">{ROLE_LABELS[g.role]?.[lang] ?? g.role}</Badge>
                </Table.Td>
                <Table.Td>{g.unitName}</Table.Td>
                <Table.Td ta="right">
                  <ActionIcon
                    variant="subtle"
                    color="dvRed"
                    onClick={() => revoke.mutate(g.id)}
                    loading={revoke.isPending && revoke.variables === g.id}
                    aria-label={t('staff.revokeLabel', { role: ROLE_LABELS[g.role]?.[lang] ?? g.role, unit: g.unitName })}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form
        onSubmit={grant.submit}
        noValidate
      >
        <Group align="flex-end" gap="sm">
          <Select label={t('staff.filterRole')} data={roleOptions(lang)} style={{ flex: '1 1 180px' }} {...form.getInputProps('role')} />
          <Select label={t('staff.initialRoleUnit')} searchable {...unitSelectProps(tree.data)} style={{ flex: '1 1 200px' }} {...form.getInputProps('unitId')} />
          <Button type="submit" loading={grant.isPending}>
            {t('staff.addGrant')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}

export function PasswordModal({ member, onClose }: { member: StaffMember | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={!!member} onClose={onClose} title={member ? t('staff.resetPasswordTitle', { name: member.fullName }) : ''} size="md">
      {member && <PasswordForm key={member.id} member={member} onClose={onClose} />}
    </FormModal>
  );
}

function PasswordForm({ member, onClose }: { member: StaffMember; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: (v) => (v.length >= 10 ? null : t('staff.passwordHint')) },
  });
  const save = useFormMutation(form, {
    mutationFn: (v: { password: string }) => api<{ ok: true }>(`/api/staff/${member.id}/password`, { method: 'POST', body: v }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('staff.passwordReset') });
      onClose();
    },
  });
  return (
    <FormBody
      mutation={save}
      onCancel={onClose}
      submitLabel={t('staff.resetPassword')}
      intro={
        <Text fz="sm" c="dimmed">
          {t('staff.resetPasswordHelp')}
        </Text>
      }
    >
      <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }} label={t('staff.newPassword')} description={t('staff.passwordHint')} autoComplete="new-password" required {...form.getInputProps('password')} />
    </FormBody>
  );
}

export type { Role };
