// Create or edit an Open311 category: the texts, then its attributes as a plain list (choices as "key=name" lines).
import { ActionIcon, Button, Card, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ATTRIBUTE_DATATYPES, LIST_DATATYPES, type AttributeDatatype } from '../../../common/open311-services';
import type { ServiceAdminView } from '../../../common/open311-services.schema';
import { FormBody, FormModal } from '../FormModal';
import { blankToNull, requiredText, useFormMutation } from '../forms';

export const open311Keys = { services: ['open311', 'services'] as const, clients: ['open311', 'clients'] as const };
export type ServiceFormTarget = { mode: 'create' } | { mode: 'edit'; service: ServiceAdminView };

interface AttributeRow {
  code: string;
  description: string;
  datatype: AttributeDatatype;
  required: boolean;
  variable: boolean;
  datatype_description: string | null;
  /** One "key=name" per line, for the two list datatypes. */
  values: string;
}

const emptyRow = (): AttributeRow => ({ code: '', description: '', datatype: 'string', required: false, variable: true, datatype_description: null, values: '' });
const isList = (d: AttributeDatatype) => LIST_DATATYPES.includes(d);
const valueLines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

function toRows(s: ServiceAdminView | null): AttributeRow[] {
  return [...(s?.attributes ?? [])]
    .sort((a, b) => a.order - b.order)
    .map((a) => ({ ...a, values: (a.values ?? []).map((v) => `${v.key}=${v.name}`).join('\n') }));
}

/** The attributes as the API takes them: the order is the row's place, `values` only on lists. */
function toAttributes(rows: AttributeRow[]) {
  return rows.map((r, i) => ({
    variable: r.variable,
    code: r.code.trim(),
    datatype: r.datatype,
    required: r.variable && r.required,
    datatype_description: r.datatype_description,
    order: i + 1,
    description: r.description.trim(),
    ...(isList(r.datatype)
      ? {
          values: valueLines(r.values).map((l) => {
            const at = l.indexOf('=');
            return { key: l.slice(0, at).trim(), name: l.slice(at + 1).trim() };
          }),
        }
      : {}),
  }));
}

export function ServiceFormModal({ target, onClose }: { target: ServiceFormTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={!!target} onClose={onClose} title={target?.mode === 'edit' ? t('open311.edit') : t('open311.create')} size="xl">
      {target && <ServiceForm key={target.mode === 'edit' ? target.service.code : 'new'} editing={target.mode === 'edit' ? target.service : null} onClose={onClose} />}
    </FormModal>
  );
}

function ServiceForm({ editing, onClose }: { editing: ServiceAdminView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({
    initialValues: {
      code: editing?.code ?? '',
      name: editing?.name ?? '',
      groupName: editing?.groupName ?? '',
      description: editing?.description ?? '',
      keywords: editing?.keywords ?? '',
      notice: editing?.notice ?? '',
      sortOrder: (editing?.sortOrder ?? 0) as number | string,
      attributes: toRows(editing),
    },
    validate: {
      code: requiredText(t('open311.code')),
      name: requiredText(t('open311.name')),
      groupName: requiredText(t('open311.group')),
      description: requiredText(t('open311.descriptionField')),
      attributes: {
        code: requiredText(t('open311.attrCode')),
        description: requiredText(t('open311.attrDescription')),
        values: (text: string, values: { attributes: AttributeRow[] }, path: string) => {
          const row = values.attributes[Number(path.split('.')[1])];
          if (!row || !isList(row.datatype)) return null;
          const lines = valueLines(text);
          if (!lines.length) return t('login.required', { field: t('open311.attrValues').toLowerCase() });
          const bad = lines.findIndex((l) => l.indexOf('=') < 1);
          return bad >= 0 ? t('open311.attrValuesBad', { n: bad + 1 }) : null;
        },
      },
    },
  });

  const save = useFormMutation(form, {
    mutationFn: (v: typeof form.values) => {
      const body = {
        name: v.name.trim(),
        groupName: v.groupName.trim(),
        description: v.description.trim(),
        keywords: v.keywords.trim(),
        notice: blankToNull(v.notice),
        sortOrder: Number(v.sortOrder || 0),
        attributes: toAttributes(v.attributes),
      };
      return editing
        ? api<ServiceAdminView>(`/api/open311/services/${encodeURIComponent(editing.code)}`, { method: 'PATCH', body })
        : api<ServiceAdminView>('/api/open311/services', { method: 'POST', body: { ...body, code: v.code.trim(), active: true } });
    },
    onSuccess: (s) => {
      void client.invalidateQueries({ queryKey: open311Keys.services });
      notifications.show({ color: 'green', message: editing ? t('open311.updated', { name: s.name }) : t('open311.created', { name: s.name }) });
      onClose();
    },
  });

  // A server error on one choice ("attributes.0.values.2.key") shows under the choices box.
  const valuesError = (i: number) => {
    const prefix = `attributes.${i}.values`;
    return form.errors[prefix] ?? Object.entries(form.errors).find(([k]) => k.startsWith(`${prefix}.`))?.[1];
  };
  const datatypeOptions = ATTRIBUTE_DATATYPES.map((d) => ({ value: d, label: `${t(`open311.datatypes.${d}`)} (${d})` }));

  return (
    <FormBody mutation={save} onCancel={onClose}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('open311.code')} description={t('open311.codeHint')} required disabled={!!editing} placeholder="CXDT" {...form.getInputProps('code')} />
        <TextInput label={t('open311.name')} required {...form.getInputProps('name')} />
        <TextInput label={t('open311.group')} required placeholder="Hạ tầng" {...form.getInputProps('groupName')} />
      </SimpleGrid>
      <Textarea label={t('open311.descriptionField')} required autosize minRows={2} {...form.getInputProps('description')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('open311.keywords')} description={t('open311.keywordsHint')} {...form.getInputProps('keywords')} />
        <TextInput label={t('open311.notice')} {...form.getInputProps('notice')} />
        <NumberInput label={t('open311.sortOrder')} min={0} allowDecimal={false} {...form.getInputProps('sortOrder')} />
      </SimpleGrid>

      <Stack gap="xs" component="section" aria-labelledby="open311-attributes">
        <Title order={3} fz="sm" id="open311-attributes">
          {t('open311.attributes')}
        </Title>
        {form.values.attributes.length === 0 && (
          <Text fz="sm" c="dimmed">
            {t('open311.noAttributes')}
          </Text>
        )}
        {form.values.attributes.map((row, i) => (
          <Card key={i} withBorder padding="sm" data-testid={`attribute-row-${i + 1}`}>
            <Group gap="xs" align="flex-start" wrap="wrap">
              <TextInput label={t('open311.attrCode')} style={{ flex: '1 1 140px' }} {...form.getInputProps(`attributes.${i}.code`)} />
              <TextInput label={t('open311.attrDescription')} style={{ flex: '3 1 220px' }} {...form.getInputProps(`attributes.${i}.description`)} />
              <Select label={t('open311.attrDatatype')} data={datatypeOptions} allowDeselect={false} style={{ flex: '2 1 180px' }} {...form.getInputProps(`attributes.${i}.datatype`)} />
              <ActionIcon variant="subtle" color="dvRed" size="lg" mt={24} onClick={() => form.removeListItem('attributes', i)} aria-label={t('open311.removeAttribute', { n: i + 1 })}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
            <Group gap="lg" mt="xs">
              <Checkbox label={t('open311.attrVariable')} {...form.getInputProps(`attributes.${i}.variable`, { type: 'checkbox' })} />
              <Checkbox label={t('open311.attrRequired')} disabled={!row.variable} {...form.getInputProps(`attributes.${i}.required`, { type: 'checkbox' })} />
            </Group>
            {isList(row.datatype) && (
              <Textarea
                mt="xs"
                label={t('open311.attrValues')}
                placeholder={'khong_sang=Không sáng\nchap_chon=Chập chờn'}
                autosize
                minRows={2}
                {...form.getInputProps(`attributes.${i}.values`)}
                error={valuesError(i)}
              />
            )}
          </Card>
        ))}
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => form.insertListItem('attributes', emptyRow())} w="fit-content">
          {t('open311.addAttribute')}
        </Button>
      </Stack>
    </FormBody>
  );
}
