// After an online submission: the dossier code and the secret, large and easy to copy, the warning that the secret is
// shown only this once, the tracking link (secret in the fragment), and the way on to follow the dossier.
import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconHome, IconSearch } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CopyValue } from '../dossiers/CopyValue';
import { trackingLink, type PublicSubmitResult } from '../dossiers/publicDossiers';
import classes from '../dossiers/dossiers.module.css';

export function SubmitDone({ result, procedureName, unitName }: { result: PublicSubmitResult; procedureName: string; unitName: string }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    window.scrollTo({ top: 0 });
  }, []);
  return (
    <Stack gap="md" data-testid="submit-done">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <IconCircleCheck size={36} color="var(--mantine-color-green-8)" aria-hidden style={{ flex: 'none' }} />
        <div>
          <Title order={1} fz={{ base: 24, sm: 30 }} ref={heading} tabIndex={-1}>
            {t('citizen.done.title')}
          </Title>
          <Text mt={4}>{t('citizen.done.text', { procedure: procedureName, unit: unitName })}</Text>
        </div>
      </Group>

      <Card withBorder radius="md" padding="lg" className={classes.secretBox} component="section" aria-labelledby="keep-title">
        <Title order={2} fz="lg" id="keep-title" mb="sm">
          {t('citizen.done.keepTitle')}
        </Title>
        <Stack gap="md">
          <CopyValue label={t('citizen.done.code')} value={result.code} testId="dossier-code" />
          <CopyValue label={t('citizen.done.secret')} value={result.secret} testId="dossier-secret" />
        </Stack>
        <Text fz="sm" mt="md">
          {t('citizen.receipt.later')}
        </Text>
        <Alert color="dvRed" variant="light" mt="md" icon={<IconAlertTriangle size={22} aria-hidden />} title={t('citizen.done.onceTitle')}>
          <Text fz="sm">{t('citizen.done.onceText')}</Text>
        </Alert>
      </Card>

      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="link-title">
        <Title order={2} fz="md" id="link-title" mb={4}>
          {t('citizen.done.linkTitle')}
        </Title>
        <Text fz="sm" c="dimmed" mb="xs">
          {t('citizen.done.linkText')}
        </Text>
        <CopyValue label={t('citizen.done.link')} value={trackingLink(result.code, result.secret)} testId="tracking-link" big={false} />
      </Card>

      <Group gap="sm">
        <Button component={Link} to={`/tra-cuu/${encodeURIComponent(result.code)}`} size="md" leftSection={<IconSearch size={18} aria-hidden />}>
          {t('citizen.done.follow')}
        </Button>
        <Button component={Link} to="/" size="md" variant="default" leftSection={<IconHome size={18} aria-hidden />}>
          {t('app.backHome')}
        </Button>
      </Group>
    </Stack>
  );
}
