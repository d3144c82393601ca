// A list of documents (name, original or copy, count, note) edited inside a Mantine form: missing documents, documents received.
import { ActionIcon, Box, Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconListCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_FORMS, type DocumentForm } from '../../../common/procedures.schema';

export interface DocumentRow {
  name: string;
  form: DocumentForm;
  count: number | string;
  note: string;
}

export const emptyDocument = (): DocumentRow => ({ name: '', form: 'original', count: 1, note: '' });

/** The part of a Mantine form the editor uses (method syntax: any form's typed paths fit). */
export interface ListForm {
  getInputProps(path: string, options?: { type?: 'input' | 'checkbox' }): object;
  insertListItem(path: string, item: unknown): void;
  removeListItem(path: string, index: number): void;
  setFieldValue(path: string, value: unknown): void;
}

/** Rows as the API takes them (`documents` field type): blank names dropped, counts as numbers, empty notes left out. */
export function documentsPayload(rows: readonly DocumentRow[]) {
  return rows
    .filter((r) => r.name.trim())
    .map((r) => ({ name: r.name.trim(), form: r.form, count: Number(r.count) || 1, ...(r.note.trim() ? { note: r.note.trim() } : {}) }));
}

export function DocumentsEditor({
  form,
  path,
  rows,
  legend,
  required,
  error,
  suggestions,
  description,
}: {
  form: ListForm;
  path: string;
  rows: readonly DocumentRow[];
  legend: string;
  required?: boolean;
  error?: ReactNode;
  /** The procedure's documents, offered to fill the list in one click. */
  suggestions?: readonly DocumentRow[];
  description?: ReactNode;
}) {
  const { t } = useTranslation();
  const forms = DOCUMENT_FORMS.map((f) => ({ value: f, label: t(`forms.${f}`) }));
  return (
    <Box component="fieldset" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, padding: '8px 12px 12px', minWidth: 0 }}>
      <Text component="legend" fz="sm" fw={600} px={4}>
        {legend}
        {required && (
          <Text component="span" c="dvRed.7" aria-hidden>
            {' '}
            *
          </Text>
        )}
      </Text>
      {description && (
        <Text fz="xs" c="dimmed" mb={6}>
          {description}
        </Text>
      )}
      <Stack gap="xs">
        {rows.map((_, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="wrap">
            <TextInput
              style={{ flex: '3 1 240px' }}
              label={`${t('dossiers.docs.name')} ${i + 1}`}
              required={required && i === 0}
              {...form.getInputProps(`${path}.${i}.name`)}
            />
            <Select style={{ flex: '1 1 150px' }} label={`${t('dossiers.docs.form')} ${i + 1}`} data={forms} allowDeselect={false} {...form.getInputProps(`${path}.${i}.form`)} />
            <NumberInput style={{ flex: '0 1 90px' }} label={`${t('dossiers.docs.count')} ${i + 1}`} min={1} max={100} {...form.getInputProps(`${path}.${i}.count`)} />
            <TextInput style={{ flex: '2 1 160px' }} label={`${t('dossiers.docs.note')} ${i + 1}`} {...form.getInputProps(`${path}.${i}.note`)} />
            <ActionIcon variant="subtle" color="gray" mt={26} onClick={() => form.removeListItem(path, i)} aria-label={t('dossiers.docs.remove', { n: i + 1 })}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        {error && (
          <Text fz="xs" c="dvRed.7" role="alert">
            {error}
          </Text>
        )}
        <Group gap="xs">
          <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => form.insertListItem(path, emptyDocument())}>
            {t('dossiers.docs.add')}
          </Button>
          {suggestions && suggestions.length > 0 && (
            <Button variant="subtle" size="compact-sm" leftSection={<IconListCheck size={14} aria-hidden />} onClick={() => form.setFieldValue(path, suggestions.map((s) => ({ ...s })))}>
              {t('dossiers.docs.fromProcedure')}
            </Button>
          )}
        </Group>
      </Stack>
    </Box>
  );
}
