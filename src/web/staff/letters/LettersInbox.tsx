// /staff/letters: the letters received within the user's units: those to classify first (oldest first), the counts of every pile,
// search by code, words or the writer's name (never a protected writer's).
import { Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconFilterOff, IconPlus } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../common';
import { useKeysetList } from '../list';
import { useAbilities } from '../session';
import { useLetterFilters } from './caseFilters';
import { LetterCountCards } from './LetterCounts';
import { LetterRows } from './LetterRows';
import { letterKeys, useRefetchLettersOnLanguage, type LetterSummary } from './letters.api';
import { SearchField } from './SearchField';

export default function LettersInbox() {
  const { t } = useTranslation();
  const { state, q, update, query, active } = useLetterFilters();
  const abilities = useAbilities();
  useRefetchLettersOnLanguage();
  useEffect(() => {
    document.title = `${t('letters.inbox.title')} · ${t('app.name')}`;
  }, [t]);
  const { list, rows } = useKeysetList<LetterSummary>(letterKeys.letters, '/api/letters', query);
  return (
    <>
      <PageHeader
        title={t('letters.inbox.title')}
        description={t('letters.inbox.description')}
        actions={
          abilities.has('letter.intake') && (
            <Button component={Link} to="/staff/letters/new" leftSection={<IconPlus size={18} aria-hidden />} data-testid="letter-intake">
              {t('letters.intake.open')}
            </Button>
          )
        }
      />
      <LetterCountCards page={{ kind: 'letters', received: state === 'received' }} />
      <Card withBorder radius="md" padding="sm" mb="md" component="section" aria-label={t('letters.inbox.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <SearchField
            value={q}
            onChange={(v) => update({ q: v })}
            label={t('letters.inbox.search')}
            hint={t('letters.inbox.searchHint')}
            placeholder={t('letters.inbox.searchPlaceholder')}
            testId="letter-search"
          />
          <Stack gap={4}>
            <Text fz="sm" fw={500} id="letter-state-label">
              {t('letters.inbox.state')}
            </Text>
            <Group gap="xs" wrap="wrap">
              <SegmentedControl
                aria-labelledby="letter-state-label"
                value={state ?? 'all'}
                onChange={(v) => update({ state: v === 'received' || v === 'classified' ? v : null })}
                data={(['all', 'received', 'classified'] as const).map((s) => ({ value: s, label: t(`letters.inbox.states.${s}`) }))}
                data-testid="letter-state"
              />
              {active && (
                <Button variant="subtle" size="compact-sm" leftSection={<IconFilterOff size={14} aria-hidden />} onClick={() => update({ state: null, q: '' })}>
                  {t('letters.inbox.clear')}
                </Button>
              )}
            </Group>
          </Stack>
        </SimpleGrid>
      </Card>
      <LetterRows list={list} rows={rows} active={active} />
    </>
  );
}
