// The online submission form: where it goes, who files it, one upload per required document, a note and the
// applicant's declaration. One Idempotency-Key per form session: sending again after a lost answer never files twice.
import { Alert, Anchor, Button, Card, Checkbox, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { ProcedurePublicView } from '../../api/types';
import { ErrorSummary, type SummaryItem } from '../dossiers/ErrorSummary';
import { newIdempotencyKey, submitDossier, type PublicSubmitResult, type ReceivingUnitList } from '../dossiers/publicDossiers';
import { UploadSlot } from '../dossiers/UploadSlot';
import { useUploads } from '../dossiers/useUploads';
import { Link } from 'react-router';
import { displayContact, useCitizen } from '../account/citizenSession';
import { ApplicantFields, applicantBody, EMPTY_APPLICANT, type ApplicantInput } from './ApplicantFields';

const OTHER_SLOT = 'other';
/** The server only says a pattern failed; these say what the pattern is. */
const FORMAT_HINTS: Record<string, 'citizen.submit.idInvalid' | 'citizen.submit.phoneInvalid' | 'citizen.submit.emailInvalid'> = {
  'applicant.idNumber': 'citizen.submit.idInvalid',
  'applicant.phone': 'citizen.submit.phoneInvalid',
  'applicant.email': 'citizen.submit.emailInvalid',
};
const NOTE_MAX = 2000;

export function FormSection({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} fz="lg" mb={intro ? 4 : 'sm'} id={id} tabIndex={-1}>
        {title}
      </Title>
      {intro && (
        <Text fz="sm" c="dimmed" mb="sm">
          {intro}
        </Text>
      )}
      {children}
    </Card>
  );
}

/** The declaration and the send button closing a citizen's form (a dossier, a letter). */
export function SendCard({
  consent,
  onConsent,
  consentLabel,
  error,
  sending,
  sendLabel,
  hint,
  testId,
}: {
  consent: boolean;
  onConsent: (checked: boolean) => void;
  consentLabel: string;
  error: string | undefined;
  sending: boolean;
  sendLabel: string;
  hint: string;
  testId: string;
}) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Checkbox id="consent" size="md" checked={consent} onChange={(e) => onConsent(e.currentTarget.checked)} label={consentLabel} error={error} />
      <Button type="submit" size="lg" mt="lg" fullWidth loading={sending} leftSection={<IconSend size={20} aria-hidden />} data-testid={testId}>
        {sendLabel}
      </Button>
      <Text fz="xs" c="dimmed" mt="xs" ta="center">
        {hint}
      </Text>
    </Card>
  );
}

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
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [version, setVersion] = useState(0);
  const [sending, setSending] = useState(false);

  const slots = procedure.documents.map((d, i) => ({ slot: `doc${i}`, name: d.name, hint: `${t(`forms.${d.form}`)} · ${t('catalog.copies', { count: d.count })}` }));
  const slotName = new Map(slots.map((s) => [s.slot, s.name]));
  const emptySlots = slots.filter((s) => !uploads.items.some((i) => i.slot === s.slot && i.status === 'done'));

  /** An edited field loses its error (and its line in the summary). */
  const clear = (key: string) =>
    setErrors((e) => {
      if (!(key in e)) return e;
      const rest = { ...e };
      delete rest[key];
      return rest;
    });
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
  }, [uploaded]);

  const fail = (fieldErrors: Record<string, string>, other: string[] = []) => {
    setErrors(fieldErrors);
    setGeneral(other);
    setVersion((v) => v + 1);
  };

  const submit = async () => {
    const found: Record<string, string> = {};
    if (choose && !unitId) found.unitId = t('citizen.submit.unitRequired');
    if (!applicant.name.trim()) found['applicant.name'] = t('citizen.submit.nameRequired');
    if (!applicant.idNumber.trim()) found['applicant.idNumber'] = t('citizen.submit.idRequired');
    if (uploads.busy) found.documents = t('citizen.submit.stillUploading');
    else if (!uploads.done.length) found.documents = t('citizen.submit.documentsRequired');
    if (note.length > NOTE_MAX) found.note = t('citizen.submit.noteTooLong', { max: NOTE_MAX });
    if (!consent) found.consent = t('citizen.submit.consentRequired');
    if (Object.keys(found).length) return fail(found);

    setSending(true);
    try {
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
      const unitName = places.items.find((u) => u.id === unitId)?.name ?? places.items[0]?.name ?? '';
      onDone(result, unitName);
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.fields.length) {
        const mapped = err.fieldErrors('body');
        const fieldErrors: Record<string, string> = {};
        const other: string[] = [];
        for (const [path, message] of Object.entries(mapped)) {
          const key = path.startsWith('documents') ? 'documents' : path;
          if (targetOf(path)) fieldErrors[key] ??= FORMAT_HINTS[path] ? t(FORMAT_HINTS[path]) : message;
          else other.push(message);
        }
        fail(fieldErrors, other);
      } else if (err instanceof ApiError && err.status === 429) fail({}, [t('citizen.tooMany', { seconds: err.retryAfter ?? 60 })]);
      else if (err instanceof ApiError && err.code === 'idempotency_key_reused') fail({}, [t('citizen.submit.changedAfterSend')]);
      else if (err instanceof ApiError && (err.status === 0 || err.status >= 500)) fail({}, [t('citizen.submit.network')]);
      else fail({}, [err instanceof Error ? err.message : t('common.error')]);
    } finally {
      setSending(false);
    }
  };

  const summary: SummaryItem[] = [
    ...Object.entries(errors).map(([path, text]) => ({ text, target: path === 'consent' ? 'consent' : targetOf(path) })),
    ...general.map((text) => ({ text })),
  ];

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-busy={sending}
      data-testid="submit-form"
    >
      <Stack gap="md">
        <ErrorSummary title={t('citizen.submit.problems')} items={summary} version={version} />

        <FormSection id="place-title" title={t('citizen.submit.placeTitle')}>
          {choose ? (
            <NativeSelect
              id="receiving-unit"
              size="md"
              label={t('citizen.submit.unit')}
              description={t('citizen.submit.unitHint')}
              required
              value={unitId}
              onChange={(e) => {
                setUnitId(e.currentTarget.value);
                clear('unitId');
              }}
              error={errors.unitId}
              data={[{ value: '', label: t('citizen.submit.unitPlaceholder') }, ...places.items.map((u) => ({ value: u.id, label: u.name }))]}
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

        <SendCard
          consent={consent}
          onConsent={(v) => {
            setConsent(v);
            clear('consent');
          }}
          consentLabel={t('citizen.submit.consent')}
          error={errors.consent}
          sending={sending}
          sendLabel={t('citizen.submit.send')}
          hint={t('citizen.submit.sendHint')}
          testId="submit-button"
        />
      </Stack>
    </form>
  );
}
