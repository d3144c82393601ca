// The conditions of a statistics page (dossiers, letters): period (presets or dates), grouping, the unit within the user's scope, and the CSV link.
import { Button, Card, Input, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../../api/client';
import type { Unit } from '../../api/types';
import { currentLang } from '../../i18n';
import { unitSelectProps, useUnitsTree } from '../common';
import { useSession } from '../session';
import { PRESETS } from './stats-format';
import type { StatsConditions } from './useStatsConditions';

/** The units the user may report on: those of their reading grants and every unit below them. */
export function useScopeUnits(roles: readonly string[]): Unit[] | undefined {
  const session = useSession();
  const tree = useUnitsTree(true);
  if (!tree.data || !session.data?.user) return undefined;
  const roots = new Set(session.data.user.grants.filter((g) => roles.includes(g.role)).map((g) => g.unitId));
  const byId = new Map(tree.data.map((u) => [u.id, u]));
  const inScope = (u: Unit): boolean => {
    for (let cur: Unit | undefined = u; cur; cur = cur.parentId ? byId.get(cur.parentId) : undefined) if (roots.has(cur.id)) return true;
    return false;
  };
  return tree.data.filter(inScope);
}

export function StatsFilters<G extends string>({
  value,
  groups,
  groupLabel,
  unitHelp,
  csvPath,
  roles,
  shownUnitId,
  invalidRange,
  onChange,
}: {
  value: StatsConditions<G>;
  groups: readonly G[];
  groupLabel: (g: G) => string;
  /** What the chosen unit covers. */
  unitHelp: string;
  /** The CSV route taking the same query. */
  csvPath: string;
  /** The roles whose grants the units are offered under (the statistics permission's). */
  roles: readonly string[];
  /** The unit the answer is about (the server's default when none is chosen). */
  shownUnitId: string | undefined;
  invalidRange: boolean;
  onChange: (next: Partial<StatsConditions<G>>) => void;
}) {
  const { t } = useTranslation();
  const units = useScopeUnits(roles);
  const csv = withQuery(csvPath, { from: value.from, to: value.to, groupBy: value.groupBy, unitId: value.unitId, lang: currentLang() });
  return (
    <Card withBorder radius="md" padding="md" mb="md" component="section" aria-label={t('stats.filters')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <Select
          label={t('stats.period')}
          data={PRESETS.map((p) => ({ value: p, label: t(`stats.presets.${p}`) }))}
          value={value.preset}
          allowDeselect={false}
          onChange={(p) => p && onChange({ preset: p })}
          data-testid="stats-preset"
        />
        <TextInput
          type="date"
          label={t('stats.from')}
          value={value.from}
          onChange={(e) => onChange({ preset: 'custom', from: e.currentTarget.value })}
          error={invalidRange ? t('stats.badRange') : undefined}
          data-testid="stats-from"
        />
        <TextInput type="date" label={t('stats.to')} value={value.to} onChange={(e) => onChange({ preset: 'custom', to: e.currentTarget.value })} data-testid="stats-to" />
        <Select
          label={t('stats.unit')}
          description={unitHelp}
          searchable
          allowDeselect={false}
          {...unitSelectProps(units)}
          value={value.unitId ?? shownUnitId ?? null}
          onChange={(id) => id && onChange({ unitId: id })}
          data-testid="stats-unit"
        />
      </SimpleGrid>
      <Stack gap={6} mt="sm">
        <Input.Label id="stats-group-label">{t('stats.groupBy')}</Input.Label>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <SegmentedControl
            aria-labelledby="stats-group-label"
            data={groups.map((g) => ({ value: g, label: groupLabel(g) }))}
            value={value.groupBy}
            onChange={(g) => onChange({ groupBy: g })}
            data-testid="stats-group"
          />
          <Button component="a" href={csv} download variant="light" leftSection={<IconDownload size={16} aria-hidden />} disabled={invalidRange} data-testid="stats-csv" w={{ sm: 'fit-content' }} ml={{ sm: 'auto' }}>
            {t('stats.download')}
          </Button>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
