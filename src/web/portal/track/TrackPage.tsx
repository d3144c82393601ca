// /tra-cuu and /tra-cuu/:code: follow a dossier by its code and secret. The secret comes from the `#s=` fragment of the
// receipt's link, from this tab's memory (after submitting or typing it), or from the form; it is never put in the address.
import { Alert, Anchor, Box, Button, Container, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconRefresh, IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/client';
import { Crumbs, PortalLayout } from '../PortalLayout';
import { forgetSecret, recallSecret, rememberSecret, takeSecretFromFragment, trackDossier, type TrackedDossier } from '../dossiers/publicDossiers';
import catalog from '../catalog.module.css';
import portal from '../portal.module.css';
import { useCitizen } from '../account/citizenSession';
import { ApplicantActions } from './ApplicantActions';
import { DossierStatus } from './DossierStatus';
import { LookupForm } from './LookupForm';
import { RatingForm } from './RatingForm';
import { ReceiptButton } from './ReceiptButton';
import { Timeline } from './Timeline';

interface Loaded {
  data: TrackedDossier | null;
  /** Shown with the form: the neutral "not found", or why the look-up failed. */
  problem: string | null;
  /** Too many look-ups: wait, then try again with the same secret. */
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
  // A signed-in citizen opens their own dossiers without the secret (the session proves them).
  const me = useCitizen();
  const signedIn = !!me?.citizen;
  const [state, setState] = useState<Loaded>({ data: null, problem: null, wait: null, loading: !!code });
  const heading = useRef<HTMLHeadingElement>(null);

  // A link with `#s=` opened while this page is showing (only the fragment changes, so nothing remounts).
  const { hash } = useLocation();
  useEffect(() => {
    const fromLink = code && hash.includes('s=') ? takeSecretFromFragment() : null;
    if (!fromLink) return;
    setSecret(fromLink);
    setVersion((v) => v + 1);
  }, [hash, code]);

  // Kept for a reload of this page; forgotten when the citizen leaves it.
  useEffect(() => {
    if (!code || !secret) return;
    rememberSecret(code, secret);
    return () => forgetSecret(code);
  }, [code, secret]);

  useEffect(() => {
    if (!code || (!secret && me === undefined)) return;
    if (!secret && !signedIn) {
      setState((s) => ({ ...s, loading: false }));
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true, wait: null }));
    trackDossier(code, secret, ctrl.signal).then(
      (data) => setState({ data, problem: null, wait: null, loading: false }),
      (err: unknown) => {
        if (ctrl.signal.aborted) return;
        if (err instanceof ApiError && err.status === 404) {
          forgetSecret(code);
          setSecret(null);
          // Not the account's own dossier: the secret is needed (no message, as nothing was typed).
          setState({ data: null, problem: secret ? t('citizen.lookup.notFound') : null, wait: null, loading: false });
        } else if (err instanceof ApiError && err.status === 429) {
          setState((s) => ({ ...s, wait: t('citizen.tooMany', { seconds: err.retryAfter ?? 60 }), loading: false }));
        } else setState((s) => ({ ...s, wait: errorMessage(err), loading: false }));
      },
    );
    return () => ctrl.abort();
    // The server words the states in the page's language: read again when it changes.
  }, [code, secret, version, i18n.language, signedIn, me === undefined]);

  const shownCode = state.data?.code;
  useEffect(() => {
    if (shownCode) heading.current?.focus();
  }, [shownCode]);

  const d = state.data;
  useEffect(() => {
    document.title = `${d ? `${d.code} · ${d.stateLabel}` : t('citizen.lookup.title')} · ${t('app.name')}`;
  }, [d, t]);

  const lookup = (c: string, s: string) => {
    rememberSecret(c, s, false);
    if (c === code) {
      setSecret(s);
      setVersion((v) => v + 1);
    } else void navigate(`/tra-cuu/${encodeURIComponent(c)}`);
  };

  const hero = (
    <Box className={portal.hero}>
      <Container size="md" py={{ base: 20, sm: 28 }}>
        <Crumbs items={d ? [{ label: t('citizen.lookup.title'), to: '/tra-cuu' }, { label: d.code }] : [{ label: t('citizen.lookup.title') }]} />
        <Title order={1} className={catalog.title} ref={heading} tabIndex={-1}>
          {d ? d.procedureName : t('citizen.lookup.title')}
        </Title>
        {d ? (
          <Text fz="md" mt={4}>
            {t('citizen.track.code')}{' '}
            <Text component="strong" fw={700} ff="monospace" data-testid="tracked-code">
              {d.code}
            </Text>
          </Text>
        ) : (
          <Text fz="sm" c="gray.8" mt={4}>
            {t('citizen.lookup.intro')}
          </Text>
        )}
      </Container>
    </Box>
  );

  let body;
  if (state.loading && !d) {
    body = (
      <Stack role="status" aria-label={t('app.loading')}>
        <Skeleton h={120} />
        <Skeleton h={200} />
      </Stack>
    );
  } else if (d) {
    body = (
      <Stack gap="md" data-testid="tracked-dossier">
        {state.wait && (
          <Alert color="dvRed" variant="light" role="alert">
            {state.wait}
          </Alert>
        )}
        <DossierStatus dossier={d} />
        {d.receivedAt && <ReceiptButton code={d.code} secret={secret} />}
        <ApplicantActions
          dossier={d}
          secret={secret}
          onChanged={(next) => {
            setState((s) => ({ ...s, data: next }));
            // The view of an action lacks the rating fields: read the whole view again, and tell where things now stand.
            setVersion((v) => v + 1);
            requestAnimationFrame(() => document.getElementById('state-title')?.focus());
          }}
          onStale={() => setVersion((v) => v + 1)}
        />
        <RatingForm dossier={d} secret={secret} onRated={() => setVersion((v) => v + 1)} />
        <Timeline dossier={d} />
        <Group gap="sm">
          <Button variant="default" size="md" leftSection={<IconRefresh size={18} aria-hidden />} onClick={() => setVersion((v) => v + 1)} loading={state.loading}>
            {t('citizen.track.refresh')}
          </Button>
          <Button component={Link} to="/tra-cuu" variant="subtle" size="md" leftSection={<IconSearch size={18} aria-hidden />}>
            {t('citizen.track.another')}
          </Button>
        </Group>
      </Stack>
    );
  } else if (state.wait) {
    body = (
      <Alert color="dvRed" variant="light" role="alert" title={t('citizen.lookup.title')}>
        <Text fz="sm">{state.wait}</Text>
        <Button mt="sm" variant="default" onClick={() => setVersion((v) => v + 1)}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  } else {
    body = (
      <Stack gap="md">
        <LookupForm initialCode={code} problem={state.problem} onLookup={lookup} />
        <Text fz="sm" c="dimmed">
          {t('citizen.lookup.lost')}{' '}
          <Anchor component={Link} to="/thu-tuc" fz="sm" style={{ textDecoration: 'underline' }}>
            {t('portal.proceduresLink')}
          </Anchor>
        </Text>
      </Stack>
    );
  }

  return (
    <PortalLayout>
      {hero}
      <Container size="md" py="lg">
        {body}
      </Container>
    </PortalLayout>
  );
}

export default function TrackPage() {
  const { code = '' } = useParams();
  // A new code is a new page: nothing of the previous dossier (or its secret) carries over.
  return <Tracking key={code} code={code} />;
}
