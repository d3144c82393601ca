// One workflow field rendered from its spec (type, label, required, limits, options), and the conversion of its value for the API.
import { Checkbox, NumberInput, Select, TagsInput, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionFieldView } from '../../api/types';
import { vnLocalToIso } from '../../format';
import { useLang } from '../../i18n';
import { DocumentsEditor, documentsPayload, emptyDocument, type DocumentRow, type ListForm } from './DocumentsEditor';

export type FieldValue = string | number | boolean | string[] | DocumentRow[];

/** Long texts (reasons, guidance) get a text area; short ones (a decision number) a line. */
const LONG_TEXT = 200;

export function initialValue(f: ActionFieldView): FieldValue {
  switch (f.type) {
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'documents':
      return f.required ? [emptyDocument()] : [];
    case 'string':
    case 'number':
    case 'integer':
    case 'date':
    case 'datetime':
      return '';
  }
}

/** The value as the API takes it, or undefined when the field was left empty. */
export function fieldPayload(f: ActionFieldView, v: FieldValue): unknown {
  switch (f.type) {
    case 'boolean':
      return v === true;
    case 'number':
    case 'integer':
      return v === '' || v === null ? undefined : Number(v);
    case 'array': {
      const items = Array.isArray(v) ? (v as string[]).map((s) => s.trim()).filter(Boolean) : [];
      if (!items.length) return undefined;
      return f.of === 'number' ? items.map(Number) : items;
    }
    case 'documents': {
      const rows = documentsPayload(v as DocumentRow[]);
      return rows.length ? rows : undefined;
    }
    case 'datetime':
      return typeof v === 'string' && v ? vnLocalToIso(v) : undefined;
    case 'date':
    case 'string':
      return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  }
}

/** The client-side check of a required field (the server checks everything else and answers with field paths). */
export function isMissing(f: ActionFieldView, v: FieldValue): boolean {
  return f.required && f.type !== 'boolean' && fieldPayload(f, v) === undefined;
}

export function FieldInput({
  field: f,
  path,
  form,
  value,
  suggestions,
}: {
  field: ActionFieldView;
  path: string;
  form: ListForm;
  value: FieldValue;
  suggestions?: readonly DocumentRow[];
}) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const props = form.getInputProps(path);
  const common = { label: f.label, required: f.required, 'data-field': f.name };
  switch (f.type) {
    case 'documents': {
      const { error } = props as { error?: string };
      return <DocumentsEditor form={form} path={path} rows={value as DocumentRow[]} legend={f.label} required={f.required} error={error} suggestions={suggestions} />;
    }
    case 'boolean':
      return <Checkbox {...common} {...form.getInputProps(path, { type: 'checkbox' })} />;
    case 'number':
    case 'integer':
      return (
        <NumberInput
          {...common}
          {...props}
          min={f.min ?? undefined}
          max={f.max ?? undefined}
          allowDecimal={f.type === 'number'}
          thousandSeparator={lang === 'vi' ? '.' : ','}
          decimalSeparator={lang === 'vi' ? ',' : '.'}
        />
      );
    case 'date':
      return <TextInput {...common} {...props} type="date" />;
    case 'datetime':
      return <TextInput {...common} {...props} type="datetime-local" />;
    case 'array':
      return <TagsInput {...common} {...props} description={t('dossiers.action.arrayHint')} />;
    case 'string':
      if (f.options) return <Select {...common} {...props} data={f.options} placeholder={t('dossiers.action.selectPlaceholder')} comboboxProps={{ withinPortal: true }} />;
      if (f.max === null || f.max > LONG_TEXT) return <Textarea {...common} {...props} autosize minRows={2} maxRows={8} maxLength={f.max ?? undefined} />;
      return <TextInput {...common} {...props} maxLength={f.max} />;
  }
}
