// The online submission form: where it goes, who files it, one upload per required document, a note and the
// applicant's declaration. One Idempotency-Key per form session: sending again after a lost answer never files twice.
import { Alert, Anchor, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProcedurePublicView } from '../../api/types';
import { CitizenFormShell, FormSection, PlaceSelect, useCitizenForm } from '../common/CitizenForm';
import { newIdempotencyKey, submitDossier, type PublicSubmitResult, type ReceivingUnitList } from '../dossiers/publicDossiers';
import { UploadSlot } from '../dossiers/UploadSlot';
import { useUploads } from '../dossiers/useUploads';
import { displayContact, useCitizen } from '../account/citizenSession';
import { ApplicantFields, applicantBody, EMPTY_APPLICANT, type ApplicantInput } from './ApplicantFields';

const OTHER_SLOT = 'other';
const NOTE_MAX = 2000;

/** Field paths of the API (body.applicant.name → applicant.name) to the id of the control that shows them. */
function targetOf(path: string): string | undefined {
  if (path.startsWith('applicant.')) return `applicant-${path.split('.')[1] ?? ''}`;
  if (path === 'unitId') return 'receiving-unit';
  if (path.startsWith('documents')) return 'documents-title';
  if (path === 'note') return 'note';
  return undefined;
}

export function SubmitForm({
  procedure,
  places,
  onDone,
}: {
  procedure: ProcedurePublicView;
  places: ReceivingUnitList;
  onDone: (result: PublicSubmitResult, unitName: string) => void;
}) {
  const { t } = useTranslation();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const uploads = useUploads();
  const choose = !places.named && places.items.length !== 1;
  const [unitId, setUnitId] = useState(places.items.length === 1 ? (places.items[0]?.id ?? '') : '');
  const [applicant, setApplicant] = useState<ApplicantInput>(EMPTY_APPLICANT);
  const [note, setNote] = useState('');
  const form = useCitizenForm({
    targetOf,
    list: 'documents',
    formatHints: { 'applicant.idNumber': t('citizen.submit.idInvalid'), 'applicant.phone': t('citizen.submit.phoneInvalid'), 'applicant.email': t('citizen.submit.emailInvalid') },
    texts: { consentRequired: t('citizen.submit.consentRequired'), changedAfterSend: t('citizen.submit.changedAfterSend'), network: t('citizen.submit.network') },
  });
  const { errors, clear } = form;

  const slots = procedure.documents.map((d, i) => ({ slot: `doc${i}`, name: d.name, hint: `${t(`forms.${d.form}`)} · ${t('catalog.copies', { count: d.count })}` }));
  const slotName = new Map(slots.map((s) => [s.slot, s.name]));
  const emptySlots = slots.filter((s) => !uploads.items.some((i) => i.slot === s.slot && i.status === 'done'));

  // Signed in: the account's contact fills the matching field (once, if empty), and the server links the dossier to it.
  const me = useCitizen();
  const account = me?.citizen ?? null;
  useEffect(() => {
    if (!account) return;
    const key = account.kind === 'email' ? 'email' : 'phone';
    setApplicant((a) => (a[key] ? a : { ...a, [key]: displayContact(account) }));
  }, [account]);
  const uploaded = uploads.done.length;
  useEffect(() => {
    if (uploaded) clear('documents');
  }, [uploaded, clear]);

  const submit = async () => {
    const found: Record<string, string> = {};
    if (choose && !unitId) found.unitId = t('citizen.submit.unitRequired');
    if (!applicant.name.trim()) found['applicant.name'] = t('citizen.submit.nameRequired');
    if (!applicant.idNumber.trim()) found['applicant.idNumber'] = t('citizen.submit.idRequired');
    if (uploads.busy) found.documents = t('citizen.submit.stillUploading');
    else if (!uploads.done.length) found.documents = t('citizen.submit.documentsRequired');
    if (note.length > NOTE_MAX) found.note = t('citizen.submit.noteTooLong', { max: NOTE_MAX });
    await form.run(found, async () => {
      const result = await submitDossier(
        {
          procedureCode: procedure.code,
          ...(unitId && !places.named ? { unitId } : {}),
          applicant: applicantBody(applicant),
          documents: uploads.done.map((i) => ({
            fileId: i.file.id,
            name: (slotName.get(i.slot) ?? t('citizen.submit.otherDocument', { name: i.file.name })).slice(0, 500),
          })),
          note: note.trim() || undefined,
        },
        idempotencyKey,
      );
      onDone(result, places.items.find((u) => u.id === unitId)?.name ?? places.items[0]?.name ?? '');
    });
  };

  return (
    <CitizenFormShell
      form={form}
      problemsTitle={t('citizen.submit.problems')}
      testId="submit-form"
      onSubmit={submit}
      send={{ consentLabel: t('citizen.submit.consent'), sendLabel: t('citizen.submit.send'), hint: t('citizen.submit.sendHint'), testId: 'submit-button' }}
    >
      <FormSection id="place-title" title={t('citizen.submit.placeTitle')}>
        {choose ? (
          <PlaceSelect
            id="receiving-unit"
            texts={{ label: t('citizen.submit.unit'), hint: t('citizen.submit.unitHint'), placeholder: t('citizen.submit.unitPlaceholder') }}
            value={unitId}
            onChange={(v) => {
              setUnitId(v);
              clear('unitId');
            }}
            error={errors.unitId}
            options={places.items.map((u) => ({ value: u.id, label: u.name }))}
          />
        ) : (
          <Text data-testid="receiving-unit-fixed">
            {t('citizen.submit.unitFixed', { name: places.items[0]?.name ?? procedure.implementingAgency })}
          </Text>
        )}
      </FormSection>

      <FormSection id="applicant-title" title={t('citizen.submit.applicantTitle')} intro={t('citizen.submit.applicantIntro')}>
        {me !== undefined && (
          <Text fz="sm" mb="sm" data-testid="account-note">
            {account ? (
              t('citizen.account.submitLinked', { contact: displayContact(account) })
            ) : (
              <Anchor component={Link} to={`/tai-khoan?next=${encodeURIComponent(`/thu-tuc/${procedure.code}/nop-ho-so`)}`} fz="sm" style={{ textDecoration: 'underline' }}>
                {t('citizen.account.submitSignIn')}
              </Anchor>
            )}
          </Text>
        )}
        <ApplicantFields
          value={applicant}
          onChange={(next, changed) => {
            setApplicant(next);
            clear(`applicant.${changed}`);
          }}
          errors={errors}
        />
      </FormSection>

      <FormSection id="documents-title" title={t('citizen.submit.documentsTitle')} intro={t('citizen.upload.rules')}>
        <Stack gap="sm">
          {slots.map((s) => (
            <UploadSlot key={s.slot} slot={s.slot} label={s.name} hint={s.hint} uploads={uploads} />
          ))}
          <UploadSlot slot={OTHER_SLOT} label={t('citizen.submit.otherDocuments')} hint={t('citizen.submit.otherHint')} uploads={uploads} />
          {errors.documents && (
            <Text c="dvRed.8" fz="sm" role="alert">
              {errors.documents}
            </Text>
          )}
          {uploads.done.length > 0 && emptySlots.length > 0 && (
            <Alert color="orange" variant="light" data-testid="missing-slots">
              <Text fz="sm">{t('citizen.submit.emptySlots', { names: emptySlots.map((s) => s.name).join('; ') })}</Text>
            </Alert>
          )}
        </Stack>
      </FormSection>

      <FormSection id="note-title" title={t('citizen.submit.noteTitle')}>
        <Textarea
          id="note"
          size="md"
          label={t('citizen.submit.note')}
          description={t('citizen.submit.noteHint')}
          autosize
          minRows={3}
          maxRows={8}
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            clear('note');
          }}
          error={errors.note}
        />
      </FormSection>
    </CitizenFormShell>
  );
}
