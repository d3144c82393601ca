// Register an Open311 client application: its name, a contact and the unit its feedback goes to; the key comes back once.
import { Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { newIdempotencyKey } from '../../api/upload';
import type { ClientCreated } from '../../../common/open311-clients.schema';
import { OPEN311_CLIENT_ROLES } from '../../../common/open311-services';
import { unitSelectProps } from '../common';
import { FormBody, FormModal } from '../FormModal';
import { blankToUndefined, requiredText, useFormMutation } from '../forms';
import { useScopeUnits } from '../stats/StatsFilters';
import { open311Keys } from './ServiceForm';

export function ClientFormModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (created: ClientCreated) => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('open311.clients.create')}>
      {opened && <ClientForm onClose={onClose} onCreated={onCreated} />}
    </FormModal>
  );
}

function ClientForm({ onClose, onCreated }: { onClose: () => void; onCreated: (created: ClientCreated) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  // The units the administrator may register an application for: the policy's roles, their grants' units and below.
  const units = useScopeUnits(OPEN311_CLIENT_ROLES)?.filter((u) => u.active);
  // One key for this form: a double click or a retry answers the same application and key instead of a second one.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const form = useForm({
    initialValues: { name: '', contact: '', unitId: null as string | null },
    validate: {
      name: requiredText(t('open311.clients.name')),
      unitId: (v: string | null) => (v ? null : t('login.required', { field: t('open311.clients.unit').toLowerCase() })),
    },
  });
  const save = useFormMutation(form, {
    mutationFn: (v: typeof form.values) =>
      api<ClientCreated>('/api/open311/clients', {
        method: 'POST',
        body: { name: v.name.trim(), contact: blankToUndefined(v.contact), unitId: v.unitId },
        headers: { 'idempotency-key': idempotencyKey },
      }),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: open311Keys.clients });
      onCreated(created);
    },
  });
  return (
    <FormBody mutation={save} onCancel={onClose} submitLabel={t('open311.clients.create')}>
      <TextInput label={t('open311.clients.name')} placeholder={t('open311.clients.namePlaceholder')} required {...form.getInputProps('name')} />
      <TextInput label={t('open311.clients.contact')} description={t('open311.clients.contactHint')} {...form.getInputProps('contact')} />
      <Select
        label={t('open311.clients.unit')}
        description={t('open311.clients.unitHint')}
        required
        searchable
        nothingFoundMessage={t('units.noResults')}
        {...unitSelectProps(units)}
        {...form.getInputProps('unitId')}
      />
    </FormBody>
  );
}
