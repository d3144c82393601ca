// After an online submission: the dossier code and the secret, large and easy to copy, the warning that the secret is
// shown only this once, the tracking link (secret in the fragment), and the way on to follow the dossier.
import { Button, Group, Stack, Text } from '@mantine/core';
import { IconHome, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { trackingLink, type PublicSubmitResult } from '../dossiers/publicDossiers';
import { SentHeading, SentKeys } from '../dossiers/SentKeys';

export function SubmitDone({ result, procedureName, unitName }: { result: PublicSubmitResult; procedureName: string; unitName: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="submit-done">
      <SentHeading title={t('citizen.done.title')} text={t('citizen.done.text', { procedure: procedureName, unit: unitName })} />
      <SentKeys
        prefix="citizen.done"
        code={result.code}
        secret={result.secret}
        link={trackingLink(result.code, result.secret)}
        testIds={{ code: 'dossier-code', secret: 'dossier-secret', link: 'tracking-link' }}
        note={
          <Text fz="sm" mt="md">
            {t('citizen.receipt.later')}
          </Text>
        }
      />
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
