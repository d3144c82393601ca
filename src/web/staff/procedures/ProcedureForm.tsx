// Create or edit a procedure: the catalog facts, repeatable rows of documents and fees, unit and agency.
import { ActionIcon, Box, Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { DocumentForm, ProcedureCreateBody, ProcedureLevel, ProcedureView, ProcedureWorkflowList } from '../../api/types';
import { UnitAgencySelects, useUnitsTree } from '../common';
import { FormBody, FormModal } from '../FormModal';
import { blankToUndefined, requiredText, useFormMutation } from '../forms';

export const procedureKeys = { all: ['procedures'] as const };
export type ProcedureFormTarget = { mode: 'create' } | { mode: 'edit'; procedure: ProcedureView };

const LEVELS: ProcedureLevel[] = ['commune', 'province', 'province_commune'];
const FORMS: DocumentForm[] = ['original', 'copy', 'certified_copy', 'original_or_copy'];

export function ProcedureFormModal({ target, onClose }: { target: ProcedureFormTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={!!target} onClose={onClose} title={target?.mode === 'edit' ? t('procedures.edit') : t('procedures.create')} size="xl">
      {target && <ProcedureForm key={target.mode === 'edit' ? target.procedure.id : 'new'} editing={target.mode === 'edit' ? target.procedure : null} onClose={onClose} />}
    </FormModal>
  );
}

/** A titled group of repeatable rows with an "add" button below. */
function Rows({ title, addLabel, onAdd, error, children }: { title: string; addLabel: string; onAdd: () => void; error?: ReactNode; children: ReactNode }) {
  return (
    <Box component="fieldset" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, padding: '8px 12px 12px', minWidth: 0 }}>
      <Title order={3} fz="sm" component="legend" px={4}>
        {title}
      </Title>
      <Stack gap="xs">
        {children}
        {error && (
          <Text fz="xs" c="dvRed.7" role="alert">
            {error}
          </Text>
        )}
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={onAdd} w="fit-content">
          {addLabel}
        </Button>
      </Stack>
    </Box>
  );
}

/** The dossier workflows the server knows, labelled in the user's language. */
function useWorkflowChoices() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['procedures', 'workflows', i18n.language],
    queryFn: ({ signal }) => api<ProcedureWorkflowList>('/api/procedures/workflows', { signal }).then((r) => r.items.map((w) => ({ value: w.code, label: w.label }))),
    staleTime: 300_000,
  });
}

function ProcedureForm({ editing, onClose }: { editing: ProcedureView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const workflows = useWorkflowChoices();
  const tree = useUnitsTree(false);
  const form = useForm({
    initialValues: {
      code: editing?.code ?? '',
      name: editing?.name ?? '',
      fieldCode: editing?.fieldCode ?? '',
      fieldName: editing?.fieldName ?? '',
      level: editing?.level ?? 'commune',
      implementingAgency: editing?.implementingAgency ?? '',
      unitId: editing?.unitId ?? (null as string | null),
      agencyId: editing?.agencyId ?? (null as string | null),
      statutoryDays: (editing?.statutoryDays ?? '') as number | string,
      localDays: (editing?.localDays ?? '') as number | string,
      documents: (editing?.documents ?? [{ name: '', form: 'original', count: 1 }]).map((d) => ({ ...d, note: d.note ?? '' })),
      fees: (editing?.fees ?? []).map((f) => ({ ...f, note: f.note ?? '' })),
      result: editing?.result ?? '',
      legalBasis: editing?.legalBasis ?? '',
      fullyOnline: editing?.fullyOnline ?? false,
      workflowCode: editing?.workflowCode ?? 'one_stop_standard',
    },
    validate: {
      code: requiredText(t('procedures.code')),
      name: requiredText(t('procedures.name')),
      fieldCode: requiredText(t('procedures.fieldCode')),
      fieldName: requiredText(t('procedures.fieldName')),
      implementingAgency: requiredText(t('procedures.implementingAgency')),
      statutoryDays: (v) => (typeof v === 'number' && v > 0 ? null : t('login.required', { field: t('procedures.statutoryDays').toLowerCase() })),
      result: requiredText(t('procedures.result')),
      legalBasis: requiredText(t('procedures.legalBasis')),
      documents: { name: requiredText(t('procedures.documentName')) },
      fees: { name: requiredText(t('procedures.feeName')) },
    },
  });

  const save = useFormMutation(form, {
    mutationFn: (v: typeof form.values) => {
      const body: ProcedureCreateBody = {
        code: v.code.trim(),
        name: v.name.trim(),
        fieldCode: v.fieldCode.trim(),
        fieldName: v.fieldName.trim(),
        level: v.level,
        implementingAgency: v.implementingAgency.trim(),
        unitId: v.unitId,
        agencyId: v.agencyId,
        statutoryDays: Number(v.statutoryDays),
        localDays: v.localDays === '' ? null : Number(v.localDays),
        documents: v.documents.map((d) => ({ name: d.name.trim(), form: d.form, count: Number(d.count), note: blankToUndefined(d.note) })),
        fees: v.fees.map((f) => ({ name: f.name.trim(), amount: Number(f.amount || 0), note: blankToUndefined(f.note) })),
        result: v.result.trim(),
        legalBasis: v.legalBasis.trim(),
        fullyOnline: v.fullyOnline,
        workflowCode: v.workflowCode.trim(),
        active: editing?.active ?? true,
      };
      return editing
        ? api<ProcedureView>(`/api/procedures/${editing.id}`, { method: 'PATCH', body })
        : api<ProcedureView>('/api/procedures', { method: 'POST', body });
    },
    onSuccess: (p) => {
      void client.invalidateQueries({ queryKey: procedureKeys.all });
      notifications.show({ color: 'green', message: editing ? t('procedures.updated', { name: p.name }) : t('procedures.created', { name: p.name }) });
      onClose();
    },
  });

  const formOptions = FORMS.map((f) => ({ value: f, label: t(`forms.${f}`) }));
  return (
    <FormBody mutation={save} onCancel={onClose}>
      <Group gap="md" align="flex-start" wrap="wrap">
        <TextInput label={t('procedures.code')} required placeholder="1.001193" style={{ flex: '1 1 140px' }} {...form.getInputProps('code')} />
        <TextInput label={t('procedures.name')} required style={{ flex: '3 1 260px' }} {...form.getInputProps('name')} />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('procedures.fieldCode')} required placeholder="HT" {...form.getInputProps('fieldCode')} />
        <TextInput label={t('procedures.fieldName')} required placeholder="Hộ tịch" {...form.getInputProps('fieldName')} />
        <Select
          label={t('procedures.level')}
          required
          allowDeselect={false}
          data={LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
          {...form.getInputProps('level')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <UnitAgencySelects
          form={form}
          units={tree.data}
          unitLabel={t('procedures.unit')}
          unitPlaceholder={t('procedures.nationalCatalog')}
          agencyLabel={t('procedures.agency')}
          agencyPlaceholder={t('procedures.noAgency')}
        />
      </SimpleGrid>
      <TextInput label={t('procedures.implementingAgency')} required placeholder="UBND cấp xã" {...form.getInputProps('implementingAgency')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput label={t('procedures.statutoryDays')} required min={0.5} step={0.5} decimalScale={1} decimalSeparator="," {...form.getInputProps('statutoryDays')} />
        <NumberInput label={t('procedures.localDays')} min={0.5} step={0.5} decimalScale={1} decimalSeparator="," {...form.getInputProps('localDays')} />
      </SimpleGrid>

      <Rows
        title={t('procedures.documents')}
        addLabel={t('procedures.addDocument')}
        onAdd={() => form.insertListItem('documents', { name: '', form: 'original', count: 1, note: '' })}
        error={form.errors.documents}
      >
        {form.values.documents.map((_d, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="wrap" data-testid={`document-row-${i + 1}`}>
            <TextInput
              aria-label={`${t('procedures.documentName')} ${i + 1}`}
              placeholder={t('procedures.documentName')}
              style={{ flex: '3 1 220px' }}
              {...form.getInputProps(`documents.${i}.name`)}
            />
            <Select
              aria-label={`${t('procedures.documentForm')} ${i + 1}`}
              data={formOptions}
              allowDeselect={false}
              style={{ flex: '2 1 150px' }}
              {...form.getInputProps(`documents.${i}.form`)}
            />
            <NumberInput
              aria-label={`${t('procedures.documentCount')} ${i + 1}`}
              min={1}
              max={100}
              allowDecimal={false}
              style={{ flex: '0 0 80px' }}
              {...form.getInputProps(`documents.${i}.count`)}
            />
            <ActionIcon
              variant="subtle"
              color="dvRed"
              size="lg"
              onClick={() => form.removeListItem('documents', i)}
              disabled={form.values.documents.length <= 1}
              aria-label={t('procedures.removeDocument', { n: i + 1 })}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
      </Rows>

      <Rows title={t('procedures.fees')} addLabel={t('procedures.addFee')} onAdd={() => form.insertListItem('fees', { name: '', amount: 0, note: '' })}>
        {form.values.fees.length === 0 && (
          <Text fz="sm" c="dimmed">
            {t('procedures.noFees')}
          </Text>
        )}
        {form.values.fees.map((_f, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="wrap" data-testid={`fee-row-${i + 1}`}>
            <TextInput
              aria-label={`${t('procedures.feeName')} ${i + 1}`}
              placeholder={t('procedures.feeName')}
              style={{ flex: '3 1 200px' }}
              {...form.getInputProps(`fees.${i}.name`)}
            />
            <NumberInput
              aria-label={`${t('procedures.feeAmount')} ${i + 1}`}
              placeholder={t('procedures.feeAmount')}
              min={0}
              allowDecimal={false}
              thousandSeparator="."
              decimalSeparator=","
              suffix=" đ"
              style={{ flex: '1 1 140px' }}
              {...form.getInputProps(`fees.${i}.amount`)}
            />
            <TextInput
              aria-label={`${t('procedures.feeNote')} ${i + 1}`}
              placeholder={t('procedures.feeNote')}
              style={{ flex: '2 1 160px' }}
              {...form.getInputProps(`fees.${i}.note`)}
            />
            <ActionIcon
              variant="subtle"
              color="dvRed"
              size="lg"
              onClick={() => form.removeListItem('fees', i)}
              aria-label={t('procedures.removeFee', { n: i + 1 })}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
      </Rows>

      <Textarea label={t('procedures.result')} required autosize minRows={1} {...form.getInputProps('result')} />
      <Textarea label={t('procedures.legalBasis')} required autosize minRows={2} {...form.getInputProps('legalBasis')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('procedures.workflowCode')}
          data={workflows.data ?? [{ value: form.values.workflowCode, label: form.values.workflowCode }]}
          allowDeselect={false}
          {...form.getInputProps('workflowCode')}
        />
        <Checkbox label={t('procedures.fullyOnline')} mt={{ base: 0, sm: 30 }} {...form.getInputProps('fullyOnline', { type: 'checkbox' })} />
      </SimpleGrid>
    </FormBody>
  );
}
