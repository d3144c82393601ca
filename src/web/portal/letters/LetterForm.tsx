// The online letter: the kind (with what each means), where it goes, the writer (optional: feedback may be anonymous; a
// denunciation's writer is sealed), the content, attachments with progress, the declaration. One Idempotency-Key per form
// session: sending again after a lost answer never makes two letters.
import { Alert, Card, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/upload';
import { UploadSlot } from '../dossiers/UploadSlot';
import { useUploads } from '../dossiers/useUploads';
import { CitizenFormShell, FormSection, PlaceSelect, useCitizenForm } from '../common/CitizenForm';
import { EMPTY_WRITER, KindChooser, WriterFields, writerBody, type WriterInput } from './LetterFields';
import { sendLetter, type LetterKind, type LetterUnitList, type PublicLetterResult } from './publicLetters';

const CONTENT_MAX = 10_000;

/** API paths (body.writer.phone → writer.phone) to the id of the control that shows them. */
function targetOf(path: string): string | undefined {
  if (path.startsWith('writer.')) return `writer-${path.split('.')[1] ?? ''}`;
  if (path === 'unitId') return 'letter-unit';
  if (path === 'kind') return 'letter-kind';
  if (['subject', 'content', 'target'].includes(path)) return `letter-${path}`;
  if (path.startsWith('attachments')) return 'files-title';
  if (path === 'consent') return 'consent';
  return undefined;
}

export function LetterForm({ units, onDone }: { units: LetterUnitList['items']; onDone: (result: PublicLetterResult, unitName: string) => void }) {
  const { t } = useTranslation();
  const [key] = useState(newIdempotencyKey);
  const uploads = useUploads();
  const [kind, setKind] = useState<LetterKind | ''>('');
  const [unitId, setUnitId] = useState(units.length === 1 ? (units[0]?.id ?? '') : '');
  const [writer, setWriter] = useState<WriterInput>(EMPTY_WRITER);
  const [text, setText] = useState({ subject: '', content: '', target: '' });
  const form = useCitizenForm({
    targetOf,
    list: 'attachments',
    formatHints: { 'writer.idNumber': t('letters.submit.idInvalid'), 'writer.phone': t('letters.submit.phoneInvalid'), 'writer.email': t('letters.submit.emailInvalid') },
    texts: { consentRequired: t('letters.submit.consentRequired'), changedAfterSend: t('letters.submit.changedAfterSend'), network: t('letters.submit.network') },
  });
  const { errors, clear } = form;

  const submit = async () => {
    const found: Record<string, string> = {};
    if (!kind) found.kind = t('letters.submit.kindRequired');
    if (!unitId) found.unitId = t('letters.submit.unitRequired');
    if (!text.content.trim()) found.content = t('letters.submit.contentRequired');
    else if (text.content.length > CONTENT_MAX) found.content = t('letters.submit.contentTooLong', { max: CONTENT_MAX });
    if (uploads.busy) found.attachments = t('letters.submit.stillUploading');
    await form.run(found, async () => {
      const result = await sendLetter(
        {
          unitId,
          ...(kind ? { kind } : {}),
          ...(text.subject.trim() ? { subject: text.subject.trim() } : {}),
          content: text.content.trim(),
          ...(text.target.trim() ? { target: text.target.trim() } : {}),
          writer: writerBody(writer),
          attachments: uploads.done.map((i) => ({ fileId: i.file.id, name: i.file.name.slice(0, 300) })),
        },
        key,
      );
      onDone(result, units.find((u) => u.id === unitId)?.name ?? '');
    });
  };

  const setField = (k: 'subject' | 'content' | 'target') => (e: { currentTarget: { value: string } }) => {
    const v = e.currentTarget.value;
    setText((s) => ({ ...s, [k]: v }));
    clear(k);
  };

  return (
    <CitizenFormShell
      form={form}
      problemsTitle={t('letters.submit.problems')}
      testId="letter-form"
      onSubmit={submit}
      send={{ consentLabel: t('letters.submit.consent'), sendLabel: t('letters.submit.send'), hint: t('letters.submit.sendHint'), testId: 'letter-send' }}
    >
      <Card withBorder radius="md" padding="lg" component="section">
        <KindChooser
          value={kind}
          onChange={(k) => {
            setKind(k);
            clear('kind');
          }}
          error={errors.kind}
        />
      </Card>

      <FormSection id="unit-title" title={t('letters.submit.unitTitle')}>
        <PlaceSelect
          id="letter-unit"
          texts={{ label: t('letters.submit.unit'), hint: t('letters.submit.unitHint'), placeholder: t('letters.submit.unitPlaceholder') }}
          value={unitId}
          onChange={(v) => {
            setUnitId(v);
            clear('unitId');
          }}
          error={errors.unitId}
          options={units.map((u) => ({ value: u.id, label: u.parentName && u.kind !== 'province' ? `${u.name} (${u.parentName})` : u.name }))}
        />
      </FormSection>

      <FormSection id="writer-title" title={t('letters.submit.writerTitle')} intro={t('letters.submit.writerIntro')}>
        {kind === 'denunciation' && (
          <Alert color="dvBlue" variant="light" icon={<IconShieldLock size={20} aria-hidden />} mb="md" data-testid="protected-note">
            <Text fz="sm">{t('letters.submit.protectedNote')}</Text>
          </Alert>
        )}
        <WriterFields
          value={writer}
          onChange={(next, changed) => {
            setWriter(next);
            clear(`writer.${changed}`);
          }}
          errors={errors}
        />
      </FormSection>

      <FormSection id="content-title" title={t('letters.submit.contentTitle')}>
        <Stack gap="md">
          <TextInput id="letter-subject" size="md" label={t('letters.submit.subject')} description={t('letters.submit.subjectHint')} maxLength={300} value={text.subject} onChange={setField('subject')} error={errors.subject} />
          <Textarea
            id="letter-content"
            size="md"
            label={t('letters.submit.content')}
            description={t('letters.submit.contentHint')}
            required
            autosize
            minRows={5}
            maxRows={16}
            value={text.content}
            onChange={setField('content')}
            error={errors.content}
          />
          {(kind === 'complaint' || kind === 'denunciation') && (
            <TextInput id="letter-target" size="md" label={t('letters.submit.target')} description={t('letters.submit.targetHint')} maxLength={300} value={text.target} onChange={setField('target')} error={errors.target} />
          )}
        </Stack>
      </FormSection>

      <FormSection id="files-title" title={t('letters.submit.filesTitle')} intro={t('citizen.upload.rules')}>
        <UploadSlot slot="letter" label={t('letters.submit.filesSlot')} uploads={uploads} error={errors.attachments} />
      </FormSection>
    </CitizenFormShell>
  );
}
