// /gui-don: send a complaint, denunciation, petition or feedback online without an account; then the code and the secret.
import { Container, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useGet } from '../catalog';
import { rememberSecret } from '../dossiers/publicDossiers';
import { PortalLayout } from '../PortalLayout';
import { PortalHero } from '../common/PortalHero';
import { LetterForm } from './LetterForm';
import { LetterSent } from './LetterSent';
import type { LetterUnitList, PublicLetterResult } from './publicLetters';

export default function LetterSubmitPage() {
  const { t } = useTranslation();
  const units = useGet<LetterUnitList>('/api/public/letter-units');
  const [done, setDone] = useState<{ result: PublicLetterResult; unitName: string } | null>(null);
  useEffect(() => {
    document.title = `${t(done ? 'letters.done.title' : 'letters.submit.title')} · ${t('app.name')}`;
  }, [done, t]);

  let body;
  if (units.loading)
    body = (
      <Stack role="status" aria-label={t('app.loading')}>
        <Skeleton h={160} />
        <Skeleton h={240} />
      </Stack>
    );
  else if (!units.data)
    body = (
      <Stack>
        <Title order={2} fz={22}>
          {t('common.error')}
        </Title>
        <Text>{errorMessage(units.error)}</Text>
      </Stack>
    );
  else if (done) body = <LetterSent result={done.result} unitName={done.unitName} />;
  else
    body = (
      <LetterForm
        units={units.data.items}
        onDone={(result, unitName) => {
          // In memory only: the tracking page takes it from there ("Theo dõi đơn").
          rememberSecret(result.code, result.secret, false);
          setDone({ result, unitName });
        }}
      />
    );

  return (
    <PortalLayout>
      {!done && (
        <PortalHero crumbs={[{ label: t('letters.submit.title') }]} title={t('letters.submit.title')}>
          <Text fz="sm" c="gray.8" mt="xs">
            {t('letters.submit.intro')}
          </Text>
        </PortalHero>
      )}
      <Container size="md" py="lg">
        {body}
      </Container>
    </PortalLayout>
  );
}
