// The code-and-secret form of /tra-cuu: forgiving input (spaces, case and dashes do not matter to the server),
// one neutral message for an unknown code and a wrong secret alike.
import { Alert, Button, Card, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function LookupForm({
  initialCode,
  problem,
  onLookup,
}: {
  initialCode: string;
  /** What went wrong with the last look-up (already in plain words), or null. */
  problem: string | null;
  onLookup: (code: string, secret: string) => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState(initialCode);
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<{ code?: string; secret?: string }>({});
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) alert.current?.focus();
  }, [problem]);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="lookup-title">
      <form
        noValidate
        role="search"
        aria-labelledby="lookup-title"
        data-testid="lookup-form"
        onSubmit={(e) => {
          e.preventDefault();
          const c = code.replace(/\s+/g, '');
          const s = secret.trim();
          const found = { ...(c ? {} : { code: t('citizen.lookup.codeRequired') }), ...(s ? {} : { secret: t('citizen.lookup.secretRequired') }) };
          setErrors(found);
          if (found.code) document.getElementById('lookup-code')?.focus();
          else if (found.secret) document.getElementById('lookup-secret')?.focus();
          else onLookup(c, s);
        }}
      >
        <Stack gap="md">
          <Text fw={600} fz="lg" id="lookup-title">
            {t('citizen.lookup.formTitle')}
          </Text>
          {problem && (
            <Alert ref={alert} tabIndex={-1} color="dvRed" variant="light" role="alert" data-testid="lookup-problem">
              {problem}
            </Alert>
          )}
          <TextInput
            id="lookup-code"
            size="md"
            label={t('citizen.lookup.code')}
            description={t('citizen.lookup.codeHint')}
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={60}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={errors.code}
          />
          <TextInput
            id="lookup-secret"
            size="md"
            label={t('citizen.lookup.secret')}
            description={t('citizen.lookup.secretHint')}
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={100}
            value={secret}
            onChange={(e) => setSecret(e.currentTarget.value)}
            error={errors.secret}
          />
          <Button type="submit" size="md" leftSection={<IconSearch size={18} aria-hidden />} data-testid="lookup-submit">
            {t('citizen.lookup.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
