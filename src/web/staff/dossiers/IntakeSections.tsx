// The sections of the desk intake form: the applicant, the documents checklist, and the decision with its fields.
import { Box, Checkbox, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_FORMS } from '../../../common/procedures.schema';
import { DocumentsEditor } from './DocumentsEditor';
import type { Decision } from './IntakeDone';
import { missingFromChecklist, type IntakeForm } from './intakeForm';
import type { ReactNode } from 'react';

export function ApplicantFields({ form }: { form: IntakeForm }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <TextInput label={t('dossiers.intake.name')} required autoComplete="off" {...form.getInputProps('applicant.name')} />
      <TextInput
        label={t('dossiers.intake.idNumber')}
        placeholder={t('dossiers.intake.idNumberHint')}
        required
        inputMode="numeric"
        autoComplete="off"
        {...form.getInputProps('applicant.idNumber')}
      />
      <TextInput label={t('dossiers.intake.phone')} type="tel" autoComplete="off" {...form.getInputProps('applicant.phone')} />
      <TextInput label={t('dossiers.intake.email')} type="email" autoComplete="off" {...form.getInputProps('applicant.email')} />
      <Box style={{ gridColumn: '1 / -1' }}>
        <TextInput label={t('dossiers.intake.address')} autoComplete="off" {...form.getInputProps('applicant.address')} />
      </Box>
    </SimpleGrid>
  );
}

/** The procedure's documents, each ticked when received, with its form (original, copy…) and count. */
export function DocumentChecklist({ form }: { form: IntakeForm }) {
  const { t } = useTranslation();
  const forms = DOCUMENT_FORMS.map((f) => ({ value: f, label: t(`forms.${f}`) }));
  const rows = form.values.checklist;
  if (!form.values.procedureCode)
    return (
      <Text fz="sm" c="dimmed">
        {t('dossiers.intake.chooseProcedureFirst')}
      </Text>
    );
  return (
    <Stack gap="sm">
      <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="intake-checklist">
        {rows.map((r, i) => (
          <Group key={i} component="li" gap="xs" align="center" wrap="wrap" py={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
            <Checkbox
              style={{ flex: '3 1 260px' }}
              label={r.name}
              aria-label={t('dossiers.intake.received', { name: r.name })}
              {...form.getInputProps(`checklist.${i}.received`, { type: 'checkbox' })}
            />
            <Select
              style={{ flex: '1 1 160px' }}
              size="xs"
              aria-label={`${t('dossiers.docs.form')}: ${r.name}`}
              data={forms}
              allowDeselect={false}
              disabled={!r.received}
              {...form.getInputProps(`checklist.${i}.form`)}
            />
            <NumberInput
              style={{ flex: '0 1 80px' }}
              size="xs"
              aria-label={`${t('dossiers.docs.count')}: ${r.name}`}
              min={1}
              max={100}
              disabled={!r.received}
              {...form.getInputProps(`checklist.${i}.count`)}
            />
          </Group>
        ))}
      </Stack>
      <DocumentsEditor form={form} path="extra" rows={form.values.extra} legend={t('dossiers.intake.extraDocs')} />
      <NumberInput label={t('dossiers.intake.copies')} min={1} max={20} w={160} {...form.getInputProps('data.copies')} />
    </Stack>
  );
}

const DECISIONS: Decision[] = ['accept', 'request_completion', 'refuse', 'none'];

/** The decision, its fields and `children` (the acceptance's hand-on fields), then the note. */
export function DecisionFields({ form, children }: { form: IntakeForm; children?: ReactNode }) {
  const { t } = useTranslation();
  const decision = form.values.decision;
  const choose = (d: Decision) => {
    form.setFieldValue('decision', d);
    // Everything not ticked is what the applicant must bring: listed for the officer to confirm or edit.
    if (d === 'request_completion' && form.values.data.missingDocuments.every((r) => !r.name.trim()))
      form.setFieldValue('data.missingDocuments', missingFromChecklist(form.values.checklist));
  };
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text fz="sm" fw={500} id="intake-decision-label">
          {t('dossiers.intake.decision')}
        </Text>
        <SegmentedControl
          aria-labelledby="intake-decision-label"
          fullWidth
          orientation="horizontal"
          data={DECISIONS.map((d) => ({ value: d, label: t(`dossiers.intake.decisions.${d}`) }))}
          value={decision}
          onChange={(v) => choose(v)}
          styles={{ root: { flexWrap: 'wrap' }, control: { minWidth: 150 } }}
          data-testid="intake-decision"
        />
        <Text fz="sm" c="dimmed">
          {t(`dossiers.intake.decisionHelp.${decision}`)}
        </Text>
      </Stack>
      {decision === 'request_completion' && (
        <>
          <DocumentsEditor
            form={form}
            path="data.missingDocuments"
            rows={form.values.data.missingDocuments}
            legend={t('dossiers.intake.missing')}
            description={t('dossiers.intake.missingHint')}
            required
            error={form.errors['data.missingDocuments']}
          />
          <Textarea label={t('dossiers.intake.guidance')} autosize minRows={2} maxLength={4000} {...form.getInputProps('data.guidance')} />
        </>
      )}
      {decision === 'refuse' && (
        <>
          <Textarea label={t('dossiers.intake.reason')} required autosize minRows={2} maxLength={2000} {...form.getInputProps('data.reason')} />
          <TextInput label={t('dossiers.intake.legalBasis')} required maxLength={1000} {...form.getInputProps('data.legalBasis')} />
        </>
      )}
      {children}
      <Textarea label={t('dossiers.intake.note')} autosize minRows={1} maxLength={4000} {...form.getInputProps('note')} />
    </Stack>
  );
}
