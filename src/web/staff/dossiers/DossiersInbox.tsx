// /staff/dossiers: the inbox of one-stop dossiers for this user's roles: counts that filter, search, filters, keyset pages.
import { Button, Card, Checkbox, Group, MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconFilterOff, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DossierSummary } from '../../api/types';
import { PageHeader } from '../common';
import { useKeysetList } from '../list';
import { useAbilities } from '../session';
import { CountCards } from './CountCards';
import { dossierKeys, useDossierCounts, useRefetchOnLanguage } from './dossiers.api';
import { InboxList } from './InboxList';
import { COUNT_FILTERS, STATES, useInboxFilters } from './inboxFilters';

export default function DossiersInbox() {
  const { t } = useTranslation();
  const abilities = useAbilities();
  const { filters, update, query, active } = useInboxFilters();
  const [text, setText] = useState(filters.q);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const search = useRef<HTMLInputElement>(null);
  useHotkeys([['/', () => search.current?.focus()]]);
  useEffect(() => {
    if (debounced !== filters.q.trim()) update({ q: debounced });
    // Only the typed text drives this; the address may also change from a link or a count card.
  }, [debounced]);
  useEffect(() => {
    document.title = `${t('dossiers.inbox.title')} · ${t('app.name')}`;
  }, [t]);

  const counts = useDossierCounts();
  useRefetchOnLanguage();
  const { list, rows } = useKeysetList<DossierSummary>(dossierKeys.all, '/api/dossiers', query);

  const clear = () => {
    setText('');
    update({ states: [], due: null, mine: false, q: '' });
  };

  return (
    <>
      <PageHeader
        title={t('dossiers.inbox.title')}
        description={t('dossiers.inbox.description')}
        actions={
          abilities.has('dossier.intake') && (
            <Button component={Link} to="/staff/dossiers/new" leftSection={<IconPlus size={18} aria-hidden />} data-testid="dossier-intake">
              {t('dossiers.inbox.intake')}
            </Button>
          )
        }
      />
      <CountCards
        counts={counts.data}
        loading={counts.isPending}
        filters={filters}
        onPick={(key) => update(key ? { ...COUNT_FILTERS[key] } : { states: [], due: null, mine: false })}
      />
      <Card withBorder radius="md" padding="sm" mb="md" component="section" aria-label={t('dossiers.inbox.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
          <TextInput
            ref={search}
            label={t('dossiers.inbox.search')}
            description={t('dossiers.inbox.searchHint')}
            placeholder={t('dossiers.inbox.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            data-testid="dossier-search"
          />
          <MultiSelect
            label={t('dossiers.inbox.state')}
            placeholder={filters.states.length ? undefined : t('dossiers.inbox.anyState')}
            data={STATES.map((s) => ({ value: s, label: t(`dossiers.states.${s}`) }))}
            value={filters.states}
            onChange={(states) => update({ states })}
            clearable
            searchable
          />
          <Select
            label={t('dossiers.inbox.due')}
            data={[
              { value: 'all', label: t('dossiers.inbox.anyDue') },
              { value: 'due_soon', label: t('dossiers.dueStatus.due_soon') },
              { value: 'overdue', label: t('dossiers.dueStatus.overdue') },
            ]}
            value={filters.due ?? 'all'}
            onChange={(v) => update({ due: v === 'due_soon' || v === 'overdue' ? v : null })}
            allowDeselect={false}
          />
          <Group align="flex-end" justify="space-between" gap="xs" wrap="wrap">
            <Checkbox label={t('dossiers.inbox.mine')} checked={filters.mine} onChange={(e) => update({ mine: e.currentTarget.checked })} mb={8} />
            {active && (
              <Button variant="subtle" size="compact-sm" leftSection={<IconFilterOff size={14} aria-hidden />} onClick={clear} mb={6}>
                {t('dossiers.inbox.clear')}
              </Button>
            )}
          </Group>
        </SimpleGrid>
      </Card>
      <InboxList list={list} rows={rows} emptyText={active ? t('dossiers.inbox.emptyFiltered') : t('dossiers.inbox.emptyAll')} />
    </>
  );
}
