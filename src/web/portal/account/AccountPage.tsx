// /tai-khoan: a citizen's account: sign in by a one-time code, then "Hồ sơ của tôi" and sign-out.
import { Box, Button, Container, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/client';
import { Crumbs, PortalLayout } from '../PortalLayout';
import catalog from '../catalog.module.css';
import portal from '../portal.module.css';
import { displayContact, signOut, useCitizen } from './citizenSession';
import { MyDossiers } from './MyDossiers';
import { SignInForm } from './SignInForm';

/** Only a path of this site: `next` never sends the citizen elsewhere. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export default function AccountPage() {
  const { t } = useTranslation();
  const me = useCitizen();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const heading = useRef<HTMLHeadingElement>(null);
  const [leaving, setLeaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const signedIn = !!me?.citizen;
  useEffect(() => {
    document.title = `${t(signedIn ? 'citizen.account.mine' : 'citizen.account.title')} · ${t('app.name')}`;
  }, [signedIn, t]);

  return (
    <PortalLayout>
      <Box className={portal.hero}>
        <Container size="md" py={{ base: 20, sm: 28 }}>
          <Crumbs items={[{ label: t('citizen.account.title') }]} />
          <Title order={1} className={catalog.title} ref={heading} tabIndex={-1}>
            {t('citizen.account.title')}
          </Title>
          {me?.citizen && (
            <Group justify="space-between" gap="sm" mt="xs">
              <Text fz="sm" data-testid="signed-in-as">
                {t('citizen.account.signedInAs', { contact: displayContact(me.citizen) })}
              </Text>
              <Button
                variant="default"
                size="sm"
                leftSection={<IconLogout size={16} aria-hidden />}
                loading={leaving}
                onClick={() => {
                  setLeaving(true);
                  setProblem(null);
                  signOut()
                    .then(() => heading.current?.focus())
                    .catch((err: unknown) => setProblem(errorMessage(err)))
                    .finally(() => setLeaving(false));
                }}
                data-testid="sign-out"
              >
                {t('citizen.account.signOut')}
              </Button>
            </Group>
          )}
          {problem && (
            <Text c="dvRed.8" fz="sm" role="alert">
              {problem}
            </Text>
          )}
        </Container>
      </Box>
      <Container size="md" py="lg">
        {me === undefined ? (
          <Stack role="status" aria-label={t('app.loading')}>
            <Skeleton h={80} />
            <Skeleton h={160} />
          </Stack>
        ) : me.citizen ? (
          <MyDossiers />
        ) : (
          <SignInForm
            onSignedIn={() => {
              if (next) void navigate(next);
              else heading.current?.focus();
            }}
          />
        )}
      </Container>
    </PortalLayout>
  );
}
