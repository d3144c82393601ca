// The conditions of a statistics page kept in the address bar (preset or dates, grouping, unit), so that a link shows the same figures.
import { useSearchParams } from 'react-router';
import { PRESETS, presetRange, type Preset } from './stats-format';

export interface StatsConditions<G extends string = string> {
  preset: Preset;
  from: string;
  to: string;
  groupBy: G;
  unitId: string | undefined;
}

export function useStatsConditions<G extends string>(groups: readonly G[], fallback: G): [StatsConditions<G>, (next: Partial<StatsConditions<G>>) => void] {
  const [params, setParams] = useSearchParams();
  const presetParam = params.get('preset') as Preset | null;
  const preset: Preset = presetParam && PRESETS.includes(presetParam) ? presetParam : 'thisYear';
  const range = preset === 'custom' ? { from: params.get('from') ?? '', to: params.get('to') ?? '' } : presetRange(preset);
  const groupParam = params.get('groupBy') as G | null;
  const value: StatsConditions<G> = {
    preset,
    ...range,
    groupBy: groupParam && groups.includes(groupParam) ? groupParam : fallback,
    unitId: params.get('unitId') ?? undefined,
  };
  const update = (next: Partial<StatsConditions<G>>) => {
    const merged = { ...value, ...next };
    const out = new URLSearchParams({ preset: merged.preset, groupBy: merged.groupBy });
    if (merged.preset === 'custom') {
      out.set('from', merged.from);
      out.set('to', merged.to);
    }
    if (merged.unitId) out.set('unitId', merged.unitId);
    setParams(out, { replace: true });
  };
  return [value, update];
}
