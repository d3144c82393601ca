// /tra-cuu-don and /tra-cuu-don/:code: follow a letter by its code and secret. The secret comes from the `#s=` fragment of the
// link, from this tab's memory (after sending or typing it), or from the form; it is never put in the address.
import { Alert, Anchor, Box, Button, Container, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconRefresh, IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/client';
import catalog from '../catalog.module.css';
import { forgetSecret, recallSecret, rememberSecret, takeSecretFromFragment } from '../dossiers/publicDossiers';
import dossiers from '../dossiers/dossiers.module.css';
import portal from '../portal.module.css';
import { Crumbs, PortalLayout } from '../PortalLayout';
import { LookupForm } from '../track/LookupForm';
import { LetterStatus } from './LetterStatus';
import { trackLetter, type PublicLetterView } from './publicLetters';

interface Loaded {
  data: PublicLetterView | null;
  problem: string | null;
  wait: string | null;
  loading: boolean;
}

function Tracking({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [secret, setSecret] = useState<string | null>(() => {
    if (!code) return null;
    const fromLink = takeSecretFromFragment();
    if (fromLink) rememberSecret(code, fromLink);
    return fromLink ?? recallSecret(code);
  });
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<Loaded>({ data: null, problem: null, wait: null, loading: !!code && !!secret });
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!code || !secret) return;
    rememberSecret(code, secret);
    return () => forgetSecret(code);
  }, [code, secret]);

  useEffect(() => {
    if (!code || !secret) return;
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true, wait: null }));
    trackLetter(code, secret, ctrl.signal).then(
      (data) => setState({ data, problem: null, wait: null, loading: false }),
      (err: unknown) => {
        if (ctrl.signal.aborted) return;
        if (err instanceof ApiError && err.status === 404) {
          forgetSecret(code);
          setSecret(null);
          setState({ data: null, problem: t('letters.track.notFound'), wait: null, loading: false });
        } else if (err instanceof ApiError && err.status === 429) setState((s) => ({ ...s, wait: t('citizen.tooMany', { seconds: err.retryAfter ?? 60 }), loading: false }));
        else setState((s) => ({ ...s, wait: errorMessage(err), loading: false }));
      },
    );
    return () => ctrl.abort();
    // The server words the states in the page's language: read again when it changes.
  }, [code, secret, version, i18n.language]);

  const d = state.data;
  useEffect(() => {
    if (d?.code) heading.current?.focus();
  }, [d?.code]);
  useEffect(() => {
    document.title = `${d ? `${d.code} · ${d.stateLabel}` : t('letters.track.title')} · ${t('app.name')}`;
  }, [d, t]);

  const lookup = (c: string, s: string) => {
    rememberSecret(c, s, false);
    if (c === code) {
      setSecret(s);
      setVersion((v) => v + 1);
    } else void navigate(`/tra-cuu-don/${encodeURIComponent(c)}`);
  };

  let body;
  if (state.loading && !d)
    body = (
      <Stack role="status" aria-label={t('app.loading')}>
        <Skeleton h={120} />
        <Skeleton h={200} />
      </Stack>
    );
  else if (d)
    body = (
      <Stack gap="md" data-testid="tracked-letter">
        {state.wait && (
          <Alert color="dvRed" variant="light" role="alert">
            {state.wait}
          </Alert>
        )}
        <LetterStatus letter={d} access={secret ? { letterCode: d.code, secret, onChanged: () => setVersion((v) => v + 1) } : undefined} />
        <Group gap="sm">
          <Button variant="default" size="md" leftSection={<IconRefresh size={18} aria-hidden />} onClick={() => setVersion((v) => v + 1)} loading={state.loading}>
            {t('letters.track.refresh')}
          </Button>
          <Button component={Link} to="/tra-cuu-don" variant="subtle" size="md" leftSection={<IconSearch size={18} aria-hidden />}>
            {t('letters.track.another')}
          </Button>
        </Group>
      </Stack>
    );
  else if (state.wait)
    body = (
      <Alert color="dvRed" variant="light" role="alert" title={t('letters.track.title')}>
        <Text fz="sm">{state.wait}</Text>
        <Button mt="sm" variant="default" onClick={() => setVersion((v) => v + 1)}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  else
    body = (
      <Stack gap="md">
        <LookupForm
          initialCode={code}
          problem={state.problem}
          onLookup={lookup}
          texts={{
            formTitle: t('letters.track.formTitle'),
            code: t('letters.track.code'),
            codeHint: t('letters.track.codeHint'),
            secretHint: t('letters.track.secretHint'),
            submit: t('letters.track.submit'),
            codeRequired: t('letters.track.codeRequired'),
          }}
        />
        <Text fz="sm" c="dimmed">
          {t('letters.track.lost')}{' '}
          <Anchor component={Link} to="/gui-don" fz="sm" style={{ textDecoration: 'underline' }}>
            {t('letters.portal.send')}
          </Anchor>
        </Text>
      </Stack>
    );

  return (
    <PortalLayout>
      <Box className={portal.hero}>
        <Container size="md" py={{ base: 20, sm: 28 }}>
          <Crumbs items={d ? [{ label: t('letters.track.title'), to: '/tra-cuu-don' }, { label: d.code }] : [{ label: t('letters.track.title') }]} />
          <Title order={1} className={catalog.title} ref={heading} tabIndex={-1}>
            {t('letters.track.title')}
          </Title>
          {d ? (
            <Text fz="md" mt={4}>
              {t('letters.track.codeLabel')}{' '}
              <Text component="strong" fw={700} ff="monospace" data-testid="tracked-code">
                {d.code}
              </Text>
            </Text>
          ) : (
            <Text fz="sm" c="gray.8" mt={4}>
              {t('letters.track.intro')}
            </Text>
          )}
        </Container>
      </Box>
      <Container size="md" py="lg" className={dossiers.errors}>
        {body}
      </Container>
    </PortalLayout>
  );
}

export default function LetterTrackPage() {
  const { code = '' } = useParams();
  return <Tracking key={code} code={code} />;
}
