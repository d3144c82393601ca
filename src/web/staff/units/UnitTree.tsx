// A keyboard-usable tree of units: nested lists, a toggle button per parent, a select button per unit.
import { ActionIcon, Badge, Box, Group, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../api/types';
import { useLang } from '../../i18n';
import { byName, unitKindLabel } from '../common';
import classes from './units.module.css';

interface Props {
  units: Unit[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

export function UnitTree({ units, selectedId, onSelect }: Props) {
  const byParent = useMemo(() => {
    const ids = new Set(units.map((u) => u.id));
    const map = new Map<string | null, Unit[]>();
    for (const u of units) {
      const key = u.parentId && ids.has(u.parentId) ? u.parentId : null;
      const list = map.get(key) ?? [];
      list.push(u);
      map.set(key, list);
    }
    for (const list of map.values()) list.sort(byName);
    return map;
  }, [units]);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Level parentId={null} byParent={byParent} selectedId={selectedId} onSelect={onSelect} collapsed={collapsed} toggle={toggle} level={0} />
  );
}

function Level({
  parentId,
  byParent,
  selectedId,
  onSelect,
  collapsed,
  toggle,
  level,
}: {
  parentId: string | null;
  byParent: Map<string | null, Unit[]>;
  selectedId: string | null;
  onSelect: (id: string) => void;
  collapsed: Set<string>;
  toggle: (id: string) => void;
  level: number;
}) {
  const items = byParent.get(parentId) ?? [];
  if (!items.length) return null;
  return (
    <ul className={classes.tree} data-level={level}>
      {items.map((u) => {
        const children = byParent.get(u.id);
        const open = !collapsed.has(u.id);
        return (
          <li key={u.id}>
            <UnitRow unit={u} hasChildren={!!children?.length} open={open} selected={u.id === selectedId} onSelect={onSelect} onToggle={() => toggle(u.id)} />
            {children?.length && open ? (
              <Level parentId={u.id} byParent={byParent} selectedId={selectedId} onSelect={onSelect} collapsed={collapsed} toggle={toggle} level={level + 1} />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export function UnitRow({
  unit,
  hasChildren,
  open,
  selected,
  onSelect,
  onToggle,
}: {
  unit: Unit;
  hasChildren: boolean;
  open: boolean;
  selected: boolean;
  onSelect: (id: string) => void;
  onToggle?: () => void;
}) {
  const { t } = useTranslation();
  const [lang] = useLang();
  return (
    <Group gap={4} wrap="nowrap" className={classes.row} data-selected={selected || undefined}>
      {hasChildren && onToggle ? (
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          onClick={onToggle}
          aria-expanded={open}
          aria-label={open ? t('units.collapse', { name: unit.name }) : t('units.expand', { name: unit.name })}
        >
          {open ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
        </ActionIcon>
      ) : (
        <Box w={22} aria-hidden />
      )}
      <UnstyledButton
        className={classes.select}
        onClick={() => onSelect(unit.id)}
        aria-current={selected ? 'true' : undefined}
        data-unit-code={unit.code}
      >
        <Group gap={6} wrap="nowrap" justify="space-between">
          <Text component="span" fz="sm" fw={selected ? 700 : 500} className={classes.name} td={unit.active ? undefined : 'line-through'}>
            {unit.name}
          </Text>
          <Group gap={4} wrap="nowrap">
            {!unit.active && (
              <Badge size="xs" color="gray" variant="light">
                {t('common.inactive')}
              </Badge>
            )}
            <Text component="span" fz="xs" c="dimmed" className={classes.kind}>
              {unitKindLabel(unit.kind, lang)}
            </Text>
          </Group>
        </Group>
      </UnstyledButton>
    </Group>
  );
}
