// /thu-tuc/:code/nop-ho-so: online submission of one procedure, then the code and secret once it is filed.
import { Anchor, Container, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/client';
import { PortalLayout } from '../PortalLayout';
import { PortalHero } from '../common/PortalHero';
import { useGet, useProcedure } from '../catalog';
import { rememberSecret, type PublicSubmitResult, type ReceivingUnitList } from '../dossiers/publicDossiers';
import { SubmitDone } from './SubmitDone';
import { SubmitForm } from './SubmitForm';

export default function SubmitPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const procedure = useProcedure(code);
  const places = useGet<ReceivingUnitList>(`/api/public/procedures/${encodeURIComponent(code)}/units`);
  const [done, setDone] = useState<{ result: PublicSubmitResult; unitName: string } | null>(null);
  const p = procedure.data;
  useEffect(() => {
    document.title = `${t(done ? 'citizen.done.title' : 'citizen.submit.title')} · ${p?.name ?? ''} · ${t('app.name')}`;
  }, [p, done, t]);

  const back = (
    <Anchor component={Link} to={`/thu-tuc/${encodeURIComponent(code)}`} fz="sm">
      <Group gap={4} component="span" wrap="nowrap">
        <IconArrowLeft size={16} aria-hidden />
        {t('citizen.submit.back')}
      </Group>
    </Anchor>
  );

  let body;
  if (procedure.loading || places.loading) {
    body = (
      <Stack role="status" aria-label={t('app.loading')}>
        <Skeleton h={120} />
        <Skeleton h={240} />
      </Stack>
    );
  } else if (!p || !places.data) {
    const err = procedure.error ?? places.error;
    const missing = err instanceof ApiError && err.status === 404;
    body = (
      <Stack>
        <Title order={1} fz={26}>
          {missing ? t('catalog.notFound') : t('common.error')}
        </Title>
        <Text>{missing ? t('catalog.notFoundText') : errorMessage(err)}</Text>
      </Stack>
    );
  } else if (done) {
    body = <SubmitDone result={done.result} procedureName={p.name} unitName={done.unitName} />;
  } else {
    body = (
      <SubmitForm
        procedure={p}
        places={places.data}
        onDone={(result, unitName) => {
          // In memory only: the tracking page takes it from there ("Theo dõi hồ sơ").
          rememberSecret(result.code, result.secret, false);
          setDone({ result, unitName });
        }}
      />
    );
  }

  return (
    <PortalLayout>
      {!done && (
        <PortalHero
          crumbs={[{ label: t('catalog.title'), to: '/thu-tuc' }, { label: p?.name ?? code, to: `/thu-tuc/${encodeURIComponent(code)}` }, { label: t('citizen.submit.title') }]}
          title={t('citizen.submit.title')}
        >
          {p && (
            <Text fz={{ base: 'md', sm: 'lg' }} fw={600} c="gray.8" mt={4} data-testid="submit-procedure">
              {p.name}
            </Text>
          )}
          <Text fz="sm" c="gray.8" mt="xs">
            {t('citizen.submit.intro')}
          </Text>
        </PortalHero>
      )}
      <Container size="md" py="lg">
        <Stack gap="md">
          {body}
          {!done && back}
        </Stack>
      </Container>
    </PortalLayout>
  );
}
