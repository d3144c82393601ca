// The parts of the letter form: the chooser of the kind with a plain explanation of each, and the writer's details.
import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/RadioCard.css';
import '@mantine/core/styles/RadioIndicator.css';
import { Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LETTER_KINDS, type LetterKind } from './publicLetters';
import classes from './letters.module.css';

export function KindChooser({ value, onChange, error }: { value: LetterKind | ''; onChange: (k: LetterKind) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Radio.Group id="letter-kind" value={value} onChange={(v) => onChange(v as LetterKind)} label={t('letters.submit.kindTitle')} description={t('letters.submit.kindIntro')} required error={error} size="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="sm">
        {LETTER_KINDS.map((k) => (
          <Radio.Card key={k} value={k} radius="md" className={classes.kind} data-testid={`kind-${k}`}>
            <Stack gap={4} p="md">
              <div className={classes.kindHead}>
                <Radio.Indicator aria-hidden />
                <Text fw={700} fz="md">
                  {t(`letters.types.${k}`)}
                </Text>
              </div>
              <Text fz="sm" c="gray.8">
                {t(`letters.submit.kinds.${k}`)}
              </Text>
            </Stack>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}

export interface WriterInput {
  name: string;
  address: string;
  phone: string;
  email: string;
  idNumber: string;
}
export const EMPTY_WRITER: WriterInput = { name: '', address: '', phone: '', email: '', idNumber: '' };

/** The API body: empty fields are not sent (a letter without a name is anonymous; an empty phone would fail its pattern). */
export function writerBody(w: WriterInput) {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(w) as Array<[keyof WriterInput, string]>) if (v.trim()) out[k] = k === 'idNumber' ? v.replace(/\s+/g, '') : v.trim();
  return out;
}

export function WriterFields({ value, onChange, errors }: { value: WriterInput; onChange: (next: WriterInput, changed: keyof WriterInput) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const set = (key: keyof WriterInput) => (e: ChangeEvent<HTMLInputElement>) => onChange({ ...value, [key]: e.currentTarget.value }, key);
  const props = (key: keyof WriterInput) => ({ id: `writer-${key}`, size: 'md' as const, value: value[key], onChange: set(key), error: errors[`writer.${key}`], label: t(`letters.submit.${key}`) });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <TextInput {...props('name')} autoComplete="name" maxLength={200} />
      <TextInput {...props('phone')} type="tel" autoComplete="tel" maxLength={20} />
      <TextInput {...props('address')} autoComplete="street-address" maxLength={500} style={{ gridColumn: '1 / -1' }} />
      <TextInput {...props('email')} type="email" autoComplete="email" maxLength={200} />
      <TextInput {...props('idNumber')} description={t('letters.submit.idNumberHint')} inputMode="numeric" autoComplete="off" maxLength={20} />
    </SimpleGrid>
  );
}
