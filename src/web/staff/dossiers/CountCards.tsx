// The inbox counts as a row of toggle buttons: each shows how many dossiers wait in that pile and filters the list to it.
import { Skeleton, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DossierCounts } from '../../api/types';
import { COUNT_FILTERS, COUNT_KEYS, sameFilter, type CountKey, type InboxFilters } from './inboxFilters';
import classes from './dossiers.module.css';

const TONE: Partial<Record<CountKey, string>> = { dueSoon: classes.warn, overdue: classes.danger };

export function CountCards({
  counts,
  loading,
  filters,
  onPick,
}: {
  counts: DossierCounts | undefined;
  loading: boolean;
  filters: InboxFilters;
  onPick: (key: CountKey | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 3, sm: 4, lg: 7 }} spacing="xs" mb="md" role="group" aria-label={t('dossiers.inbox.countsLabel')} data-testid="dossier-counts">
      {COUNT_KEYS.map((key) => {
        const pressed = sameFilter(filters, COUNT_FILTERS[key]);
        const n = counts?.[key] ?? 0;
        return (
          <UnstyledButton
            key={key}
            className={`${classes.count} ${n > 0 ? (TONE[key] ?? '') : ''}`}
            aria-pressed={pressed}
            data-active={pressed || undefined}
            data-count={key}
            title={t('dossiers.inbox.countHint')}
            onClick={() => onPick(pressed ? null : key)}
          >
            <Text component="span" className={classes.countLabel}>
              {t(`dossiers.inbox.counts.${key}`)}
            </Text>
            {loading ? (
              <Skeleton h={28} w={40} mt={4} />
            ) : (
              <Text component="span" className={classes.countValue} data-testid={`count-${key}`}>
                {n}
              </Text>
            )}
          </UnstyledButton>
        );
      })}
    </SimpleGrid>
  );
}
