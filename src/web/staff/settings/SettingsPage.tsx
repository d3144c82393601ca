// Installation settings for root administrators: the dossier code format, with a live preview and the list of tokens.
import { Button, Code, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { CodeSettings } from '../../api/types';
import { formatCode, formatProblem } from '../../../common/dossier-codes';
import { FormError } from '../FormModal';
import { ErrorAlert, PageHeader, SectionCard } from '../common';
import { useFormMutation } from '../forms';

const KEY = ['settings', 'dossier-codes'] as const;
const TOKENS = ['agency', 'unit', 'yymmdd', 'yyyy', 'yy', 'mm', 'dd', 'seq:4'] as const;

export default function SettingsPage() {
  const { t } = useTranslation();
  const current = useQuery({ queryKey: KEY, queryFn: () => api<CodeSettings>('/api/settings/dossier-codes') });
  return (
    <>
      <PageHeader title={t('codeSettings.pageTitle')} description={t('codeSettings.pageDescription')} />
      {current.error && <ErrorAlert error={current.error} />}
      {current.data && <CodeFormatForm settings={current.data} />}
    </>
  );
}

function CodeFormatForm({ settings }: { settings: CodeSettings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({ initialValues: { codeFormat: settings.codeFormat } });
  const save = useFormMutation(form, {
    mutationFn: (v: typeof form.values) => api<CodeSettings>('/api/settings/dossier-codes', { method: 'PUT', body: v }),
    onSuccess: (saved) => {
      notifications.show({ color: 'green', message: t('codeSettings.saved', { example: saved.example }) });
      client.setQueryData(KEY, saved);
    },
  });
  const format = form.values.codeFormat.trim();
  const problem = format ? formatProblem(format) : null;
  // The first code of today at the server's sample agency, in the format being typed.
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const preview = format && !problem ? formatCode(format, { ...settings.sample, day: today, seq: 1 }) : null;

  return (
    <SectionCard id="code-format-title" title={t('codeSettings.title')} description={t('codeSettings.description')}>
      <form onSubmit={save.submit} noValidate>
        <Stack gap="sm">
          <FormError error={save.error} />
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('codeSettings.format')}
              description={t('codeSettings.formatHelp', { default: settings.defaultFormat })}
              style={{ flex: '1 1 320px' }}
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
              autoComplete="off"
              spellCheck={false}
              {...form.getInputProps('codeFormat')}
              error={form.errors.codeFormat ?? (problem ? t(`codeSettings.problems.${problem}`) : undefined)}
            />
            <Button type="submit" loading={save.isPending} disabled={!!problem || format === settings.codeFormat}>
              {t('common.save')}
            </Button>
            <Button variant="subtle" onClick={() => form.setFieldValue('codeFormat', settings.defaultFormat)}>
              {t('codeSettings.useDefault')}
            </Button>
          </Group>
          <Text fz="sm" aria-live="polite">
            {t('codeSettings.preview')}: <Code fz="sm">{preview ?? '—'}</Code>
          </Text>
          <Table withTableBorder fz="sm" captionSide="top" maw={640}>
            <Table.Caption>{t('codeSettings.tokensCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('codeSettings.token')}</Table.Th>
                <Table.Th scope="col">{t('codeSettings.meaning')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {TOKENS.map((token) => (
                <Table.Tr key={token}>
                  <Table.Td>
                    <Code>{`{${token}}`}</Code>
                  </Table.Td>
                  <Table.Td>{t(`codeSettings.tokens.${token === 'seq:4' ? 'seq' : token}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </form>
    </SectionCard>
  );
}
