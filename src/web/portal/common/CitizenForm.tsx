// The shell of a citizen's form on the portal (a dossier, a letter): its sections, the summary of what stops it from being
// sent (focused after each failed send; each line moves the focus to its field), the declaration and the send button, and
// the state behind them: the errors by field, the server's field errors put on their fields, the sending flag.
import { Button, Card, Checkbox, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorSummary, type SummaryItem } from '../dossiers/ErrorSummary';

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

/** Where the form goes: a native select (easy on a phone and with a screen reader), its first option asking to choose. */
export function PlaceSelect({
  id,
  texts,
  value,
  onChange,
  error,
  options,
}: {
  id: string;
  texts: { label: string; hint: string; placeholder: string };
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  options: Array<{ value: string; label: string }>;
}) {
  return (
    <NativeSelect
      id={id}
      size="md"
      label={texts.label}
      description={texts.hint}
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      data={[{ value: '', label: texts.placeholder }, ...options]}
    />
  );
}

/** The words of a form's closing card. */
export interface SendTexts {
  consentLabel: string;
  sendLabel: string;
  hint: string;
  testId: string;
}

/** The declaration and the send button closing a citizen's form. */
function SendCard({ consent, onConsent, error, sending, texts }: { consent: boolean; onConsent: (checked: boolean) => void; error: string | undefined; sending: boolean; texts: SendTexts }) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Checkbox id="consent" size="md" checked={consent} onChange={(e) => onConsent(e.currentTarget.checked)} label={texts.consentLabel} error={error} />
      <Button type="submit" size="lg" mt="lg" fullWidth loading={sending} leftSection={<IconSend size={20} aria-hidden />} data-testid={texts.testId}>
        {texts.sendLabel}
      </Button>
      <Text fz="xs" c="dimmed" mt="xs" ta="center">
        {texts.hint}
      </Text>
    </Card>
  );
}

export interface CitizenFormOptions {
  /** The id of the control that shows an API field path's error (body.writer.phone → writer.phone); none: the summary only. */
  targetOf: (path: string) => string | undefined;
  /** The form's list of files (`documents`, `attachments`): the errors of its entries are the list's. */
  list: string;
  /** The server only says a pattern failed: what the pattern is, by API path. */
  formatHints: Record<string, string>;
  texts: { consentRequired: string; changedAfterSend: string; network: string };
}

/** The state of a citizen's form: errors by field (API paths without `body.`), messages of no field, the declaration. */
export function useCitizenForm(o: CitizenFormOptions) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [version, setVersion] = useState(0);
  const [sending, setSending] = useState(false);
  const [consent, setConsentValue] = useState(false);

  /** An edited field loses its error (and its line in the summary). */
  const clear = useCallback(
    (key: string) =>
      setErrors((e) => {
        if (!(key in e)) return e;
        const rest = { ...e };
        delete rest[key];
        return rest;
      }),
    [],
  );
  const fail = (fieldErrors: Record<string, string>, other: string[] = []) => {
    setErrors(fieldErrors);
    setGeneral(other);
    setVersion((v) => v + 1);
  };
  const setConsent = (v: boolean) => {
    setConsentValue(v);
    clear('consent');
  };

  /** Shows `found` (the form's own checks, the declaration added) or sends; a refusal lands on its fields and in the summary. */
  const run = async (found: Record<string, string>, send: () => Promise<void>) => {
    const problems = { ...found, ...(consent ? {} : { consent: o.texts.consentRequired }) };
    if (Object.keys(problems).length) return fail(problems);
    setSending(true);
    try {
      await send();
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.fields.length) {
        const fieldErrors: Record<string, string> = {};
        const other: string[] = [];
        for (const [path, message] of Object.entries(err.fieldErrors('body'))) {
          const key = path.startsWith(o.list) ? o.list : path;
          if (o.targetOf(path)) fieldErrors[key] ??= o.formatHints[path] ?? message;
          else other.push(message);
        }
        fail(fieldErrors, other);
      } else if (err instanceof ApiError && err.status === 429) fail({}, [t('citizen.tooMany', { seconds: err.retryAfter ?? 60 })]);
      else if (err instanceof ApiError && err.code === 'idempotency_key_reused') fail({}, [o.texts.changedAfterSend]);
      else if (err instanceof ApiError && (err.status === 0 || err.status >= 500)) fail({}, [o.texts.network]);
      else fail({}, [err instanceof Error ? err.message : t('common.error')]);
    } finally {
      setSending(false);
    }
  };

  const summary: SummaryItem[] = [
    ...Object.entries(errors).map(([path, text]) => ({ text, target: path === 'consent' ? 'consent' : o.targetOf(path) })),
    ...general.map((text) => ({ text })),
  ];
  return { errors, clear, run, sending, consent, setConsent, summary, version };
}

export type CitizenFormState = ReturnType<typeof useCitizenForm>;

/** The form: the summary of problems on top, the sections, the declaration and the send button below. */
export function CitizenFormShell({
  form,
  problemsTitle,
  testId,
  onSubmit,
  send,
  children,
}: {
  form: CitizenFormState;
  problemsTitle: string;
  testId: string;
  onSubmit: () => Promise<void>;
  send: SendTexts;
  children: ReactNode;
}) {
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
      aria-busy={form.sending}
      data-testid={testId}
    >
      <Stack gap="md">
        <ErrorSummary title={problemsTitle} items={form.summary} version={form.version} />
        {children}
        <SendCard consent={form.consent} onConsent={form.setConsent} error={form.errors.consent} sending={form.sending} texts={send} />
      </Stack>
    </form>
  );
}
