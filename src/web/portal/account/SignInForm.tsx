// Citizen sign-in in two steps: an email or mobile number, then the 6-digit code sent to it. The server answers the
// first step the same way whether or not an account exists; an account is made on the first sign-in.
import { Alert, Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconKey, IconSend } from '@tabler/icons-react';
import i18n from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { requestCode, signIn } from './citizenSession';

function problemOf(err: unknown): { field?: string; general?: string } {
  const t = i18n.t.bind(i18n);
  if (err instanceof ApiError) {
    if (err.status === 429) return { general: t('citizen.tooMany', { seconds: err.retryAfter ?? 60 }) };
    if (err.code === 'otp_invalid') return { field: t('citizen.account.codeInvalid') };
    const fields = Object.values(err.fieldErrors('body'));
    if (fields[0]) return { field: fields[0] };
    if (err.status === 0 || err.status >= 500) return { general: t('citizen.account.network') };
    return { general: err.message };
  }
  return { general: t('common.error') };
}

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<'contact' | 'code'>('contact');
  const [contact, setContact] = useState('');
  const [code, setCode] = useState('');
  const [minutes, setMinutes] = useState(10);
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [resent, setResent] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);
  const contactInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    (step === 'code' ? codeInput : contactInput).current?.focus();
  }, [step]);

  const fail = (err: unknown) => {
    const p = problemOf(err);
    setFieldError(p.field ?? null);
    setGeneral(p.general ?? null);
  };

  const send = async (again = false) => {
    if (!contact.trim()) return setFieldError(t('citizen.account.contactRequired'));
    setBusy(true);
    setFieldError(null);
    setGeneral(null);
    try {
      const res = await requestCode(contact.trim());
      setMinutes(res.expiresInMinutes);
      setResent(again);
      setStep('code');
    } catch (err) {
      if (again) setStep('contact');
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const verify = async () => {
    if (!/^\d{6}$/.test(code.trim())) return setFieldError(t('citizen.account.codeFormat'));
    setBusy(true);
    setFieldError(null);
    setGeneral(null);
    try {
      await signIn(contact.trim(), code.trim());
      onSignedIn();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="signin-title" maw={520} data-testid="signin">
      <Title order={2} fz="lg" id="signin-title" mb={4}>
        {t('citizen.account.signInTitle')}
      </Title>
      <Text fz="sm" c="dimmed" mb="md">
        {t('citizen.account.signInIntro')}
      </Text>
      {step === 'contact' ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <Stack gap="md">
            <TextInput
              ref={contactInput}
              size="md"
              label={t('citizen.account.contact')}
              description={t('citizen.account.contactHint')}
              required
              autoComplete="username"
              maxLength={200}
              value={contact}
              onChange={(e) => setContact(e.currentTarget.value)}
              error={fieldError}
            />
            {general && (
              <Alert color="dvRed" variant="light" role="alert">
                {general}
              </Alert>
            )}
            <Button type="submit" size="md" loading={busy} leftSection={<IconSend size={18} aria-hidden />} data-testid="otp-send">
              {t('citizen.account.sendCode')}
            </Button>
          </Stack>
        </form>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void verify();
          }}
        >
          <Stack gap="md">
            <Text fz="sm" role="status" data-testid="otp-sent">
              {t(resent ? 'citizen.account.codeResent' : 'citizen.account.codeSent', { contact: contact.trim(), minutes })}
            </Text>
            <TextInput
              ref={codeInput}
              size="md"
              label={t('citizen.account.code')}
              required
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
              error={fieldError}
              styles={{ input: { letterSpacing: 6, fontSize: 22, fontWeight: 700 } }}
            />
            {general && (
              <Alert color="dvRed" variant="light" role="alert">
                {general}
              </Alert>
            )}
            <Button type="submit" size="md" loading={busy} leftSection={<IconKey size={18} aria-hidden />} data-testid="otp-verify">
              {t('citizen.account.signIn')}
            </Button>
            <Group gap="lg">
              <Anchor component="button" type="button" fz="sm" onClick={() => void send(true)} disabled={busy}>
                {t('citizen.account.resend')}
              </Anchor>
              <Anchor
                component="button"
                type="button"
                fz="sm"
                onClick={() => {
                  setStep('contact');
                  setCode('');
                  setFieldError(null);
                  setGeneral(null);
                }}
              >
                {t('citizen.account.changeContact')}
              </Anchor>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
