// /staff/letter-cases: the cases split from letters, most urgent first: by status, type, deadline (due soon, overdue, overdue and
// reported to the superiors), assigned to me, search.
import { Button, Card, Checkbox, Group, MultiSelect, Select, SimpleGrid } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../common';
import { useKeysetList } from '../list';
import { CASE_STATES, dueFilterOf, LETTER_TYPES, useCaseFilters } from './caseFilters';
import { LetterCountCards } from './LetterCounts';
import { CaseRows } from './LetterRows';
import { letterKeys, useRefetchLettersOnLanguage, type CaseSummary } from './letters.api';
import { SearchField } from './SearchField';

export default function CasesInbox() {
  const { t } = useTranslation();
  const { filters, update, query, active } = useCaseFilters();
  useRefetchLettersOnLanguage();
  useEffect(() => {
    document.title = `${t('letters.cases.title')} · ${t('app.name')}`;
  }, [t]);
  const { list, rows } = useKeysetList<CaseSummary>(letterKeys.cases, '/api/letter-cases', query);
  return (
    <>
      <PageHeader title={t('letters.cases.title')} description={t('letters.cases.description')} />
      <LetterCountCards page={{ kind: 'cases', filters }} />
      <Card withBorder radius="md" padding="sm" mb="md" component="section" aria-label={t('letters.inbox.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }} spacing="sm">
          <SearchField value={filters.q} onChange={(q) => update({ q })} label={t('letters.inbox.search')} hint={t('letters.cases.searchHint')} testId="case-search" />
          <MultiSelect
            label={t('letters.cases.state')}
            placeholder={filters.states.length ? undefined : t('letters.cases.anyState')}
            data={CASE_STATES.map((s) => ({ value: s, label: t(`letters.cases.states.${s}`) }))}
            value={filters.states}
            onChange={(states) => update({ states })}
            clearable
            searchable
          />
          <Select
            label={t('letters.cases.type')}
            data={[{ value: 'all', label: t('letters.cases.anyType') }, ...LETTER_TYPES.map((ty) => ({ value: ty, label: t(`letters.types.${ty}`) }))]}
            value={filters.type ?? 'all'}
            onChange={(v) => update({ type: LETTER_TYPES.find((ty) => ty === v) ?? null })}
            allowDeselect={false}
            data-testid="case-type"
          />
          <Select
            label={t('letters.cases.due')}
            data={[
              { value: 'all', label: t('letters.cases.anyDue') },
              { value: 'due_soon', label: t('dossiers.dueStatus.due_soon') },
              { value: 'overdue', label: t('dossiers.dueStatus.overdue') },
              { value: 'escalated', label: t('letters.cases.escalated') },
            ]}
            value={filters.due ?? 'all'}
            onChange={(v) => update({ due: dueFilterOf(v) })}
            allowDeselect={false}
          />
          <Group align="flex-end" justify="space-between" gap="xs" wrap="wrap">
            <Checkbox label={t('letters.cases.mine')} checked={filters.mine} onChange={(e) => update({ mine: e.currentTarget.checked })} mb={8} />
            {active && (
              <Button variant="subtle" size="compact-sm" leftSection={<IconFilterOff size={14} aria-hidden />} onClick={() => update({ states: [], type: null, due: null, mine: false, q: '' })} mb={6}>
                {t('letters.inbox.clear')}
              </Button>
            )}
          </Group>
        </SimpleGrid>
      </Card>
      <CaseRows list={list} rows={rows} active={active} />
    </>
  );
}
