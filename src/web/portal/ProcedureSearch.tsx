// /thu-tuc: public search of the procedure catalog (diacritics and word order do not matter), filtered by
// field, level and fully-online, with keyset "show more". The filters live in the address so a search can be shared.
import { Alert, Anchor, Badge, Box, Button, Card, Checkbox, Container, Group, Loader, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconClock, IconSearch, IconWorldUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../api/client';
import type { ProcedureSummary } from '../api/types';
import { Crumbs, PortalLayout } from './PortalLayout';
import { formatDays, useProcedureFields, useProcedureSearch } from './catalog';
import classes from './catalog.module.css';
import portal from './portal.module.css';

const LEVELS = ['commune', 'province'] as const;

function ResultCard({ p }: { p: ProcedureSummary }) {
  const { t } = useTranslation();
  return (
    <Card component="article" withBorder radius="md" padding="md" className={classes.result} data-code={p.code}>
      <Anchor component={Link} to={`/thu-tuc/${p.code}`} fw={600} fz="md" className={classes.resultLink}>
        {p.name}
      </Anchor>
      <Text fz="sm" c="dimmed" mt={4}>
        {p.fieldName} · {t(`levels.${p.level}`)} · {p.implementingAgency}
      </Text>
      <Group gap={6} mt="xs">
        <Badge variant="light" color="dvBlue" leftSection={<IconClock size={12} aria-hidden />}>
          {p.localDays !== null && p.localDays < p.statutoryDays
            ? `${t('catalog.localDays', { days: formatDays(p.localDays) })} · ${t('catalog.statutoryDays', { days: formatDays(p.statutoryDays) })}`
            : t('catalog.days', { days: formatDays(p.localDays ?? p.statutoryDays) })}
        </Badge>
        {p.fullyOnline && (
          <Badge variant="light" color="green" leftSection={<IconWorldUpload size={12} aria-hidden />}>
            {t('catalog.online')}
          </Badge>
        )}
        <Text component="span" fz="xs" c="dimmed">
          {t('catalog.code')}: {p.code}
        </Text>
      </Group>
    </Card>
  );
}

export default function ProcedureSearch() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const field = params.get('field') ?? '';
  const level = params.get('level') ?? '';
  const onlineOnly = params.get('online') === '1';
  const [text, setText] = useState(q);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const update = (changes: Record<string, string>) =>
    setParams(
      (p) => {
        for (const [k, v] of Object.entries(changes)) {
          if (v) p.set(k, v);
          else p.delete(k);
        }
        return p;
      },
      { replace: true },
    );
  useEffect(() => {
    if (debounced !== q) update({ q: debounced });
    // Only the typed text drives this; the address may also change from a link.
  }, [debounced]);
  useEffect(() => {
    document.title = `${t('catalog.title')} · ${t('app.name')}`;
  }, [t]);

  const fields = useProcedureFields();
  const search = useProcedureSearch({ q, field, level, onlineOnly });
  const filtered = !!(q || field || level || onlineOnly);

  return (
    <PortalLayout>
      <Box className={portal.hero}>
        <Container size="lg" py={{ base: 20, sm: 32 }}>
          <Crumbs items={[{ label: t('catalog.title') }]} />
          <Title order={1} className={classes.title}>
            {t('catalog.title')}
          </Title>
          <Text c="gray.8" mt={4} mb="md">
            {t('catalog.intro')}
          </Text>
          <form role="search" onSubmit={(e) => { e.preventDefault(); update({ q: text.trim() }); }}>
            <TextInput
              label={t('catalog.search')}
              placeholder={t('catalog.searchPlaceholder')}
              type="search"
              size="md"
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              leftSection={<IconSearch size={18} aria-hidden />}
              rightSection={search.loading ? <Loader size="xs" /> : null}
              data-testid="catalog-search"
              autoComplete="off"
            />
          </form>
        </Container>
      </Box>
      <Container size="lg" py="lg">
        <Stack gap="md">
          <Box component="fieldset" className={classes.chips}>
            <legend className={classes.legend}>{t('catalog.fields')}</legend>
            <div className={classes.chipRow}>
              <Button
                size="compact-sm"
                radius="xl"
                variant={field ? 'default' : 'filled'}
                aria-pressed={!field}
                onClick={() => update({ field: '' })}
              >
                {t('catalog.allFields')}
              </Button>
              {fields.data?.items.map((f) => (
                <Button
                  key={f.code}
                  size="compact-sm"
                  radius="xl"
                  variant={field === f.code ? 'filled' : 'default'}
                  aria-pressed={field === f.code}
                  onClick={() => update({ field: field === f.code ? '' : f.code })}
                  data-field={f.code}
                >
                  {f.name}
                  <span className={classes.count}>{f.count}</span>
                </Button>
              ))}
            </div>
          </Box>
          <Group gap="md" align="flex-end">
            <NativeSelect
              label={t('catalog.level')}
              value={level}
              onChange={(e) => update({ level: e.currentTarget.value })}
              data={[{ value: '', label: t('catalog.anyLevel') }, ...LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))]}
              w={180}
            />
            <Checkbox
              label={t('catalog.onlineOnly')}
              checked={onlineOnly}
              onChange={(e) => update({ online: e.currentTarget.checked ? '1' : '' })}
              mb={8}
            />
          </Group>
          <section aria-labelledby="results-title" aria-busy={search.loading}>
            <Group justify="space-between" mb="xs">
              <Title order={2} fz="lg" id="results-title">
                {t('catalog.results')}
              </Title>
              <Text fz="sm" c="dimmed" aria-live="polite" data-testid="catalog-count">
                {search.loading ? t('app.loading') : t('catalog.resultCount', { count: search.items.length })}
              </Text>
            </Group>
            {!!search.error && (
              <Alert color="dvRed" role="alert" mb="sm">
                {errorMessage(search.error)}
              </Alert>
            )}
            {!search.loading && !search.error && search.items.length === 0 && (
              <Card withBorder radius="md" padding="lg" data-testid="catalog-empty">
                <Text fw={600}>{t('catalog.empty')}</Text>
                <Text fz="sm" c="dimmed" mt={4}>
                  {t('catalog.emptyHint')}
                </Text>
                {filtered && (
                  <Button
                    variant="light"
                    mt="sm"
                    w="fit-content"
                    onClick={() => {
                      setText('');
                      setParams({}, { replace: true });
                    }}
                  >
                    {t('catalog.clearFilters')}
                  </Button>
                )}
              </Card>
            )}
            <Stack gap="sm" data-testid="catalog-results">
              {search.items.map((p) => (
                <ResultCard key={p.id} p={p} />
              ))}
            </Stack>
            {search.hasMore && (
              <Group justify="center" mt="md">
                <Button variant="default" onClick={search.more} loading={search.loadingMore}>
                  {t('catalog.more')}
                </Button>
              </Group>
            )}
          </section>
        </Stack>
      </Container>
    </PortalLayout>
  );
}
