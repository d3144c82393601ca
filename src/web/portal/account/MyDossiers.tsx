// "Hồ sơ của tôi": the signed-in citizen's dossiers (state, due date), each opened without the secret; a dossier filed
// before signing in is added with its code and secret.
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../../api/client';
import { formatDay, formatMoment } from '../dossiers/dates';
import { claimDossier, myDossiers, type CitizenDossierItem } from './citizenSession';

function DossierCard({ d }: { d: CitizenDossierItem }) {
  const { t } = useTranslation();
  return (
    <Card component="article" withBorder radius="md" padding="md" data-code={d.code}>
      <Anchor component={Link} to={`/tra-cuu/${encodeURIComponent(d.code)}`} fw={600} fz="md" style={{ overflowWrap: 'anywhere' }}>
        {d.procedureName}
      </Anchor>
      <Text fz="sm" c="gray.7" mt={2} ff="monospace">
        {d.code}
      </Text>
      <Group gap={6} mt="xs">
        <Badge variant="light" color={d.finishedAt ? 'gray' : 'dvBlue'} styles={{ root: { textTransform: 'none', height: 'auto', whiteSpace: 'normal', paddingBlock: 4 } }}>
          {d.stateLabel}
        </Badge>
      </Group>
      <Text fz="sm" mt="xs">
        {d.dueAt && !d.finishedAt ? t('citizen.account.due', { date: formatDay(d.dueAt) }) : t('citizen.account.submitted', { date: formatMoment(d.submittedAt) })}
      </Text>
      <Text fz="xs" c="gray.7">
        {d.receivingUnitName}
      </Text>
    </Card>
  );
}

function ClaimForm({ onClaimed }: { onClaimed: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [secret, setSecret] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const claim = async () => {
    if (!code.trim() || !secret.trim()) return setProblem(t('citizen.account.claimMissing'));
    setBusy(true);
    setProblem(null);
    try {
      await claimDossier(code.replace(/\s+/g, ''), secret.trim());
      setCode('');
      setSecret('');
      onClaimed();
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setProblem(t('citizen.lookup.notFound'));
      else if (err instanceof ApiError && err.code === 'dossier_claimed') setProblem(t('citizen.account.claimedByAnother'));
      else if (err instanceof ApiError && err.status === 429) setProblem(t('citizen.tooMany', { seconds: err.retryAfter ?? 60 }));
      else setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="claim-title">
      <Title order={2} fz="md" id="claim-title" mb={4}>
        {t('citizen.account.claimTitle')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('citizen.account.claimText')}
      </Text>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void claim();
        }}
      >
        <Stack gap="sm">
          <TextInput size="md" label={t('citizen.lookup.code')} autoComplete="off" maxLength={60} value={code} onChange={(e) => setCode(e.currentTarget.value)} />
          <TextInput size="md" label={t('citizen.lookup.secret')} autoComplete="off" maxLength={100} value={secret} onChange={(e) => setSecret(e.currentTarget.value)} />
          {problem && (
            <Alert color="dvRed" variant="light" role="alert">
              {problem}
            </Alert>
          )}
          <Button type="submit" variant="light" size="md" loading={busy} leftSection={<IconPlus size={18} aria-hidden />} data-testid="claim-send">
            {t('citizen.account.claim')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

export function MyDossiers() {
  const { t } = useTranslation();
  const [items, setItems] = useState<CitizenDossierItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async (from: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const page = await myDossiers(from);
      setItems((all) => (from ? [...all, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load(null);
  }, [load]);

  return (
    <Stack gap="md">
      <section aria-labelledby="mine-title" aria-busy={loading}>
        <Title order={2} fz="lg" id="mine-title" mb="sm">
          {t('citizen.account.mine')}
        </Title>
        {!!error && (
          <Alert color="dvRed" variant="light" role="alert" mb="sm">
            {errorMessage(error)}
          </Alert>
        )}
        {!loading && !error && items.length === 0 && (
          <Card withBorder radius="md" padding="lg" data-testid="mine-empty">
            <Text fw={600}>{t('citizen.account.empty')}</Text>
            <Text fz="sm" c="dimmed" mt={4}>
              {t('citizen.account.emptyHint')}
            </Text>
            <Button component={Link} to="/thu-tuc" variant="light" mt="sm" w="fit-content">
              {t('portal.proceduresLink')}
            </Button>
          </Card>
        )}
        <Stack gap="sm" data-testid="mine-list">
          {items.map((d) => (
            <DossierCard key={d.code} d={d} />
          ))}
        </Stack>
        {cursor && (
          <Group justify="center" mt="md">
            <Button variant="default" onClick={() => void load(cursor)} loading={loading}>
              {t('catalog.more')}
            </Button>
          </Group>
        )}
      </section>
      <ClaimForm onClaimed={() => void load(null)} />
    </Stack>
  );
}
