// What the writer may do once a case has ended: rate the handling (once), and ask, within the window, for it to be handled
// again; after the window, the page says so plainly with its last day. Whether and until when the writer may ask comes from
// the server (the rule it checks the request by). Both send the tracking secret in its header like the page's other calls.
import '@mantine/core/styles/Radio.css';
import { Alert, Button, Card, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { RATING_LEVELS, type RatingLevel } from '../../../common/letter-resolution.schema';
import { formatDay } from '../dossiers/dates';
import { rateLetterCase, reopenLetterCase, type TrackedCase } from './publicLetters';

export interface WriterAccess {
  letterCode: string;
  secret: string;
  /** Read the letter again after a rating or a request. */
  onChanged: () => void;
}

function RatingForm({ c, access }: { c: TrackedCase; access: WriterAccess }) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<RatingLevel | ''>('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = () => {
    if (!level) return setError(t('letters.afterEnd.chooseLevel'));
    setBusy(true);
    setError(null);
    rateLetterCase(access.letterCode, access.secret, { caseCode: c.code, level, ...(comment.trim() ? { comment: comment.trim() } : {}) }).then(
      () => access.onChanged(),
      (err: unknown) => {
        setBusy(false);
        setError(errorMessage(err));
      },
    );
  };
  return (
    <Stack gap="sm" data-testid="rating-form">
      <Radio.Group label={t('letters.afterEnd.rateTitle')} value={level} onChange={(v) => {
          setLevel(RATING_LEVELS.find((l) => l === v) ?? '');
          setError(null);
        }} error={error && !level ? error : undefined}>
        <Group gap="md" mt={6}>
          {RATING_LEVELS.map((l) => (
            <Radio key={l} value={l} label={t(`letters.afterEnd.levels.${l}`)} />
          ))}
        </Group>
      </Radio.Group>
      <Textarea label={t('letters.afterEnd.comment')} autosize minRows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
      {error && level && (
        <Alert color="dvRed" variant="light" role="alert">
          {error}
        </Alert>
      )}
      <Button onClick={send} loading={busy} style={{ alignSelf: 'flex-start' }} data-testid="rating-send">
        {t('letters.afterEnd.rateSend')}
      </Button>
    </Stack>
  );
}

function ReopenForm({ c, until, access }: { c: TrackedCase; until: string | null; access: WriterAccess }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = () => {
    if (reason.trim().length < 10) return setError(t('letters.afterEnd.reasonShort'));
    setBusy(true);
    setError(null);
    reopenLetterCase(access.letterCode, access.secret, { caseCode: c.code, reason: reason.trim() }).then(
      () => access.onChanged(),
      (err: unknown) => {
        setBusy(false);
        // A window that closed while the page was open, or a case reopened already: the server's refusal, in full.
        setRefused(errorMessage(err));
      },
    );
  };
  if (refused)
    return (
      <Alert color="dvRed" variant="light" role="alert" title={t('letters.afterEnd.refused')} data-testid="reopen-refused">
        {refused}
      </Alert>
    );
  return (
    <Stack gap="sm" data-testid="reopen">
      {until && <Text fz="sm">{t('letters.afterEnd.reopenUntil', { date: formatDay(until) })}</Text>}
      {open ? (
        <>
          <Textarea
            label={t('letters.afterEnd.reason')}
            description={t('letters.afterEnd.reasonHint')}
            required
            autosize
            minRows={3}
            maxLength={4000}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setError(null);
            }}
            error={error}
          />
          <Group gap="sm">
            <Button onClick={send} loading={busy} data-testid="reopen-send">
              {t('letters.afterEnd.reopenSend')}
            </Button>
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </>
      ) : (
        <Button variant="default" onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }} data-testid="reopen-open">
          {t('letters.afterEnd.reopen')}
        </Button>
      )}
    </Stack>
  );
}

export function AfterEnd({ c, access }: { c: TrackedCase; access: WriterAccess }) {
  const { t } = useTranslation();
  const a = c.afterEnd;
  if (!c.finishedAt) return null;
  const windowClosed = a.canReopen ? null : a.reopenEndedAt;
  if (!a.rating && !a.canRate && !a.canReopen && !windowClosed) return null;
  return (
    <Card withBorder radius="md" padding="md" bg="gray.0" data-testid="after-end">
      <Stack gap="md">
        <Title order={3} fz="md">
          {t('letters.afterEnd.title')}
        </Title>
        {a.rating ? (
          <Text fz="sm" data-testid="rating-given">
            {t('letters.afterEnd.rated', { level: a.rating.levelLabel, date: formatDay(a.rating.at) })}
            {a.rating.comment ? ` “${a.rating.comment}”` : ''}
          </Text>
        ) : (
          a.canRate && <RatingForm c={c} access={access} />
        )}
        {a.canReopen && <ReopenForm c={c} until={a.reopenUntil} access={access} />}
        {windowClosed && (
          <Alert color="orange" variant="light" title={t('letters.afterEnd.closedTitle')} data-testid="reopen-closed">
            {t('letters.afterEnd.closed', { date: formatDay(windowClosed) })}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
