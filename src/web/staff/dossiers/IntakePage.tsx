// /staff/dossiers/new: desk intake. The officer picks the procedure, records the applicant, ticks the documents received,
// attaches scans, and decides; the request carries one Idempotency-Key per form session so a double click creates one dossier.
import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { DeskIntakeResult, ProcedureView, Unit } from '../../api/types';
import { PageHeader, SectionCard, unitSelectProps, useUnitsTree } from '../common';
import { FormError } from '../FormModal';
import { useFormMutation } from '../forms';
import { useSession } from '../session';
import { BackLink } from './BackLink';
import { dossierKeys, idempotencyHeader, newIdempotencyKey } from './dossiers.api';
import { FileUploads, useUploads } from './FileUploads';
import { HandOnFields, useIntakeHandOn } from './IntakeHandOn';
import { IntakeDone, type Decision } from './IntakeDone';
import { checklistOf, initialIntake, intakeBody, validateIntake, type IntakeValues } from './intakeForm';
import { ApplicantFields, DecisionFields, DocumentChecklist } from './IntakeSections';
import { ProcedurePicker } from './ProcedurePicker';
import { formatVnd } from './format';

/** Units where the officer receives dossiers: those of their one-stop grants and the units below them. */
function intakeUnits(tree: Unit[] | undefined, grantUnitIds: readonly string[]): Unit[] {
  if (!tree) return [];
  const parent = new Map(tree.map((u) => [u.id, u.parentId]));
  const under = (id: string | null): boolean => {
    for (let cur = id; cur; cur = parent.get(cur) ?? null) if (grantUnitIds.includes(cur)) return true;
    return false;
  };
  return tree.filter((u) => u.active && under(u.id));
}

function IntakeForm({ onDone }: { onDone: (r: DeskIntakeResult, d: Decision) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const user = useSession().data?.user;
  const tree = useUnitsTree(false);
  const grantUnits = (user?.grants ?? []).filter((g) => g.role === 'one_stop_officer').map((g) => g.unitId);
  const units = intakeUnits(tree.data, grantUnits);
  const [procedure, setProcedure] = useState<ProcedureView | null>(null);
  // One key for this form session: retries and double clicks replay the first answer instead of creating a second dossier.
  const [key] = useState(newIdempotencyKey);
  const uploads = useUploads();
  const form = useForm<IntakeValues>({ initialValues: initialIntake(user?.unitId ?? null), validate: validateIntake });

  useEffect(() => {
    // The officer's own unit, or the first one they receive for when their own is not among them.
    if (units.length && !units.some((u) => u.id === form.values.unitId)) form.setFieldValue('unitId', units[0]?.id ?? null);
  }, [units.length]);

  const handOn = useIntakeHandOn(form.values.unitId, form.values.procedureCode);
  const handsOn = form.values.decision === 'accept' && !!handOn.data && (!!handOn.data.assign || !!handOn.data.transfer);
  useEffect(() => {
    // Another procedure or unit: the civil servant and office chosen for the previous one no longer apply.
    form.setFieldValue('toAgencyId', null);
    form.setFieldValue('assigneeId', null);
  }, [form.values.unitId, form.values.procedureCode]);

  const pick = (p: ProcedureView | null) => {
    setProcedure(p);
    form.setFieldValue('procedureCode', p?.code ?? null);
    form.setFieldValue('checklist', checklistOf(p));
  };

  const save = useFormMutation(form, {
    mutationFn: (v: IntakeValues) =>
      api<DeskIntakeResult>('/api/dossiers', {
        method: 'POST',
        body: intakeBody(
          v,
          uploads.attachments.map((a) => ({ fileId: a.fileId, name: a.name })),
        ),
        headers: idempotencyHeader(key),
      }),
    onSuccess: (r, v) => {
      void client.invalidateQueries({ queryKey: dossierKeys.all });
      onDone(r, v.decision);
    },
  });
  const submit = uploads.busy ? () => save.setError(t('dossiers.upload.wait')) : save.submit;
  const fees = procedure?.fees.length ? procedure.fees.map((f) => `${f.name} ${f.amount ? formatVnd(f.amount) : t('dossiers.intake.free')}`).join('; ') : t('dossiers.intake.free');
  const hasErrors = Object.keys(form.errors).length > 0;

  return (
    <form onSubmit={submit} noValidate data-testid="intake-form">
      <Stack gap="md" maw={1000}>
        <SectionCard id="intake-procedure" title={t('dossiers.intake.procedureSection')}>
          <Stack gap="sm">
            <ProcedurePicker value={procedure} onChange={pick} error={form.errors.procedureCode as string | undefined} />
            {procedure && (
              <Text fz="sm" c="dimmed" data-testid="intake-procedure-info">
                {t('dossiers.intake.procedureInfo', { field: procedure.fieldName, days: procedure.localDays ?? procedure.statutoryDays })} ·{' '}
                {t('dossiers.intake.fees', { fees })}
              </Text>
            )}
            {units.length > 1 ? (
              <Select label={t('dossiers.intake.unit')} required searchable allowDeselect={false} {...unitSelectProps(units)} {...form.getInputProps('unitId')} />
            ) : (
              <Text fz="sm">
                {t('dossiers.intake.unit')}: <b>{units[0]?.name ?? '…'}</b>
              </Text>
            )}
          </Stack>
        </SectionCard>
        <SectionCard id="intake-applicant" title={t('dossiers.intake.applicantSection')}>
          <ApplicantFields form={form} />
        </SectionCard>
        <SectionCard id="intake-documents" title={t('dossiers.intake.documentsSection')} description={procedure ? t('dossiers.intake.documentsHint') : undefined}>
          <DocumentChecklist form={form} />
        </SectionCard>
        <SectionCard id="intake-files" title={t('dossiers.intake.filesSection')}>
          <FileUploads uploads={uploads} />
        </SectionCard>
        <SectionCard id="intake-decision" title={t('dossiers.intake.decisionSection')}>
          <DecisionFields form={form}>{handsOn && handOn.data && <HandOnFields form={form} handOn={handOn.data} />}</DecisionFields>
        </SectionCard>
        {hasErrors && !save.error && (
          <Alert color="dvRed" role="alert">
            {t('dossiers.intake.errorsAbove')}
          </Alert>
        )}
        <FormError error={save.error} />
        <Group justify="flex-end">
          <Button component={Link} to="/staff/dossiers" variant="default">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} color={form.values.decision === 'refuse' ? 'dvRed' : undefined} data-testid="intake-submit">
            {t(`dossiers.intake.submit.${form.values.decision}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function IntakePage() {
  const { t } = useTranslation();
  const [done, setDone] = useState<{ result: DeskIntakeResult; decision: Decision } | null>(null);
  // A new session (and a new idempotency key) for the next applicant.
  const [session, setSession] = useState(0);
  useEffect(() => {
    document.title = `${t('dossiers.intake.title')} · ${t('app.name')}`;
  }, [t]);
  return (
    <>
      <BackLink />
      <PageHeader title={t('dossiers.intake.title')} description={done ? undefined : t('dossiers.intake.description')} />
      {done ? (
        <IntakeDone
          result={done.result}
          decision={done.decision}
          onAnother={() => {
            setDone(null);
            setSession((n) => n + 1);
          }}
        />
      ) : (
        <IntakeForm key={session} onDone={(result, decision) => setDone({ result, decision })} />
      )}
    </>
  );
}
