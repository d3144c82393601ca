// The procedure catalog for staff: search and filters, a keyset "load more" table, create/edit,
// withdraw/publish again and CSV import, each shown only when the API lists it for the row or the user.
import { ActionIcon, Badge, Button, Card, Group, Menu, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconEdit, IconEye, IconEyeOff, IconExternalLink, IconFileImport, IconPlus, IconSearch, IconWorldUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api/client';
import type { ProcedureView } from '../../api/types';
import { formatDays } from '../../portal/catalog';
import { ActiveFilter, PageHeader, unitSelectProps, useUnitsTree } from '../common';
import { ImportModal } from '../ImportModal';
import { ListTable, useKeysetList } from '../list';
import { useAbilities } from '../session';
import { ProcedureFormModal, procedureKeys, type ProcedureFormTarget } from './ProcedureForm';

const SAMPLE = {
  filename: 'mau-nhap-thu-tuc.csv',
  csv:
    'code,name,field_code,field_name,level,implementing_agency,unit_code,statutory_days,local_days,fees,documents,result,legal_basis,fully_online\n' +
    '1.001193,Đăng ký khai sinh,HT,Hộ tịch,commune,UBND cấp xã,99,1,0.5,"Lệ phí|0|miễn khi đúng hạn","Tờ khai|original|1; Giấy chứng sinh|original_or_copy|1",Giấy khai sinh,Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP,true\n',
};

export default function ProceduresPage() {
  const { t } = useTranslation();
  const abilities = useAbilities();
  const client = useQueryClient();
  const tree = useUnitsTree(false);
  const unitNames = new Map((tree.data ?? []).map((u) => [u.id, u.name]));
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>('all');
  const [form, setForm] = useState<ProcedureFormTarget | null>(null);
  const [importing, setImporting] = useState(false);

  const filters = { q: debouncedQ, unitId, active: active === 'all' ? undefined : active };
  const { list, rows } = useKeysetList<ProcedureView>(procedureKeys.all, '/api/procedures', filters);

  const setActiveFlag = useMutation({
    mutationFn: ({ p, value }: { p: ProcedureView; value: boolean }) => api<ProcedureView>(`/api/procedures/${p.id}`, { method: 'PATCH', body: { active: value } }),
    onSuccess: (p) => {
      notifications.show({ color: 'green', message: p.active ? t('procedures.activated', { name: p.name }) : t('procedures.deactivated', { name: p.name }) });
      void client.invalidateQueries({ queryKey: procedureKeys.all });
    },
    onError: (err) => notifications.show({ color: 'red', title: t('common.error'), message: errorMessage(err) }),
  });

  return (
    <>
      <PageHeader
        title={t('procedures.title')}
        description={t('procedures.description')}
        actions={
          <>
            {abilities.has('procedure.import') && (
              <Button variant="default" leftSection={<IconFileImport size={18} aria-hidden />} onClick={() => setImporting(true)}>
                {t('procedures.import')}
              </Button>
            )}
            {abilities.has('procedure.manage') && (
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setForm({ mode: 'create' })} data-testid="procedure-create">
                {t('procedures.create')}
              </Button>
            )}
          </>
        }
      />
      <Card withBorder radius="md" padding="md" mb="md" component="section" aria-label={t('audit.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('procedures.search')}
            placeholder={t('procedures.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
          <Select label={t('procedures.filterUnit')} placeholder={t('procedures.anyUnit')} {...unitSelectProps(tree.data)} value={unitId} onChange={setUnitId} searchable clearable />
          <ActiveFilter label={t('procedures.filterStatus')} activeLabel={t('procedures.published')} inactiveLabel={t('procedures.withdrawn')} value={active} onChange={setActive} />
        </SimpleGrid>
      </Card>
      <ListTable
        list={list}
        count={rows.length}
        minWidth={900}
        label={t('procedures.table')}
        testId="procedure-table"
        columns={[
          { label: t('procedures.code') },
          { label: t('procedures.name') },
          { label: t('procedures.unit') },
          { label: t('procedures.days') },
          { label: t('common.status') },
          { label: t('common.actions'), hidden: true },
        ]}
      >
        {rows.map((p) => (
          <Table.Tr key={p.id} data-code={p.code}>
            <Table.Td>
              <Text fz="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {p.code}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text fz="sm" fw={600}>
                {p.name}
              </Text>
              <Text fz="xs" c="dimmed">
                {p.fieldName} · {t(`levels.${p.level}`)} · {p.implementingAgency}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text fz="sm">{p.unitId ? (unitNames.get(p.unitId) ?? '…') : t('procedures.nationalCatalog')}</Text>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Text fz="sm">
                {p.localDays !== null && p.localDays !== p.statutoryDays ? `${formatDays(p.localDays)} / ${formatDays(p.statutoryDays)}` : formatDays(p.statutoryDays)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                <Badge variant="light" size="sm" color={p.active ? 'green' : 'gray'}>
                  {p.active ? t('procedures.published') : t('procedures.withdrawn')}
                </Badge>
                {p.fullyOnline && (
                  <Badge variant="light" size="sm" leftSection={<IconWorldUpload size={12} aria-hidden />}>
                    {t('catalog.online')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td ta="right">
              <Menu position="bottom-end" withinPortal shadow="md">
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" aria-label={t('common.moreActions', { name: p.name })}>
                    <IconDots size={18} aria-hidden />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  {p.active && (
                    <Menu.Item component="a" href={`/thu-tuc/${p.code}`} target="_blank" leftSection={<IconExternalLink size={16} aria-hidden />}>
                      {t('portal.open')}
                    </Menu.Item>
                  )}
                  {p.actions.includes('procedure.manage') && (
                    <>
                      <Menu.Item leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setForm({ mode: 'edit', procedure: p })}>
                        {t('procedures.edit')}
                      </Menu.Item>
                      <Menu.Divider />
                      {p.active ? (
                        <Menu.Item color="dvRed" leftSection={<IconEyeOff size={16} aria-hidden />} onClick={() => setActiveFlag.mutate({ p, value: false })}>
                          {t('procedures.deactivate')}
                        </Menu.Item>
                      ) : (
                        <Menu.Item leftSection={<IconEye size={16} aria-hidden />} onClick={() => setActiveFlag.mutate({ p, value: true })}>
                          {t('procedures.activate')}
                        </Menu.Item>
                      )}
                    </>
                  )}
                </Menu.Dropdown>
              </Menu>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      <ProcedureFormModal target={form} onClose={() => setForm(null)} />
      <ImportModal
        opened={importing}
        onClose={() => setImporting(false)}
        title={t('import.proceduresTitle')}
        help={t('import.proceduresHelp')}
        endpoint="/api/procedures/import"
        sample={SAMPLE}
        invalidate={procedureKeys.all}
      />
    </>
  );
}
