// Units: the tree (or diacritic-insensitive search results), a detail panel with agencies, create/edit modals, CSV import.
import { Badge, Box, Button, Card, Grid, Group, Loader, Skeleton, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconEdit, IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { Unit, UnitDetail } from '../../api/types';
import { AGENCY_KIND_LABELS } from '../../../common/roles';
import { formatDate } from '../../format';
import { useLang } from '../../i18n';
import { ErrorAlert, PageHeader, unitKeys, unitKindLabel, useUnitsTree } from '../common';
import { useAbilities } from '../session';
import { ImportModal } from '../ImportModal';
import { AgencyFormModal, UnitFormModal, type AgencyFormTarget, type UnitFormTarget } from './UnitForms';
import { UnitRow, UnitTree } from './UnitTree';
import classes from './units.module.css';

const UNIT_SAMPLE = {
  filename: 'mau-nhap-don-vi.csv',
  csv: 'code,name,kind,parent_code,valid_from,valid_to,note\n99006,Xã Tân Phú,commune,99,2025-07-01,,\n99007,Phường Hưng Thịnh,ward,99,2025-07-01,,\n',
};

export default function UnitsPage() {
  const { t } = useTranslation();
  const abilities = useAbilities();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('unit');
  const select = (id: string) => {
    setParams(
      (p) => {
        p.set('unit', id);
        return p;
      },
      { replace: true },
    );
    // On a phone the detail sits below the tree: bring it into view.
    if (window.matchMedia('(max-width: 61.99em)').matches) {
      window.setTimeout(() => document.getElementById('unit-detail-anchor')?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
    }
  };
  const [includeInactive, setIncludeInactive] = useState(false);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const tree = useUnitsTree(includeInactive);
  const search = useQuery({
    queryKey: unitKeys.search(debounced, includeInactive),
    queryFn: ({ signal }) => api<{ items: Unit[] }>('/api/units', { query: { q: debounced, includeInactive }, signal }).then((r) => r.items),
    enabled: debounced.length > 0,
  });
  const [unitForm, setUnitForm] = useState<UnitFormTarget | null>(null);
  const [agencyForm, setAgencyForm] = useState<AgencyFormTarget | null>(null);
  const [importing, setImporting] = useState(false);

  // "Add unit" proposes the selected unit as parent when the user may create under it, else their highest such unit.
  const creatable = (tree.data ?? []).filter((u) => u.actions.includes('unit.create')).sort((a, b) => a.depth - b.depth);
  const defaultParent = creatable.find((u) => u.id === selectedId)?.id ?? creatable[0]?.id ?? null;

  return (
    <>
      <PageHeader
        title={t('units.title')}
        description={t('units.description')}
        actions={
          <>
            {abilities.has('unit.import') && (
              <Button variant="default" leftSection={<IconFileImport size={18} aria-hidden />} onClick={() => setImporting(true)}>
                {t('units.import')}
              </Button>
            )}
            {abilities.has('unit.create') && (
              <Button
                leftSection={<IconPlus size={18} aria-hidden />}
                onClick={() => setUnitForm({ mode: 'create', parentId: defaultParent })}
                data-testid="unit-create"
              >
                {t('units.create')}
              </Button>
            )}
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Card withBorder radius="md" padding="md" component="section" aria-labelledby="unit-tree-title">
            <Title order={2} fz="md" mb="sm" id="unit-tree-title">
              {t('units.treeLabel')}
            </Title>
            <Stack gap="sm" mb="sm">
              <TextInput
                label={t('units.search')}
                placeholder={t('units.searchPlaceholder')}
                leftSection={<IconSearch size={16} aria-hidden />}
                rightSection={search.isFetching ? <Loader size="xs" /> : null}
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
                type="search"
              />
              <Switch label={t('units.showInactive')} checked={includeInactive} onChange={(e) => setIncludeInactive(e.currentTarget.checked)} />
            </Stack>
            {tree.isError && <ErrorAlert error={tree.error} />}
            {debounced ? (
              <Box aria-live="polite">
                <Text fz="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
                  {t('units.searchResults')}
                </Text>
                {search.isError && <ErrorAlert error={search.error} />}
                {search.data && search.data.length === 0 && (
                  <Text fz="sm" c="dimmed">
                    {t('units.noResults')}
                  </Text>
                )}
                <ul className={classes.tree}>
                  {search.data?.map((u) => (
                    <li key={u.id}>
                      <UnitRow unit={u} hasChildren={false} open={false} selected={u.id === selectedId} onSelect={select} />
                    </li>
                  ))}
                </ul>
              </Box>
            ) : tree.isPending ? (
              <Stack gap={6}>
                {[1, 2, 3, 4, 5].map((i) => (
                  <Skeleton key={i} h={28} />
                ))}
              </Stack>
            ) : (
              <div data-testid="unit-tree">
                <UnitTree units={tree.data ?? []} selectedId={selectedId} onSelect={select} />
              </div>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }} id="unit-detail-anchor" style={{ scrollMarginTop: 72 }}>
          {selectedId ? (
            <UnitDetailPanel
              id={selectedId}
              onEdit={(unit) => setUnitForm({ mode: 'edit', unit })}
              onCreateChild={(unit) => setUnitForm({ mode: 'create', parentId: unit.id })}
              onAgency={setAgencyForm}
            />
          ) : (
            <Card withBorder radius="md" padding="xl">
              <Text c="dimmed" ta="center">
                {t('units.selectHint')}
              </Text>
            </Card>
          )}
        </Grid.Col>
      </Grid>
      <UnitFormModal
        target={unitForm}
        onClose={() => setUnitForm(null)}
        onSaved={(u) => {
          setUnitForm(null);
          select(u.id);
        }}
      />
      <AgencyFormModal target={agencyForm} onClose={() => setAgencyForm(null)} />
      <ImportModal
        opened={importing}
        onClose={() => setImporting(false)}
        title={t('import.unitsTitle')}
        help={t('import.unitsHelp')}
        endpoint="/api/units/import"
        sample={UNIT_SAMPLE}
        invalidate={unitKeys.all}
      />
    </>
  );
}

function UnitDetailPanel({
  id,
  onEdit,
  onCreateChild,
  onAgency,
}: {
  id: string;
  onEdit: (u: Unit) => void;
  onCreateChild: (u: Unit) => void;
  onAgency: (target: AgencyFormTarget) => void;
}) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const detail = useQuery({
    queryKey: unitKeys.detail(id),
    queryFn: ({ signal }) => api<UnitDetail>(`/api/units/${id}`, { signal }),
  });
  if (detail.isPending)
    return (
      <Card withBorder radius="md" padding="lg">
        <Skeleton h={28} w="60%" mb="md" />
        <Skeleton h={120} />
      </Card>
    );
  if (detail.isError) return <ErrorAlert error={detail.error} />;
  const u = detail.data;
  return (
    <Stack gap="lg">
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="unit-detail-title" data-testid="unit-detail">
        <Group justify="space-between" align="flex-start" mb="md" gap="sm">
          <div style={{ minWidth: 0 }}>
            <Text fz="xs" fw={600} c="dimmed" tt="uppercase">
              {t('units.detail')}
            </Text>
            <Title order={2} fz="xl" id="unit-detail-title">
              {u.name}
            </Title>
            <Group gap={6} mt={6}>
              <Badge variant="light">{unitKindLabel(u.kind, lang)}</Badge>
              <Badge variant="light" color={u.active ? 'green' : 'gray'}>
                {u.active ? t('common.active') : t('common.inactive')}
              </Badge>
            </Group>
          </div>
          <Group gap="xs">
            {u.actions.includes('unit.update') && (
              <Button variant="default" size="sm" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => onEdit(u)}>
                {t('common.edit')}
              </Button>
            )}
            {u.actions.includes('unit.create') && (
              <Button variant="light" size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onCreateChild(u)}>
                {t('units.createChild')}
              </Button>
            )}
          </Group>
        </Group>
        <dl className={classes.dl}>
          <dt>{t('common.code')}</dt>
          <dd>
            <code>{u.code}</code>
          </dd>
          <dt>{t('units.parent')}</dt>
          <dd>{u.parent?.name ?? t('units.noParent')}</dd>
          <dt>{t('units.validity')}</dt>
          <dd>
            {formatDate(u.validFrom) || '…'} – {formatDate(u.validTo) || t('units.openEnded')}
          </dd>
          <dt>{t('units.children')}</dt>
          <dd>{u.childCount}</dd>
          {u.note && (
            <>
              <dt>{t('common.note')}</dt>
              <dd>{u.note}</dd>
            </>
          )}
        </dl>
      </Card>
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="agencies-title">
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="lg" id="agencies-title">
            {t('units.agencies')}
          </Title>
          {u.actions.includes('agency.manage') && (
            <Button size="sm" variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onAgency({ mode: 'create', unit: u })}>
              {t('units.addAgency')}
            </Button>
          )}
        </Group>
        {u.agencies.length === 0 ? (
          <Text c="dimmed" fz="sm">
            {t('units.noAgencies')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table highlightOnHover aria-labelledby="agencies-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('common.code')}</Table.Th>
                  <Table.Th scope="col">{t('common.name')}</Table.Th>
                  <Table.Th scope="col">{t('common.kind')}</Table.Th>
                  <Table.Th scope="col">{t('common.status')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {u.agencies.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <code>{a.code}</code>
                    </Table.Td>
                    <Table.Td>{a.name}</Table.Td>
                    <Table.Td>{AGENCY_KIND_LABELS[a.kind]?.[lang] ?? a.kind}</Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={a.active ? 'green' : 'gray'}>
                        {a.active ? t('common.active') : t('common.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      {a.actions.includes('agency.manage') && (
                        <Button size="compact-sm" variant="subtle" onClick={() => onAgency({ mode: 'edit', agency: a })} aria-label={`${t('units.editAgency')}: ${a.name}`}>
                          {t('common.edit')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}
