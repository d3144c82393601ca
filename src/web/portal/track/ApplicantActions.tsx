// The applicant's own actions on the tracking page, offered only in the states that allow them: send the completed file
// again after a request to complete, send the further documents asked for, or withdraw the dossier (reason, confirmed).
import { Alert, Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconArrowBackUp, IconSend } from '@tabler/icons-react';
import i18n from 'i18next';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { actOnDossier, newIdempotencyKey, type CitizenAction, type TrackedDossier } from '../dossiers/publicDossiers';
import { UploadSlot } from '../dossiers/UploadSlot';
import { useUploads } from '../dossiers/useUploads';
import { docItems, isFinished, lastStep } from './DossierStatus';

const NOTE_MAX = 2000;
const WithdrawDialog = lazy(() => import('./WithdrawDialog'));

/** The message for a failed action, in plain words; `stale` when the dossier changed meanwhile (the page reloads it). */
function actionProblem(err: unknown): { text: string; stale: boolean } {
  const t = i18n.t.bind(i18n);
  if (err instanceof ApiError) {
    if (err.status === 409) return { text: t('citizen.actions.stale'), stale: true };
    if (err.status === 429) return { text: t('citizen.tooMany', { seconds: err.retryAfter ?? 60 }), stale: false };
    if (err.status === 0 || err.status >= 500) return { text: t('citizen.actions.network'), stale: false };
    const fields = Object.values(err.fieldErrors('body'));
    if (fields.length) return { text: fields.join(' '), stale: false };
  }
  return { text: err instanceof Error ? err.message : t('common.error'), stale: false };
}

type Act = (action: CitizenAction, body: Parameters<typeof actOnDossier>[3], key: string) => Promise<void>;

/** Resubmit (after form 02) or supplement (after a request for documents): one upload slot per document asked for, plus "other". */
function SendDocuments({ dossier, action, act, onStale }: { dossier: TrackedDossier; action: 'resubmit' | 'supplement'; act: Act; onStale: () => void }) {
  const { t } = useTranslation();
  const [key, setKey] = useState(newIdempotencyKey);
  const uploads = useUploads();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const request = lastStep(dossier, action === 'resubmit' ? 'request_completion' : 'request_documents');
  const slots = docItems(request?.data.missingDocuments).map((d, i) => ({ slot: `asked${i}`, name: d.name }));
  const names = new Map(slots.map((s) => [s.slot, s.name]));

  const send = async () => {
    if (uploads.busy) return setProblem(t('citizen.submit.stillUploading'));
    if (!uploads.done.length && !note.trim()) return setProblem(t('citizen.actions.nothingToSend'));
    if (note.length > NOTE_MAX) return setProblem(t('citizen.submit.noteTooLong', { max: NOTE_MAX }));
    setProblem(null);
    setSending(true);
    try {
      await act(
        action,
        {
          note: note.trim() || undefined,
          attachments: uploads.done.map((i) => ({ fileId: i.file.id, name: (names.get(i.slot) ?? i.file.name).slice(0, 300) })),
        },
        key,
      );
      uploads.clear();
      setNote('');
      setKey(newIdempotencyKey());
    } catch (err) {
      const p = actionProblem(err);
      setProblem(p.text);
      if (p.stale) onStale();
    } finally {
      setSending(false);
    }
  };

  const title = action === 'resubmit' ? t('citizen.actions.resubmitTitle') : t('citizen.actions.supplementTitle');
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={`${action}-title`} data-testid={`action-${action}`}>
      <Title order={2} fz="lg" id={`${action}-title`} mb={4}>
        {title}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t(action === 'resubmit' ? 'citizen.actions.resubmitText' : 'citizen.actions.supplementText')} {t('citizen.upload.rules')}
      </Text>
      <Stack gap="sm">
        {slots.map((s) => (
          <UploadSlot key={s.slot} slot={s.slot} label={s.name} uploads={uploads} />
        ))}
        <UploadSlot slot="other" label={slots.length ? t('citizen.submit.otherDocuments') : t('citizen.actions.documents')} uploads={uploads} />
        <Textarea
          size="md"
          label={t('citizen.actions.note')}
          autosize
          minRows={2}
          maxRows={6}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {problem && (
          <Alert color="dvRed" variant="light" role="alert">
            {problem}
          </Alert>
        )}
        <Button size="md" onClick={() => void send()} loading={sending} leftSection={<IconSend size={18} aria-hidden />} data-testid={`${action}-send`}>
          {action === 'resubmit' ? t('citizen.actions.resubmit') : t('citizen.actions.supplement')}
        </Button>
      </Stack>
    </Card>
  );
}

function Withdraw({ act, onStale }: { act: Act; onStale: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [everOpened, setEverOpened] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const confirm = async () => {
    if (!reason.trim()) return setError(t('citizen.actions.reasonRequired'));
    setSending(true);
    try {
      await act('withdraw', { data: { reason: reason.trim() } }, key);
      setOpen(false);
    } catch (err) {
      const p = actionProblem(err);
      setError(p.text);
      if (p.stale) {
        setOpen(false);
        onStale();
      }
    } finally {
      setSending(false);
    }
  };
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="withdraw-title">
      <Title order={2} fz="md" id="withdraw-title" mb={4}>
        {t('citizen.actions.withdrawTitle')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('citizen.actions.withdrawText')}
      </Text>
      <Button
        variant="outline"
        color="dvRed"
        size="md"
        leftSection={<IconArrowBackUp size={18} aria-hidden />}
        onClick={() => {
          setKey(newIdempotencyKey());
          setError(null);
          setOpen(true);
          setEverOpened(true);
        }}
        data-testid="withdraw-open"
      >
        {t('citizen.actions.withdraw')}
      </Button>
      {/* The dialog (and Mantine's modal code) loads the first time it is opened. */}
      {everOpened && (
        <Suspense fallback={null}>
          <WithdrawDialog
            opened={open}
            onClose={() => setOpen(false)}
            reason={reason}
            onReason={setReason}
            error={error}
            sending={sending}
            onConfirm={() => void confirm()}
          />
        </Suspense>
      )}
    </Card>
  );
}

/** What the applicant may do now; nothing once the dossier is finished. */
export function ApplicantActions({
  dossier,
  secret,
  onChanged,
  onStale,
}: {
  dossier: TrackedDossier;
  secret: string | null;
  onChanged: (next: TrackedDossier) => void;
  onStale: () => void;
}) {
  if (isFinished(dossier)) return null;
  const act: Act = async (action, body, key) => onChanged(await actOnDossier(dossier.code, secret, action, body, key));
  return (
    <Stack gap="md">
      {dossier.state === 'needs_completion' && <SendDocuments dossier={dossier} action="resubmit" act={act} onStale={onStale} />}
      {dossier.state === 'awaiting_documents' && <SendDocuments dossier={dossier} action="supplement" act={act} onStale={onStale} />}
      <Withdraw act={act} onStale={onStale} />
    </Stack>
  );
}
