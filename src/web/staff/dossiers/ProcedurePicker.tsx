// A searchable select of the procedure catalog (published procedures, searched on the server as the officer types).
import { Select, Stack, Text, type ComboboxItem, type ComboboxLikeRenderOptionInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type { ProcedureView } from '../../api/types';

export function ProcedurePicker({
  value,
  onChange,
  error,
}: {
  value: ProcedureView | null;
  onChange: (p: ProcedureView | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  // Once chosen, the box shows the procedure's name: no need to search for that.
  const q = value && debounced === value.name ? '' : debounced;
  const found = useQuery({
    queryKey: ['procedures', 'pick', q],
    queryFn: ({ signal }) => api<Page<ProcedureView>>('/api/procedures', { query: { q: q || undefined, active: true, limit: 30 }, signal }),
    staleTime: 60_000,
  });
  const items = found.data?.items ?? [];
  const all = value && !items.some((p) => p.code === value.code) ? [value, ...items] : items;
  const byCode = new Map(all.map((p) => [p.code, p]));
  const renderOption = ({ option }: ComboboxLikeRenderOptionInput<ComboboxItem>) => {
    const p = byCode.get(option.value);
    return (
      <Stack gap={0}>
        <Text fz="sm">{option.label}</Text>
        {p && (
          <Text fz="xs" c="dimmed">
            {p.code} · {p.fieldName}
          </Text>
        )}
      </Stack>
    );
  };
  return (
    <Select
      label={t('dossiers.intake.procedure')}
      placeholder={t('dossiers.intake.procedurePlaceholder')}
      required
      searchable
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      data={all.map((p) => ({ value: p.code, label: p.name }))}
      renderOption={renderOption}
      value={value?.code ?? null}
      onChange={(code) => onChange(code ? (byCode.get(code) ?? null) : null)}
      nothingFoundMessage={found.isFetching ? t('app.loading') : t('dossiers.intake.procedureNothing')}
      error={error}
      maxDropdownHeight={360}
      data-testid="procedure-picker"
    />
  );
}
