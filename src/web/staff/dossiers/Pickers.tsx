// The selects of an action form that need the server's choices: the staff who may be assigned, the agencies a transfer may go to.
import { Checkbox, Group, Select, Stack, Text, type ComboboxItem, type ComboboxLikeRenderOptionInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { AssigneeList, TransferAgencyList } from '../../api/types';
import { unitSelectProps, useAgencies, useUnitsTree } from '../common';
import { dossierKeys } from './dossiers.api';

export interface SelectBinding {
  value: string | null;
  onChange: (v: string | null) => void;
  error?: unknown;
}

/** The staff an action may assign the record to, read from `url` (a dossier's or a letter case's assignees). */
export function AssigneeSelect({
  url,
  action,
  required,
  binding,
  loadText,
  candidates,
}: {
  /** Where the candidates are read, unless `candidates` gives them. */
  url?: string | undefined;
  action: string;
  required: boolean;
  binding: SelectBinding;
  /** "3 hồ sơ đang xử lý" unless the feature words it otherwise. */
  loadText?: ((count: number) => string) | undefined;
  /** The candidates when the caller has them already (the desk intake's hand-on); `url` is then not read. */
  candidates?: AssigneeList['items'] | undefined;
}) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['assignees', url, action],
    queryFn: ({ signal }) => api<AssigneeList>(url ?? '', { query: { action }, signal }),
    enabled: !candidates && !!url,
  });
  const items = candidates ?? q.data?.items ?? [];
  const byId = new Map(items.map((c) => [c.id, c]));
  const group = (same: boolean) => items.filter((c) => c.sameAgency === same && !c.current).map((c) => ({ value: c.id, label: c.fullName }));
  const data = [
    { group: t('dossiers.action.sameAgency'), items: group(true) },
    { group: t('dossiers.action.otherStaff'), items: group(false) },
  ].filter((g) => g.items.length > 0);
  const renderOption = ({ option }: ComboboxLikeRenderOptionInput<ComboboxItem>) => {
    const c = byId.get(option.value);
    return (
      <Stack gap={0}>
        <Text fz="sm" fw={600}>
          {option.label}
        </Text>
        {c && (
          <Text fz="xs" c="dimmed">
            {[c.title, c.agencyName ?? c.unitName, loadText ? loadText(c.openCount) : t('dossiers.action.assigneeLoad', { count: c.openCount })].filter(Boolean).join(' · ')}
          </Text>
        )}
      </Stack>
    );
  };
  const current = items.find((c) => c.current);
  return (
    <Select
      label={t('dossiers.action.assignee')}
      placeholder={t('dossiers.action.assigneePlaceholder')}
      description={current ? `${current.fullName} · ${t('dossiers.action.assigneeCurrent')}` : undefined}
      required={required}
      searchable
      data={data}
      renderOption={renderOption}
      nothingFoundMessage={!candidates && q.isPending ? t('app.loading') : t('dossiers.action.noAssignees')}
      value={binding.value}
      onChange={binding.onChange}
      error={binding.error as string | undefined}
      data-testid="assignee-select"
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** Agencies of the dossier's unit and the units above it, grouped by unit; or, on request, any unit's agencies. */
export function AgencySelect({ dossierId, required, binding }: { dossierId: string; required: boolean; binding: SelectBinding }) {
  const { t } = useTranslation();
  const [other, setOther] = useState(false);
  const [unitId, setUnitId] = useState<string | null>(null);
  const scoped = useQuery({
    queryKey: dossierKeys.agencies(dossierId),
    queryFn: ({ signal }) => api<TransferAgencyList>(`/api/dossiers/${dossierId}/agencies`, { signal }),
  });
  const tree = useUnitsTree(false);
  const ofUnit = useAgencies(other ? unitId : null);
  const groups = new Map<string, Array<{ value: string; label: string }>>();
  for (const a of scoped.data?.items ?? []) groups.set(a.unitName, [...(groups.get(a.unitName) ?? []), { value: a.id, label: a.name }]);
  const data = other
    ? (ofUnit.data ?? []).filter((a) => a.active).map((a) => ({ value: a.id, label: a.name }))
    : [...groups.entries()].map(([group, items]) => ({ group, items }));
  return (
    <Stack gap="xs">
      {other && (
        <Select
          label={t('dossiers.action.targetUnit')}
          searchable
          {...unitSelectProps(tree.data?.filter((u) => u.active))}
          value={unitId}
          onChange={(v) => {
            setUnitId(v);
            binding.onChange(null);
          }}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      <Select
        label={other ? t('dossiers.action.targetAgency') : t('dossiers.action.agency')}
        placeholder={t('dossiers.action.agencyPlaceholder')}
        required={required}
        searchable
        data={data}
        disabled={other && !unitId}
        nothingFoundMessage={t('units.noAgencies')}
        value={binding.value}
        onChange={binding.onChange}
        error={binding.error as string | undefined}
        data-testid="agency-select"
        comboboxProps={{ withinPortal: true }}
      />
      <Group>
        <Checkbox
          size="xs"
          label={t('dossiers.action.otherUnit')}
          checked={other}
          onChange={(e) => {
            setOther(e.currentTarget.checked);
            binding.onChange(null);
          }}
        />
      </Group>
    </Stack>
  );
}
