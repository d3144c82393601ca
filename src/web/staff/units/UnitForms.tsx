// Create/edit a unit and create/edit an agency, in modals; API field errors land on the fields.
import { Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import i18n from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Agency, Unit } from '../../api/types';
import { AGENCY_KINDS, AGENCY_KIND_LABELS, UNIT_KINDS, UNIT_KIND_LABELS } from '../../../common/roles';
import { useLang } from '../../i18n';
import { unitKeys, unitSelectProps, useUnitsTree } from '../common';
import { blankToNull, blankToUndefined, requiredText, useFormMutation } from '../forms';
import { FormBody, FormModal } from '../FormModal';

/** Only the fields that differ from the record, so that an unchanged parent is not sent as a move. */
function changedOnly<T extends Record<string, unknown>>(current: object, next: T): Partial<T> {
  const cur = current as Record<string, unknown>;
  return Object.fromEntries(Object.entries(next).filter(([k, v]) => (cur[k] ?? null) !== v)) as Partial<T>;
}

/** Units and agencies both need a code and a name. */
const codeNameRules = () => ({ code: requiredText(i18n.t('common.code')), name: requiredText(i18n.t('common.name')) });

export type UnitFormTarget = { mode: 'create'; parentId: string | null } | { mode: 'edit'; unit: Unit };

export function UnitFormModal({ target, onClose, onSaved }: { target: UnitFormTarget | null; onClose: () => void; onSaved: (u: Unit) => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={!!target} onClose={onClose} title={target?.mode === 'edit' ? t('units.edit') : t('units.create')}>
      {target && <UnitForm key={target.mode === 'edit' ? target.unit.id : `new-${target.parentId ?? ''}`} target={target} onClose={onClose} onSaved={onSaved} />}
    </FormModal>
  );
}

function UnitForm({ target, onClose, onSaved }: { target: UnitFormTarget; onClose: () => void; onSaved: (u: Unit) => void }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const client = useQueryClient();
  const tree = useUnitsTree(true);
  const editing = target.mode === 'edit' ? target.unit : null;
  const form = useForm({
    initialValues: {
      parentId: editing ? editing.parentId : target.mode === 'create' ? target.parentId : null,
      code: editing?.code ?? '',
      name: editing?.name ?? '',
      kind: editing?.kind ?? 'commune',
      validFrom: editing?.validFrom ?? '',
      validTo: editing?.validTo ?? '',
      note: editing?.note ?? '',
    },
    validate: codeNameRules(),
  });
  const save = useFormMutation(form, {
    mutationFn: (v: typeof form.values) =>
      editing
        ? api<Unit>(`/api/units/${editing.id}`, {
            method: 'PATCH',
            body: changedOnly(editing, {
              parentId: v.parentId,
              code: v.code.trim(),
              name: v.name.trim(),
              kind: v.kind,
              validFrom: blankToNull(v.validFrom),
              validTo: blankToNull(v.validTo),
              note: blankToNull(v.note),
            }),
          })
        : api<Unit>('/api/units', {
            method: 'POST',
            body: {
              parentId: v.parentId,
              code: v.code.trim(),
              name: v.name.trim(),
              kind: v.kind,
              validFrom: blankToUndefined(v.validFrom),
              validTo: blankToUndefined(v.validTo),
              note: blankToUndefined(v.note),
            },
          }),
    onSuccess: (unit) => {
      void client.invalidateQueries({ queryKey: unitKeys.all });
      notifications.show({ color: 'green', message: editing ? t('units.updated', { name: unit.name }) : t('units.created', { name: unit.name }) });
      onSaved(unit);
    },
  });
  return (
    <FormBody mutation={save} onCancel={onClose}>
      <Select
        label={t('units.parent')}
        placeholder={t('units.noParent')}
        {...unitSelectProps(tree.data, editing?.id)}
        searchable
        clearable
        nothingFoundMessage={t('units.noResults')}
        {...form.getInputProps('parentId')}
      />
      <CodeKindNameValidity form={form} kinds={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k][lang] }))} />
      <Textarea label={t('common.note')} autosize minRows={2} {...form.getInputProps('note')} />
    </FormBody>
  );
}

export type AgencyFormTarget = { mode: 'create'; unit: Unit } | { mode: 'edit'; agency: Agency };

export function AgencyFormModal({ target, onClose }: { target: AgencyFormTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={!!target} onClose={onClose} title={target?.mode === 'edit' ? t('units.editAgency') : t('units.addAgency')}>
      {target && <AgencyForm key={target.mode === 'edit' ? target.agency.id : `new-${target.unit.id}`} target={target} onClose={onClose} />}
    </FormModal>
  );
}

function AgencyForm({ target, onClose }: { target: AgencyFormTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const client = useQueryClient();
  const editing = target.mode === 'edit' ? target.agency : null;
  const form = useForm({
    initialValues: {
      code: editing?.code ?? '',
      name: editing?.name ?? '',
      kind: editing?.kind ?? 'department',
      validFrom: editing?.validFrom ?? '',
      validTo: editing?.validTo ?? '',
    },
    validate: codeNameRules(),
  });
  const save = useFormMutation(form, {
    mutationFn: (v: typeof form.values) =>
      editing
        ? api<Agency>(`/api/agencies/${editing.id}`, {
            method: 'PATCH',
            body: { code: v.code.trim(), name: v.name.trim(), kind: v.kind, validFrom: blankToNull(v.validFrom), validTo: blankToNull(v.validTo) },
          })
        : api<Agency>(`/api/units/${target.mode === 'create' ? target.unit.id : ''}/agencies`, {
            method: 'POST',
            body: { code: v.code.trim(), name: v.name.trim(), kind: v.kind, validFrom: blankToUndefined(v.validFrom), validTo: blankToUndefined(v.validTo) },
          }),
    onSuccess: (agency) => {
      void client.invalidateQueries({ queryKey: unitKeys.all });
      notifications.show({ color: 'green', message: t('units.agencySaved', { name: agency.name }) });
      onClose();
    },
  });
  return (
    <FormBody mutation={save} onCancel={onClose}>
      <CodeKindNameValidity form={form} kinds={AGENCY_KINDS.map((k) => ({ value: k, label: AGENCY_KIND_LABELS[k][lang] }))} />
    </FormBody>
  );
}

interface CodeKindNameForm {
  getInputProps: (path: 'code' | 'name' | 'kind' | 'validFrom' | 'validTo') => object;
}

/** The fields units and agencies share: code and kind, name, validity period. */
function CodeKindNameValidity({ form, kinds }: { form: CodeKindNameForm; kinds: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('common.code')} required {...form.getInputProps('code')} />
        <Select label={t('common.kind')} required allowDeselect={false} data={kinds} {...form.getInputProps('kind')} />
      </SimpleGrid>
      <TextInput label={t('common.name')} required {...form.getInputProps('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="date" label={t('common.validFrom')} {...form.getInputProps('validFrom')} />
        <TextInput type="date" label={t('common.validTo')} {...form.getInputProps('validTo')} />
      </SimpleGrid>
    </>
  );
}
