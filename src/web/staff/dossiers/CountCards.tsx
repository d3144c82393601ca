// The dossier inbox counts: each pile of the one-stop desk as a toggle that filters the list to it.
import { useTranslation } from 'react-i18next';
import type { DossierCounts } from '../../api/types';
import { CountToggles } from '../workflow/CountToggles';
import { COUNT_FILTERS, COUNT_KEYS, sameFilter, type CountKey, type InboxFilters } from './inboxFilters';

const TONE: Partial<Record<CountKey, 'warn' | 'danger'>> = { dueSoon: 'warn', overdue: 'danger' };

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
    <CountToggles
      items={COUNT_KEYS.map((key) => ({
        key,
        label: t(`dossiers.inbox.counts.${key}`),
        value: counts?.[key],
        pressed: sameFilter(filters, COUNT_FILTERS[key]),
        ...(TONE[key] ? { tone: TONE[key] } : {}),
      }))}
      loading={loading}
      label={t('dossiers.inbox.countsLabel')}
      cols={{ base: 3, sm: 4, lg: 7 }}
      testId="dossier-counts"
      onPick={(key) => onPick(key as CountKey | null)}
    />
  );
}
