// Shown on the letter's page right after an officer recorded it: the code and the secret to hand to the writer
// (only the secret's hash is kept: it is shown this once), with the tracking address.
import { Alert, Button, Code, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { IntakeNoticeState } from './LetterIntakePage';

export function RecordedNotice({ code }: { code: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const recorded = (location.state as IntakeNoticeState | null)?.recorded;
  if (!recorded) return null;
  return (
    <Alert color="green" icon={<IconCircleCheck aria-hidden />} title={t('letters.intake.recorded', { code })} mb="md" data-testid="letter-recorded" role="status">
      <Stack gap={6}>
        <Text fz="sm">
          {t('letters.intake.code')}: <Code fz="md" data-testid="recorded-code">{code}</Code>
        </Text>
        <Text fz="sm">
          {t('letters.intake.secret')}: <Code fz="md" data-testid="recorded-secret">{recorded.secret}</Code>
        </Text>
        <Text fz="sm">{t('letters.intake.secretHint', { url: recorded.trackingUrl.startsWith('/') ? `${window.location.origin}${recorded.trackingUrl}` : recorded.trackingUrl })}</Text>
        <Button variant="default" size="compact-sm" style={{ alignSelf: 'flex-start' }} onClick={() => void navigate(location.pathname, { replace: true, state: null })}>
          {t('letters.intake.handedOver')}
        </Button>
      </Stack>
    </Alert>
  );
}
