// The frame of a public tracking page (a dossier, a letter): the heading with the code, then what there is to show: the
// record with a refresh and "look up another", a wait after too many look-ups, or the look-up form.
import { Alert, Anchor, Button, Container, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconRefresh, IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PortalLayout } from '../PortalLayout';
import { LookupForm, type LookupTexts } from '../track/LookupForm';
import { PortalHero } from './PortalHero';
import type { TrackedRecord, Tracking } from './useTracking';

/** The page's own words. */
export interface TrackingTexts {
  title: string;
  intro: string;
  codeLabel: string;
  refresh: string;
  another: string;
  /** Under the look-up form: what to do without the code, and the link. */
  lost: string;
  lostLink: { to: string; label: string };
  /** The look-up form's words when not a dossier's. */
  lookup?: LookupTexts;
}

export function TrackingShell<T extends TrackedRecord>({
  tracking: tr,
  basePath,
  texts,
  headingOf,
  testId,
  children,
}: {
  tracking: Tracking<T>;
  basePath: string;
  texts: TrackingTexts;
  /** The heading over a record shown (the page's title otherwise). */
  headingOf?: (record: T) => string;
  testId: string;
  /** What is shown of the record, above the refresh. */
  children: (record: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const d = tr.data;

  let body;
  if (tr.loading && !d)
    body = (
      <Stack role="status" aria-label={t('app.loading')}>
        <Skeleton h={120} />
        <Skeleton h={200} />
      </Stack>
    );
  else if (d)
    body = (
      <Stack gap="md" data-testid={testId}>
        {tr.wait && (
          <Alert color="dvRed" variant="light" role="alert">
            {tr.wait}
          </Alert>
        )}
        {children(d)}
        <Group gap="sm">
          <Button variant="default" size="md" leftSection={<IconRefresh size={18} aria-hidden />} onClick={tr.refresh} loading={tr.loading}>
            {texts.refresh}
          </Button>
          <Button component={Link} to={basePath} variant="subtle" size="md" leftSection={<IconSearch size={18} aria-hidden />}>
            {texts.another}
          </Button>
        </Group>
      </Stack>
    );
  else if (tr.wait)
    body = (
      <Alert color="dvRed" variant="light" role="alert" title={texts.title}>
        <Text fz="sm">{tr.wait}</Text>
        <Button mt="sm" variant="default" onClick={tr.refresh}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  else
    body = (
      <Stack gap="md">
        <LookupForm initialCode={tr.code} problem={tr.problem} onLookup={tr.lookup} {...(texts.lookup ? { texts: texts.lookup } : {})} />
        <Text fz="sm" c="dimmed">
          {texts.lost}{' '}
          <Anchor component={Link} to={texts.lostLink.to} fz="sm" style={{ textDecoration: 'underline' }}>
            {texts.lostLink.label}
          </Anchor>
        </Text>
      </Stack>
    );

  return (
    <PortalLayout>
      <PortalHero crumbs={d ? [{ label: texts.title, to: basePath }, { label: d.code }] : [{ label: texts.title }]} title={d && headingOf ? headingOf(d) : texts.title} headingRef={tr.heading}>
        {d ? (
          <Text fz="md" mt={4}>
            {texts.codeLabel}{' '}
            <Text component="strong" fw={700} ff="monospace" data-testid="tracked-code">
              {d.code}
            </Text>
          </Text>
        ) : (
          <Text fz="sm" c="gray.8" mt={4}>
            {texts.intro}
          </Text>
        )}
      </PortalHero>
      <Container size="md" py="lg">
        {body}
      </Container>
    </PortalLayout>
  );
}
