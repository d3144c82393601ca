// /staff/letters/new: an officer records a letter received at the reception desk, by post, or forwarded by another agency:
// how and when it came, the writer (or none: anonymous), what it says, the scans; one Idempotency-Key per form session so a
// double click records one letter. Then the letter's page, with the code and the secret to hand to the writer.
import { Alert, Button, Checkbox, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { LETTER_TYPES, STAFF_CHANNELS, type StaffLetterResult } from '../../../common/letters.schema';
import { WriterFields } from '../../portal/letters/LetterFields';
import { PageHeader, SectionCard } from '../common';
import { idempotencyHeader, newIdempotencyKey } from '../dossiers/dossiers.api';
import { FileUploads, useUploads } from '../dossiers/FileUploads';
import { FormError } from '../FormModal';
import { useFormMutation } from '../forms';
import { initialLetterIntake, letterIntakeBody, localDateTime, validateLetterIntake, type LetterIntakeForm, type LetterIntakeValues } from './letterIntakeForm';
import { letterKeys } from './letters.api';
import { Back } from './parts';

/** What the letter page shows once after the intake: the secret is not kept on the server. */
export interface IntakeNoticeState {
  recorded: { secret: string; trackingUrl: string };
}

function ReceiptFields({ form }: { form: LetterIntakeForm }) {
  const { t } = useTranslation();
  const v = form.values;
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text fz="sm" fw={500} id="intake-channel-label">
          {t('letters.intake.channel')}
        </Text>
        <SegmentedControl
          aria-labelledby="intake-channel-label"
          data={STAFF_CHANNELS.map((c) => ({ value: c, label: t(`letters.channels.${c}`) }))}
          value={v.channel}
          onChange={(c) => form.setFieldValue('channel', c)}
          data-testid="intake-channel"
          style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
        />
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          type="datetime-local"
          label={t('letters.intake.receivedAt')}
          description={t('letters.intake.receivedAtHint')}
          max={localDateTime(new Date())}
          {...form.getInputProps('receivedAt')}
        />
        <Select
          label={t('letters.intake.declaredKind')}
          description={t('letters.intake.declaredKindHint')}
          placeholder={t('letters.intake.notDeclared')}
          data={LETTER_TYPES.map((k) => ({ value: k, label: t(`letters.types.${k}`) }))}
          clearable
          {...form.getInputProps('declaredKind')}
          onChange={(k) => form.setFieldValue('declaredKind', (k ?? '') as LetterIntakeValues['declaredKind'])}
        />
      </SimpleGrid>
      {v.channel === 'forwarded' && (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" data-testid="intake-forwarded">
          <TextInput label={t('letters.intake.agencyName')} required maxLength={300} {...form.getInputProps('forwardedFrom.agencyName')} />
          <TextInput label={t('letters.intake.documentNumber')} required maxLength={100} {...form.getInputProps('forwardedFrom.documentNumber')} />
          <TextInput type="date" label={t('letters.intake.documentDate')} {...form.getInputProps('forwardedFrom.documentDate')} />
        </SimpleGrid>
      )}
    </Stack>
  );
}

function LetterIntakeForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  // One key for this form session: retries and double clicks replay the first answer instead of recording a second letter.
  const [key] = useState(newIdempotencyKey);
  const uploads = useUploads();
  const form = useForm<LetterIntakeValues>({ initialValues: initialLetterIntake(), validate: validateLetterIntake });
  const save = useFormMutation(form, {
    mutationFn: (v: LetterIntakeValues) =>
      api<StaffLetterResult>('/api/letters', { method: 'POST', body: letterIntakeBody(v, uploads.attachments), headers: idempotencyHeader(key) }),
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: letterKeys.all });
      const state: IntakeNoticeState = { recorded: { secret: r.secret, trackingUrl: r.trackingUrl } };
      void navigate(`/staff/letters/${r.letter.id}`, { state });
    },
  });
  const submit = uploads.busy ? () => save.setError(t('dossiers.upload.wait')) : save.submit;
  const v = form.values;
  const hasErrors = Object.keys(form.errors).length > 0;
  return (
    <form onSubmit={submit} noValidate data-testid="letter-intake-form">
      <Stack gap="md" maw={1000}>
        <SectionCard id="intake-receipt" title={t('letters.intake.receiptSection')}>
          <ReceiptFields form={form} />
        </SectionCard>
        <SectionCard id="intake-writer" title={t('letters.intake.writerSection')}>
          <Stack gap="sm">
            <Checkbox label={t('letters.intake.anonymous')} {...form.getInputProps('anonymous', { type: 'checkbox' })} />
            {!v.anonymous && <WriterFields value={v.writer} onChange={(w) => form.setFieldValue('writer', w)} errors={form.errors as Record<string, string>} />}
            <Checkbox label={t('letters.intake.protectIdentity')} description={t('letters.intake.protectIdentityHint')} {...form.getInputProps('protectIdentity', { type: 'checkbox' })} />
          </Stack>
        </SectionCard>
        <SectionCard id="intake-content" title={t('letters.intake.contentSection')}>
          <Stack gap="sm">
            <TextInput label={t('letters.intake.subject')} maxLength={300} {...form.getInputProps('subject')} />
            <Textarea label={t('letters.intake.content')} description={t('letters.intake.contentHint')} required autosize minRows={5} maxLength={10_000} {...form.getInputProps('content')} />
            <TextInput label={t('letters.intake.target')} maxLength={300} {...form.getInputProps('target')} />
            <Group gap="lg">
              <Checkbox label={t('letters.intake.dated')} {...form.getInputProps('dated', { type: 'checkbox' })} />
              <Checkbox label={t('letters.intake.signed')} {...form.getInputProps('signed', { type: 'checkbox' })} />
            </Group>
          </Stack>
        </SectionCard>
        <SectionCard id="intake-files" title={t('letters.intake.filesSection')}>
          <FileUploads uploads={uploads} />
        </SectionCard>
        <SectionCard id="intake-note" title={t('letters.intake.noteSection')}>
          <Textarea label={t('letters.intake.note')} autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
        </SectionCard>
        {hasErrors && !save.error && (
          <Alert color="dvRed" role="alert" data-testid="intake-errors">
            {t('dossiers.intake.errorsAbove')}
          </Alert>
        )}
        <FormError error={save.error} />
        <Group justify="flex-end">
          <Button component={Link} to="/staff/letters" variant="default">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="letter-intake-submit">
            {t('letters.intake.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function LetterIntakePage() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('letters.intake.title')} · ${t('app.name')}`;
  }, [t]);
  return (
    <>
      <Back to="/staff/letters" label={t('letters.letter.back')} />
      <PageHeader title={t('letters.intake.title')} description={t('letters.intake.description')} />
      <LetterIntakeForm />
    </>
  );
}
