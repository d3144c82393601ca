// Pieces shared by the staff pages: page header, unit list query and unit options for selects.
import { Alert, Card, Group, Select, Stack, Text, Title, type ComboboxItem, type ComboboxLikeRenderOptionInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api/client';
import type { Agency, Unit } from '../api/types';
import { UNIT_KIND_LABELS } from '../../common/roles';
import type { Lang } from '../i18n';

export function PageHeader({ title, description, actions }: { title: string; description?: string; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" mb="lg" gap="sm">
      <Stack gap={4} style={{ minWidth: 0, flex: '1 1 280px' }}>
        <Title order={1} fz={{ base: 22, sm: 26 }} c="dvBlue.8">
          {title}
        </Title>
        {description && (
          <Text c="dimmed" fz="sm">
            {description}
          </Text>
        )}
      </Stack>
      {actions && (
        <Group gap="xs" wrap="wrap">
          {actions}
        </Group>
      )}
    </Group>
  );
}

/** A titled card section of a staff page (the title is its accessible name). */
export function SectionCard({ id, title, description, children, testId }: { id: string; title: ReactNode; description?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={id} data-testid={testId}>
      <Title order={2} fz="lg" mb={description ? 0 : 'sm'} id={id}>
        {title}
      </Title>
      {description && (
        <Text fz="sm" c="dimmed" mb="sm">
          {description}
        </Text>
      )}
      {children}
    </Card>
  );
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Alert color="dvRed" icon={<IconAlertCircle size={18} />} title={t('common.error')} role="alert">
      {errorMessage(error)}
    </Alert>
  );
}

export const unitKeys = {
  all: ['units'] as const,
  tree: (includeInactive: boolean) => ['units', 'tree', includeInactive] as const,
  search: (q: string, includeInactive: boolean) => ['units', 'search', q, includeInactive] as const,
  detail: (id: string) => ['units', 'detail', id] as const,
  agencies: (id: string) => ['units', 'agencies', id] as const,
};

export function useUnitsTree(includeInactive = false) {
  return useQuery({
    queryKey: unitKeys.tree(includeInactive),
    queryFn: ({ signal }) => api<{ items: Unit[] }>('/api/units/tree', { query: { includeInactive }, signal }).then((r) => r.items),
    staleTime: 60_000,
  });
}

/** The agencies of a unit, for the agency selects (none asked while no unit is chosen). */
export function useAgencies(unitId: string | null) {
  return useQuery({
    queryKey: unitKeys.agencies(unitId ?? ''),
    queryFn: ({ signal }) => api<{ items: Agency[] }>(`/api/units/${unitId ?? ''}/agencies`, { signal }).then((r) => r.items),
    enabled: !!unitId,
  });
}

const collator = new Intl.Collator('vi');
/** Siblings in Vietnamese alphabetical order. */
export const byName = (a: Unit, b: Unit) => collator.compare(a.name, b.name);

/** Orders a flat list depth-first (parents before children, siblings by name) with each unit's depth in the list. */
export function orderTree(units: Unit[]): Array<{ unit: Unit; level: number }> {
  const ids = new Set(units.map((u) => u.id));
  const byParent = new Map<string | null, Unit[]>();
  for (const u of units) {
    const key = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    const list = byParent.get(key) ?? [];
    list.push(u);
    byParent.set(key, list);
  }
  for (const list of byParent.values()) list.sort(byName);
  const out: Array<{ unit: Unit; level: number }> = [];
  const walk = (parent: string | null, level: number) => {
    for (const u of byParent.get(parent) ?? []) {
      out.push({ unit: u, level });
      walk(u.id, level + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** Select props for choosing a unit: clean labels (searchable), options indented by their level in the tree. */
export function unitSelectProps(units: Unit[] | undefined, exclude?: string) {
  const ordered = units ? orderTree(units).filter(({ unit }) => unit.id !== exclude) : [];
  const levels = new Map(ordered.map(({ unit, level }) => [unit.id, level]));
  return {
    data: ordered.map(({ unit }) => ({ value: unit.id, label: unit.name })),
    renderOption: ({ option }: ComboboxLikeRenderOptionInput<ComboboxItem>) => (
      <span style={{ paddingLeft: (levels.get(option.value) ?? 0) * 14 }}>{option.label}</span>
    ),
  };
}

interface UnitAgencyForm {
  values: { unitId: string | null };
  getInputProps: (path: 'unitId' | 'agencyId') => object;
  setFieldValue: (path: 'unitId' | 'agencyId', value: string | null) => void;
}

/** A unit select and the select of that unit's agencies (cleared when the unit changes), side by side. */
export function UnitAgencySelects({
  form,
  units,
  unitLabel,
  unitPlaceholder,
  unitRequired,
  agencyLabel,
  agencyPlaceholder,
}: {
  form: UnitAgencyForm;
  units: Unit[] | undefined;
  unitLabel: string;
  unitPlaceholder?: string;
  unitRequired?: boolean;
  agencyLabel: string;
  agencyPlaceholder: string;
}) {
  const { t } = useTranslation();
  const agencies = useAgencies(form.values.unitId);
  return (
    <>
      <Select
        label={unitLabel}
        placeholder={unitPlaceholder}
        required={unitRequired}
        clearable={!unitRequired}
        searchable
        {...unitSelectProps(units)}
        nothingFoundMessage={t('units.noResults')}
        {...form.getInputProps('unitId')}
        onChange={(v: string | null) => {
          form.setFieldValue('unitId', v);
          form.setFieldValue('agencyId', null);
        }}
      />
      <Select
        label={agencyLabel}
        placeholder={agencyPlaceholder}
        clearable
        data={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
        disabled={!form.values.unitId}
        {...form.getInputProps('agencyId')}
      />
    </>
  );
}

/** The "all / active / inactive" select of the list filters; its value is 'all', 'true' or 'false'. */
export function ActiveFilter({ label, activeLabel, inactiveLabel, value, onChange }: { label: string; activeLabel: string; inactiveLabel: string; value: string | null; onChange: (v: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      data={[
        { value: 'all', label: t('common.all') },
        { value: 'true', label: activeLabel },
        { value: 'false', label: inactiveLabel },
      ]}
      value={value}
      onChange={onChange}
      allowDeselect={false}
    />
  );
}

export function unitKindLabel(kind: string, lang: Lang): string {
  return (UNIT_KIND_LABELS as Record<string, { vi: string; en: string }>)[kind]?.[lang] ?? kind;
}
