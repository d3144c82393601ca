// The letter counts above both inboxes: each pile as a toggle; "to classify" filters the letters, the others the case inbox.
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CountToggles } from '../workflow/CountToggles';
import { CASE_COUNT_FILTERS, caseInboxUrl, COUNT_KEYS, sameCaseFilter, type CaseFilters, type CountKey } from './caseFilters';
import { useLetterCounts } from './letters.api';

const TONE: Partial<Record<CountKey, 'warn' | 'danger'>> = { toClassify: 'warn', dueSoon: 'warn', overdue: 'danger', escalated: 'danger' };

/** `page` says which inbox is showing, with its filters, so that the matching card shows pressed. */
export function LetterCountCards({ page }: { page: { kind: 'letters'; received: boolean } | { kind: 'cases'; filters: CaseFilters } }) {
  const { t } = useTranslation();
  const counts = useLetterCounts();
  const navigate = useNavigate();
  const pressed = (key: CountKey) => {
    if (key === 'toClassify') return page.kind === 'letters' && page.received;
    return page.kind === 'cases' && !page.filters.type && sameCaseFilter(page.filters, CASE_COUNT_FILTERS[key]);
  };
  return (
    <CountToggles
      items={COUNT_KEYS.map((key) => ({
        key,
        label: t(`letters.inbox.counts.${key}`),
        value: counts.data?.[key],
        pressed: pressed(key),
        ...(TONE[key] ? { tone: TONE[key] } : {}),
      }))}
      loading={counts.isPending}
      label={t('letters.inbox.countsLabel')}
      cols={{ base: 2, xs: 3, sm: 4, lg: 7 }}
      testId="letter-counts"
      onPick={(key) => {
        if (key === 'toClassify') void navigate('/staff/letters?state=received');
        else if (!key) void navigate(page.kind === 'letters' ? '/staff/letters' : '/staff/letter-cases');
        else void navigate(caseInboxUrl(CASE_COUNT_FILTERS[key as Exclude<CountKey, 'toClassify'>]));
      }}
    />
  );
}
