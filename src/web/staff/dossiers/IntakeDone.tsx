// After a desk intake: the dossier code and the tracking secret, shown once and prominently, with copy buttons,
// the printable form of the decision (opens in a new tab) and the way on to the dossier.
import { Alert, Button, Card, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy, IconFolderOpen, IconPlus, IconPrinter } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DeskIntakeResult } from '../../api/types';
import { formatDate } from '../../format';
import { formUrl } from './dossiers.api';
import classes from './dossiers.module.css';

export type Decision = 'accept' | 'request_completion' | 'refuse' | 'none';
const FORM_OF: Record<Decision, string | null> = { accept: '01', request_completion: '02', refuse: '03', none: null };

function Secret({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text fz="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <Group gap="sm" wrap="wrap">
        <Text className={classes.bigValue} data-testid={testId}>
          {value}
        </Text>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'light' : 'default'} color={copied ? 'green' : undefined} size="xs" onClick={copy} leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}>
              {copied ? t('dossiers.done.copied') : t('dossiers.done.copy', { what: label.toLowerCase() })}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

export function IntakeDone({ result, decision, onAnother }: { result: DeskIntakeResult; decision: Decision; onAnother: () => void }) {
  const { t } = useTranslation();
  const d = result.dossier;
  const form = FORM_OF[decision];
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the result so that a screen reader announces it and the keyboard continues from here.
  useEffect(() => heading.current?.focus(), []);
  return (
    <Card withBorder radius="md" padding="lg" maw={860} data-testid="intake-done">
      <Stack gap="md">
        <Group gap="xs">
          <IconCheck size={28} color="var(--mantine-color-green-7)" aria-hidden />
          <Title order={2} fz="xl" ref={heading} tabIndex={-1}>
            {t(`dossiers.done.title.${decision}`)}
          </Title>
        </Group>
        <Text fz="sm">
          {d.applicant.name} · {d.procedureName}
        </Text>
        <Secret label={t('dossiers.done.code')} value={d.code} testId="intake-code" />
        <Secret label={t('dossiers.done.secret')} value={result.secret} testId="intake-secret" />
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={20} />} role="note">
          {t('dossiers.done.secretWarning')}
        </Alert>
        {d.dueAt && (
          <Text fw={700} data-testid="intake-appointment">
            {t('dossiers.done.appointment', { date: formatDate(d.dueAt) })}
          </Text>
        )}
        <Text fz="sm" c="dimmed">
          {t('dossiers.done.tracking', { url: `${window.location.origin}${result.trackingUrl}` })}
        </Text>
        <Group gap="sm">
          {form && (
            <Button component="a" href={formUrl(d.id, form)} target="_blank" rel="noopener" leftSection={<IconPrinter size={18} aria-hidden />} data-testid="intake-print">
              {t('dossiers.done.print', { form: t(`dossiers.forms.${form}` as 'dossiers.forms.01') })}
            </Button>
          )}
          <Button component={Link} to={`/staff/dossiers/${d.id}`} variant={form ? 'default' : 'filled'} leftSection={<IconFolderOpen size={18} aria-hidden />} data-testid="intake-open">
            {t('dossiers.done.open')}
          </Button>
          <Button variant="subtle" onClick={onAnother} leftSection={<IconPlus size={18} aria-hidden />}>
            {t('dossiers.done.another')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
