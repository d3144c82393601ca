// The form of one workflow action, generated from the action the API offers (dossiers, letter cases): its fields, the note,
// an assignee, a unit or an agency, a new due date, attachments; sent once (Idempotency-Key) against the version on screen (expectedSeq).
import { Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import { newIdempotencyKey } from '../../api/upload';
import type { ActionFieldView } from '../../api/types';
import type { WorkflowActionBody, WorkflowActionView } from '../../../common/workflow.schema';
import { todayVn } from '../../format';
import { unitSelectProps, useUnitsTree } from '../common';
import { FormBody, FormModal } from '../FormModal';
import { useFormMutation } from '../forms';
import type { DocumentRow } from '../dossiers/DocumentsEditor';
import { FieldInput, fieldPayload, initialValue, isMissing, type FieldValue } from '../dossiers/FieldInput';
import { FileUploads, useUploads } from '../dossiers/FileUploads';
import { AssigneeSelect, type SelectBinding } from '../dossiers/Pickers';

interface ActionValues {
  note: string;
  assigneeId: string | null;
  toAgencyId: string | null;
  toUnitId: string | null;
  dueOverride: string;
  data: Record<string, FieldValue>;
}

/** What the form acts on: the record's id and the version shown (its step seq). */
export interface WorkflowRecord {
  id: string;
  seq: number;
}

/**
 * The answer to an action that took the record out of what the user may see (sent to a unit or an
 * agency they do not cover): done, and only where the record stands (the API's minimal answer).
 */
interface OutOfSight {
  visible: false;
}

const outOfSight = (answer: unknown): answer is OutOfSight => typeof answer === 'object' && answer !== null && (answer as { visible?: unknown }).visible === false;

export interface WorkflowEndpoints<T> {
  /** POST here with the action's body; the answer is the record after the action (or `OutOfSight`). */
  actionUrl: (action: string) => string;
  /** The list the page goes back to when the action took the record out of the user's sight. */
  listUrl: string;
  /** GET the staff an assignment may pick (`?action=`). */
  assigneesUrl: string;
  /** The cached record (set from the answer) and every query of the feature (refreshed after an action). */
  detailKey: QueryKey;
  allKey: QueryKey;
  /** The agency picker of a transfer to an agency (dossiers). */
  renderAgency?: (binding: SelectBinding) => ReactNode;
  /** Rows a documents field may be filled from in one click. */
  documentSuggestions?: (field: ActionFieldView) => readonly DocumentRow[] | undefined;
  /** Called with the record after the action (the page may go elsewhere). */
  onDone?: (updated: T) => void;
  /** Values a field starts with (a draft the server prepared), by field name. */
  initialData?: (action: WorkflowActionView) => Record<string, string> | undefined;
  /** The feature's own words where the dossier wording does not fit (a case is not a "hồ sơ"). */
  texts?: WorkflowTexts;
}

export interface WorkflowTexts {
  unit?: string;
  /** The label of the upload when the document sent must be attached. */
  attachmentsRequired?: string;
  concurrent?: string;
  invalid?: string;
  assigneeLoad?: (count: number) => string;
  /** Told when the action took the record out of the user's sight. */
  outOfSight?: (action: string) => string;
}

function ActionForm<T>({ record, action, endpoints: ep, onClose }: { record: WorkflowRecord; action: WorkflowActionView; endpoints: WorkflowEndpoints<T>; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  // One key per opening of the form: a double click or a retry after a lost answer acts once.
  const [key] = useState(newIdempotencyKey);
  const uploads = useUploads();
  const tree = useUnitsTree(false);

  const form = useForm<ActionValues>({
    initialValues: {
      note: '',
      assigneeId: null,
      toAgencyId: null,
      toUnitId: null,
      dueOverride: '',
      data: Object.fromEntries(action.fields.map((f) => [f.name, ep.initialData?.(action)?.[f.name] ?? initialValue(f)])),
    },
    validate: (v) => {
      const errors: Record<string, string> = {};
      const need = (path: string, label: string) => (errors[path] = t('dossiers.action.required', { field: label.toLowerCase() }));
      for (const f of action.fields) if (isMissing(f, v.data[f.name] ?? '')) need(`data.${f.name}`, f.label);
      if (action.note === 'required' && !v.note.trim()) errors.note = t('dossiers.action.noteRequired');
      if (action.assign === 'required' && !v.assigneeId) need('assigneeId', t('dossiers.action.assignee'));
      if (action.transfer === 'agency' && !v.toAgencyId) need('toAgencyId', t('dossiers.action.agency'));
      if (action.transfer === 'unit' && !v.toUnitId) need('toUnitId', t('dossiers.action.unit'));
      if (action.dueOverride === 'required' && !v.dueOverride) need('dueOverride', t('dossiers.action.dueOverride'));
      if (action.attachments === 'required' && !uploads.attachments.length && !uploads.busy)
        errors.attachments = t('dossiers.action.required', { field: (ep.texts?.attachmentsRequired ?? t('dossiers.timeline.attachments')).toLowerCase() });
      return errors;
    },
  });

  const save = useFormMutation(form, {
    mutationFn: async (v: ActionValues): Promise<T | OutOfSight | null> => {
      const data: Record<string, unknown> = {};
      for (const f of action.fields) {
        const value = fieldPayload(f, v.data[f.name] ?? '');
        if (value !== undefined) data[f.name] = value;
      }
      const body: WorkflowActionBody = {
        expectedSeq: record.seq,
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
        ...(action.assign && v.assigneeId ? { assigneeId: v.assigneeId } : {}),
        ...(action.transfer === 'agency' && v.toAgencyId ? { toAgencyId: v.toAgencyId } : {}),
        ...(action.transfer === 'unit' && v.toUnitId ? { toUnitId: v.toUnitId } : {}),
        ...(action.dueOverride && v.dueOverride ? { dueOverride: v.dueOverride } : {}),
        ...(Object.keys(data).length ? { data } : {}),
        ...(uploads.attachments.length ? { attachments: uploads.attachments } : {}),
      };
      try {
        return await api<T | OutOfSight>(ep.actionUrl(action.code), { method: 'POST', body, headers: { 'idempotency-key': key } });
      } catch (err) {
        // Someone acted first: show what the record is now rather than a form that no longer fits.
        if (err instanceof ApiError && err.status === 409 && (err.code === 'concurrent_transition' || err.code === 'invalid_transition')) {
          notifications.show({
            color: 'orange',
            autoClose: 10_000,
            message: err.code === 'concurrent_transition' ? (ep.texts?.concurrent ?? t('dossiers.action.concurrent')) : (ep.texts?.invalid ?? t('dossiers.action.invalid')),
          });
          void client.invalidateQueries({ queryKey: ep.allKey });
          onClose();
          return null;
        }
        throw err;
      }
    },
    onSuccess: (updated) => {
      if (!updated) return;
      const detail = JSON.stringify(ep.detailKey);
      if (outOfSight(updated)) {
        // Done, and no longer this user's to see: back to the list, the record not read again (it would be 404).
        void client.invalidateQueries({ queryKey: ep.detailKey, refetchType: 'none' });
        void client.invalidateQueries({ queryKey: ep.allKey, predicate: (q) => JSON.stringify(q.queryKey) !== detail });
        notifications.show({
          color: 'green',
          autoClose: 10_000,
          message: ep.texts?.outOfSight?.(action.label) ?? t('dossiers.action.outOfSight', { action: action.label }),
        });
        onClose();
        void navigate(ep.listUrl);
        return;
      }
      client.setQueryData(ep.detailKey, updated);
      void client.invalidateQueries({ queryKey: ep.allKey, predicate: (q) => JSON.stringify(q.queryKey) !== detail });
      notifications.show({ color: 'green', message: t('dossiers.action.done', { action: action.label }) });
      onClose();
      ep.onDone?.(updated);
    },
  });
  const submit = uploads.busy ? () => save.setError(t('dossiers.upload.wait')) : save.submit;

  const bind = (path: 'assigneeId' | 'toAgencyId'): SelectBinding => {
    const p = form.getInputProps(path) as { value: string | null; error?: unknown };
    return { value: p.value, error: p.error, onChange: (v: string | null) => form.setFieldValue(path, v) };
  };
  const attachmentsError = form.errors.attachments;

  return (
    <FormBody mutation={{ ...save, submit }} onCancel={onClose} submitLabel={t('dossiers.action.submit')}>
      <Stack gap="sm" data-testid={`action-form-${action.code}`}>
        {action.assign && (
          <AssigneeSelect url={ep.assigneesUrl} action={action.code} required={action.assign === 'required'} binding={bind('assigneeId')} loadText={ep.texts?.assigneeLoad} />
        )}
        {action.transfer === 'agency' && ep.renderAgency?.(bind('toAgencyId'))}
        {action.transfer === 'unit' && (
          <Select label={ep.texts?.unit ?? t('dossiers.action.unit')} required searchable {...unitSelectProps(tree.data)} {...form.getInputProps('toUnitId')} comboboxProps={{ withinPortal: true }} />
        )}
        {action.dueOverride && (
          <TextInput
            type="date"
            label={t('dossiers.action.dueOverride')}
            description={t('dossiers.action.dueOverrideHint')}
            required={action.dueOverride === 'required'}
            min={todayVn()}
            {...form.getInputProps('dueOverride')}
          />
        )}
        {action.fields.map((f) => (
          <FieldInput
            key={f.name}
            field={f}
            path={`data.${f.name}`}
            form={form}
            value={form.values.data[f.name] ?? ''}
            suggestions={f.type === 'documents' ? ep.documentSuggestions?.(f) : undefined}
          />
        ))}
        <Textarea label={t('dossiers.action.note')} required={action.note === 'required'} autosize minRows={2} maxRows={6} maxLength={4000} {...form.getInputProps('note')} />
        <FileUploads uploads={uploads} label={action.attachments === 'required' ? `${ep.texts?.attachmentsRequired ?? t('dossiers.timeline.attachments')} *` : t('dossiers.action.attachments')} />
        {attachmentsError && (
          <Text fz="sm" c="dvRed.7" role="alert">
            {attachmentsError}
          </Text>
        )}
      </Stack>
    </FormBody>
  );
}

export function WorkflowActionModal<T>({
  record,
  action,
  endpoints,
  onClose,
}: {
  record: WorkflowRecord;
  action: WorkflowActionView | null;
  endpoints: WorkflowEndpoints<T>;
  onClose: () => void;
}) {
  return (
    <FormModal opened={!!action} onClose={onClose} title={action?.label} size="lg">
      {action && <ActionForm key={action.code} record={record} action={action} endpoints={endpoints} onClose={onClose} />}
    </FormModal>
  );
}
