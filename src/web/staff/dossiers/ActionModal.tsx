// The form of one workflow action, generated from the action the API offers: its fields, the note, an assignee, an agency,
// a new due date, attachments; sent once (Idempotency-Key) against the version of the dossier on screen (expectedSeq).
import { Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { DossierActionBody, DossierActionView, DossierView, ProcedureView } from '../../api/types';
import { unitSelectProps, useUnitsTree } from '../common';
import { FormBody, FormModal } from '../FormModal';
import { useFormMutation } from '../forms';
import type { DocumentRow } from './DocumentsEditor';
import { dossierKeys, idempotencyHeader, newIdempotencyKey } from './dossiers.api';
import { FieldInput, fieldPayload, initialValue, isMissing, type FieldValue } from './FieldInput';
import { FileUploads, useUploads } from './FileUploads';
import { AgencySelect, AssigneeSelect } from './Pickers';
import { todayVn } from '../../format';

interface ActionValues {
  note: string;
  assigneeId: string | null;
  toAgencyId: string | null;
  toUnitId: string | null;
  dueOverride: string;
  data: Record<string, FieldValue>;
}

/** The procedure's documents, to fill a documents field in one click (only fetched when the action has one). */
function useProcedureDocuments(procedureId: string, enabled: boolean): DocumentRow[] | undefined {
  const q = useQuery({
    queryKey: ['procedures', 'detail', procedureId],
    queryFn: ({ signal }) => api<ProcedureView>(`/api/procedures/${procedureId}`, { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
  return q.data?.documents.map((d) => ({ name: d.name, form: d.form, count: d.count, note: '' }));
}

function ActionForm({ dossier, action, onClose }: { dossier: DossierView; action: DossierActionView; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  // One key per opening of the form: a double click or a retry after a lost answer acts once.
  const [key] = useState(newIdempotencyKey);
  const uploads = useUploads();
  const tree = useUnitsTree(false);
  const hasDocuments = action.fields.some((f) => f.type === 'documents');
  const suggestions = useProcedureDocuments(dossier.procedureId, hasDocuments);

  const form = useForm<ActionValues>({
    initialValues: {
      note: '',
      assigneeId: null,
      toAgencyId: null,
      toUnitId: null,
      dueOverride: '',
      data: Object.fromEntries(action.fields.map((f) => [f.name, initialValue(f)])),
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
      return errors;
    },
  });

  const save = useFormMutation(form, {
    mutationFn: async (v: ActionValues): Promise<DossierView | null> => {
      const data: Record<string, unknown> = {};
      for (const f of action.fields) {
        const value = fieldPayload(f, v.data[f.name] ?? '');
        if (value !== undefined) data[f.name] = value;
      }
      const body: DossierActionBody = {
        expectedSeq: dossier.seq,
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
        ...(action.assign && v.assigneeId ? { assigneeId: v.assigneeId } : {}),
        ...(action.transfer === 'agency' && v.toAgencyId ? { toAgencyId: v.toAgencyId } : {}),
        ...(action.transfer === 'unit' && v.toUnitId ? { toUnitId: v.toUnitId } : {}),
        ...(action.dueOverride && v.dueOverride ? { dueOverride: v.dueOverride } : {}),
        ...(Object.keys(data).length ? { data } : {}),
        ...(uploads.attachments.length ? { attachments: uploads.attachments } : {}),
      };
      try {
        return await api<DossierView>(`/api/dossiers/${dossier.id}/actions/${action.code}`, { method: 'POST', body, headers: idempotencyHeader(key) });
      } catch (err) {
        // Someone acted first: show what the dossier is now rather than a form that no longer fits.
        if (err instanceof ApiError && err.status === 409 && (err.code === 'concurrent_transition' || err.code === 'invalid_transition')) {
          notifications.show({ color: 'orange', autoClose: 10_000, message: err.code === 'concurrent_transition' ? t('dossiers.action.concurrent') : t('dossiers.action.invalid') });
          void client.invalidateQueries({ queryKey: dossierKeys.all });
          onClose();
          return null;
        }
        throw err;
      }
    },
    onSuccess: (updated) => {
      if (!updated) return;
      client.setQueryData(dossierKeys.detail(dossier.id), updated);
      void client.invalidateQueries({ queryKey: dossierKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' || q.queryKey[2] !== dossier.id });
      notifications.show({ color: 'green', message: t('dossiers.action.done', { action: action.label }) });
      onClose();
    },
  });
  const submit = uploads.busy ? () => save.setError(t('dossiers.upload.wait')) : save.submit;

  const bind = (path: 'assigneeId' | 'toAgencyId') => {
    const p = form.getInputProps(path) as { value: string | null; error?: unknown };
    return { value: p.value, error: p.error, onChange: (v: string | null) => form.setFieldValue(path, v) };
  };

  return (
    <FormBody mutation={{ ...save, submit }} onCancel={onClose} submitLabel={t('dossiers.action.submit')}>
      <Stack gap="sm" data-testid={`action-form-${action.code}`}>
        {action.assign && <AssigneeSelect dossierId={dossier.id} action={action.code} required={action.assign === 'required'} binding={bind('assigneeId')} />}
        {action.transfer === 'agency' && <AgencySelect dossierId={dossier.id} required binding={bind('toAgencyId')} />}
        {action.transfer === 'unit' && (
          <Select label={t('dossiers.action.unit')} required searchable {...unitSelectProps(tree.data)} {...form.getInputProps('toUnitId')} comboboxProps={{ withinPortal: true }} />
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
            suggestions={f.type === 'documents' ? suggestions : undefined}
          />
        ))}
        <Textarea label={t('dossiers.action.note')} required={action.note === 'required'} autosize minRows={2} maxRows={6} maxLength={4000} {...form.getInputProps('note')} />
        <FileUploads uploads={uploads} label={t('dossiers.action.attachments')} />
      </Stack>
    </FormBody>
  );
}

export function ActionModal({ dossier, action, onClose }: { dossier: DossierView; action: DossierActionView | null; onClose: () => void }) {
  return (
    <FormModal opened={!!action} onClose={onClose} title={action?.label} size="lg">
      {action && <ActionForm key={action.code} dossier={dossier} action={action} onClose={onClose} />}
    </FormModal>
  );
}
