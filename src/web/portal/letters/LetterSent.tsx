// After sending a letter: the code and the secret, large and easy to copy, the warning that the secret is shown only this
// once, the tracking link (secret in the fragment), a printable slip, and the way on to follow the letter.
import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconHome, IconPrinter, IconSearch } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CopyValue } from '../dossiers/CopyValue';
import { formatMoment } from '../dossiers/dates';
import classes from '../dossiers/dossiers.module.css';
import { letterTrackingLink, type PublicLetterResult } from './publicLetters';
import own from './letters.module.css';

export function LetterSent({ result, unitName }: { result: PublicLetterResult; unitName: string }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    window.scrollTo({ top: 0 });
  }, []);
  return (
    <Stack gap="md" data-testid="letter-sent">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <IconCircleCheck size={36} color="var(--mantine-color-green-8)" aria-hidden style={{ flex: 'none' }} />
        <div>
          <Title order={1} fz={{ base: 24, sm: 30 }} ref={heading} tabIndex={-1}>
            {t('letters.done.title')}
          </Title>
          <Text mt={4}>{t('letters.done.text', { unit: unitName, at: formatMoment(result.receivedAt) })}</Text>
        </div>
      </Group>

      <Card withBorder radius="md" padding="lg" className={classes.secretBox} component="section" aria-labelledby="keep-title">
        <Title order={2} fz="lg" id="keep-title" mb="sm">
          {t('letters.done.keepTitle')}
        </Title>
        <Stack gap="md">
          <CopyValue label={t('letters.done.code')} value={result.code} testId="letter-code" />
          <CopyValue label={t('letters.done.secret')} value={result.secret} testId="letter-secret" />
        </Stack>
        <Alert color="dvRed" variant="light" mt="md" icon={<IconAlertTriangle size={22} aria-hidden />} title={t('letters.done.onceTitle')}>
          <Text fz="sm">{t('letters.done.onceText')}</Text>
        </Alert>
      </Card>

      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="link-title">
        <Title order={2} fz="md" id="link-title" mb={4}>
          {t('letters.done.linkTitle')}
        </Title>
        <Text fz="sm" c="dimmed" mb="xs">
          {t('letters.done.linkText')}
        </Text>
        <CopyValue label={t('letters.done.link')} value={letterTrackingLink(result.code, result.secret)} testId="letter-link" big={false} />
      </Card>

      <Group gap="sm" className={own.noPrint}>
        <Button component={Link} to={`/tra-cuu-don/${encodeURIComponent(result.code)}`} size="md" leftSection={<IconSearch size={18} aria-hidden />} data-testid="letter-follow">
          {t('letters.done.follow')}
        </Button>
        <Button variant="default" size="md" leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()}>
          {t('letters.done.print')}
        </Button>
        <Button component={Link} to="/" size="md" variant="subtle" leftSection={<IconHome size={18} aria-hidden />}>
          {t('app.backHome')}
        </Button>
      </Group>
    </Stack>
  );
}
