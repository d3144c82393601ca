// The code-and-secret form of /tra-cuu (and, with its own words, of /tra-cuu-don): forgiving input (spaces, case and dashes do not matter to the server),
// one neutral message for an unknown code and a wrong secret alike.
import { Alert, Button, Card, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The words of another record than a dossier (a letter: "Mã đơn"). */
export interface LookupTexts {
  formTitle: string;
  code: string;
  codeHint: string;
  secretHint: string;
  submit: string;
  codeRequired: string;
}

export function LookupForm({
  initialCode,
  problem,
  onLookup,
  texts,
}: {
  texts?: LookupTexts;
  initialCode: string;
  /** What went wrong with the last look-up (already in plain words), or null. */
  problem: string | null;
  onLookup: (code: string, secret: string) => void;
}) {
  const { t } = useTranslation();
  const w: LookupTexts = texts ?? {
    formTitle: t('citizen.lookup.formTitle'),
    code: t('citizen.lookup.code'),
    codeHint: t('citizen.lookup.codeHint'),
    secretHint: t('citizen.lookup.secretHint'),
    submit: t('citizen.lookup.submit'),
    codeRequired: t('citizen.lookup.codeRequired'),
  };
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
          const found = { ...(c ? {} : { code: w.codeRequired }), ...(s ? {} : { secret: t('citizen.lookup.secretRequired') }) };
          setErrors(found);
          if (found.code) document.getElementById('lookup-code')?.focus();
          else if (found.secret) document.getElementById('lookup-secret')?.focus();
          else onLookup(c, s);
        }}
      >
        <Stack gap="md">
          <Text fw={600} fz="lg" id="lookup-title">
            {w.formTitle}
          </Text>
          {problem && (
            <Alert ref={alert} tabIndex={-1} color="dvRed" variant="light" role="alert" data-testid="lookup-problem">
              {problem}
            </Alert>
          )}
          <TextInput
            id="lookup-code"
            size="md"
            label={w.code}
            description={w.codeHint}
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
            description={w.secretHint}
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
            {w.submit}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
