// Working calendar: 12 month grids with legend, the list of special days, the official schedule form,
// the afternoon cut-off setting and a due-date calculator.
import { ActionIcon, Badge, Box, Button, Card, Checkbox, Group, NumberInput, Select, SimpleGrid, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconChevronLeft, IconChevronRight, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api/client';
import type { CalendarDay, CalendarSettings, CalendarYear, DueAnswer } from '../../api/types';
import { formatDate, formatDateTime, todayVn, vnLocalToIso, weekdayIndex } from '../../format';
import { ErrorAlert, PageHeader, SectionCard } from '../common';
import { blankToUndefined, useFormMutation } from '../forms';
import { FormError } from '../FormModal';
import { useAbilities } from '../session';
import classes from './calendar.module.css';
import { Legend, MonthGrid } from './MonthGrid';

const calendarKey = (year: number) => ['calendar', 'year', year] as const;

export default function CalendarPage() {
  const { t } = useTranslation();
  const abilities = useAbilities();
  const client = useQueryClient();
  const today = todayVn();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const cal = useQuery({
    queryKey: calendarKey(year),
    queryFn: ({ signal }) => api<CalendarYear>(`/api/calendar/years/${year}`, { signal }),
  });
  const days = useMemo(() => new Map((cal.data?.days ?? []).map((d) => [d.date, d])), [cal.data]);
  const canManage = abilities.has('calendar.manage');

  const remove = useMutation({
    mutationFn: (date: string) => api<{ ok: true }>(`/api/calendar/days/${date}`, { method: 'DELETE' }),
    onSuccess: (_r, date) => {
      notifications.show({ color: 'green', message: t('calendar.removed', { date: formatDate(date) }) });
      void client.invalidateQueries({ queryKey: ['calendar'] });
    },
    onError: (err) => notifications.show({ color: 'red', title: t('common.error'), message: errorMessage(err) }),
  });

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        description={t('calendar.description')}
        actions={
          <Group gap={4} role="group" aria-label={t('calendar.year')}>
            <ActionIcon variant="default" size="lg" onClick={() => setYear((y) => y - 1)} aria-label={t('calendar.prevYear')}>
              <IconChevronLeft size={18} aria-hidden />
            </ActionIcon>
            <Text fw={700} fz="lg" w={64} ta="center" aria-live="polite" data-testid="calendar-year">
              {year}
            </Text>
            <ActionIcon variant="default" size="lg" onClick={() => setYear((y) => y + 1)} aria-label={t('calendar.nextYear')}>
              <IconChevronRight size={18} aria-hidden />
            </ActionIcon>
          </Group>
        }
      />
      <Card withBorder radius="md" padding="sm" mb="md">
        <Legend />
      </Card>
      {cal.isError && <ErrorAlert error={cal.error} />}
      {cal.isPending ? (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }}>
          {Array.from({ length: 12 }, (_, i) => (
            <Skeleton key={i} h={220} />
          ))}
        </SimpleGrid>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }} spacing="md" data-testid="calendar-months">
          {Array.from({ length: 12 }, (_, i) => (
            <MonthGrid key={i} year={year} month={i + 1} days={days} today={today} />
          ))}
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="lg" mt="lg">
        {canManage && <OfficialDayForm year={year} />}
        <DueCalculator />
        {cal.data && <SettingsForm settings={cal.data.settings} canManage={abilities.has('settings.manage')} />}
      </SimpleGrid>
      <Box mt="lg">
          <SectionCard id="days-title" title={t('calendar.listTitle', { year })}>
            <Table.ScrollContainer minWidth={640}>
              <Table striped aria-labelledby="days-title" data-testid="calendar-days">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('calendar.date')}</Table.Th>
                    <Table.Th scope="col">{t('calendar.weekday')}</Table.Th>
                    <Table.Th scope="col">{t('calendar.name')}</Table.Th>
                    <Table.Th scope="col">{t('calendar.kind')}</Table.Th>
                    <Table.Th scope="col">{t('calendar.source')}</Table.Th>
                    {canManage && (
                      <Table.Th scope="col">
                        <span className="visually-hidden">{t('common.actions')}</span>
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(cal.data?.days ?? []).map((d) => (
                    <Table.Tr key={`${d.date}-${d.source}`} data-date={d.date}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(d.date)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('calendar.weekdays').split(',')[weekdayIndex(d.date)]}</Table.Td>
                      <Table.Td>
                        {d.name}
                        {d.legalBasis && (
                          <Text fz="xs" c="dimmed">
                            {t('calendar.legalBasis')}: {d.legalBasis}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="light" color={d.kind === 'working_day' ? 'dvBlue' : d.kind === 'holiday' ? 'dvRed' : 'orange'} style={{ textTransform: 'none' }}>
                          {t(`kinds.${d.kind}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>
                          {d.source === 'official' ? t('calendar.sourceOfficial') : t('calendar.sourceRule')}
                        </Text>
                      </Table.Td>
                      {canManage && (
                        <Table.Td ta="right">
                          {d.source === 'official' && (
                            <ActionIcon
                              variant="subtle"
                              color="dvRed"
                              aria-label={t('calendar.removeLabel', { date: formatDate(d.date) })}
                              onClick={() => remove.mutate(d.date)}
                              loading={remove.isPending && remove.variables === d.date}
                            >
                              <IconTrash size={16} aria-hidden />
                            </ActionIcon>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </SectionCard>
      </Box>
    </>
  );
}

function OfficialDayForm({ year }: { year: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({
    initialValues: { date: '', kind: 'day_off', name: '', legalBasis: '' },
    validate: {
      date: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t('login.required', { field: t('calendar.date').toLowerCase() })),
      name: (v) => (v.trim() ? null : t('login.required', { field: t('calendar.name').toLowerCase() })),
    },
  });
  const save = useFormMutation(form, {
    mutationFn: (v: typeof form.values) =>
      api<CalendarDay>(`/api/calendar/days/${v.date}`, { method: 'PUT', body: { kind: v.kind, name: v.name.trim(), legalBasis: blankToUndefined(v.legalBasis) } }),
    onSuccess: (_d, v) => {
      notifications.show({ color: 'green', message: t('calendar.added', { date: formatDate(v.date) }) });
      void client.invalidateQueries({ queryKey: ['calendar'] });
      form.reset();
    },
    rename: { kind: 'kind', name: 'name', legalBasis: 'legalBasis', 'params.date': 'date' },
  });
  return (
    <SectionCard id="official-title" title={t('calendar.addTitle')} description={t('calendar.addHelp')}>
      <form
        onSubmit={save.submit}
        noValidate
        data-testid="official-day-form"
      >
        <Stack gap="sm">
          <FormError error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label={t('calendar.date')} required min={`${year - 1}-01-01`} {...form.getInputProps('date')} />
            <Select
              label={t('calendar.kind')}
              allowDeselect={false}
              data={[
                { value: 'day_off', label: t('calendar.kindDayOff') },
                { value: 'working_day', label: t('calendar.kindWorkingDay') },
              ]}
              {...form.getInputProps('kind')}
            />
          </SimpleGrid>
          <TextInput label={t('calendar.name')} required {...form.getInputProps('name')} />
          <TextInput label={t('calendar.legalBasis')} placeholder="Thông báo số …/TB-BNV" {...form.getInputProps('legalBasis')} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('calendar.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}

function SettingsForm({ settings, canManage }: { settings: CalendarSettings; canManage: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({ initialValues: { afternoonCutoff: settings.afternoonCutoff } });
  const save = useFormMutation(form, {
    mutationFn: (v: typeof form.values) => api<CalendarSettings>('/api/calendar/settings', { method: 'PUT', body: v }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('common.saved') });
      void client.invalidateQueries({ queryKey: ['calendar'] });
    },
  });
  return (
    <SectionCard id="settings-title" title={t('calendar.settingsTitle')}>
      <form
        onSubmit={save.submit}
        noValidate
      >
        <Stack gap="sm">
          <FormError error={save.error} />
          <Group align="flex-end">
            <TextInput
              type="time"
              label={t('calendar.cutoff')}
              description={t('calendar.cutoffHelp')}
              readOnly={!canManage}
              style={{ flex: 1 }}
              {...form.getInputProps('afternoonCutoff')}
            />
            {canManage && (
              <Button type="submit" variant="default" loading={save.isPending}>
                {t('common.save')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}

function DueCalculator() {
  const { t } = useTranslation();
  const now = new Date();
  const local = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  })
    .format(now)
    .replace(' ', 'T');
  const form = useForm({
    initialValues: { start: local, amount: 10 as number | string, unit: 'working_days', applyCutoff: true },
  });
  const compute = useFormMutation(form, {
    mutationFn: (v: typeof form.values) =>
      api<DueAnswer>('/api/calendar/due', {
        method: 'POST',
        body: { start: vnLocalToIso(v.start), amount: Number(v.amount), unit: v.unit, applyCutoff: v.applyCutoff },
      }),
  });
  return (
    <SectionCard id="due-title" title={t('calendar.dueTitle')}>
      <form
        onSubmit={compute.submit}
        noValidate
      >
        <Stack gap="sm">
          <FormError error={compute.error} />
          <TextInput type="datetime-local" label={t('calendar.dueStart')} required {...form.getInputProps('start')} />
          <SimpleGrid cols={2}>
            <NumberInput label={t('calendar.dueAmount')} min={0} max={3650} allowDecimal={false} {...form.getInputProps('amount')} />
            <Select
              label={t('calendar.dueUnit')}
              allowDeselect={false}
              data={[
                { value: 'working_days', label: t('calendar.workingDays') },
                { value: 'calendar_days', label: t('calendar.calendarDays') },
              ]}
              {...form.getInputProps('unit')}
            />
          </SimpleGrid>
          <Checkbox label={t('calendar.applyCutoff')} {...form.getInputProps('applyCutoff', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button type="submit" loading={compute.isPending}>
              {t('calendar.compute')}
            </Button>
          </Group>
          {compute.data && (
            <Box className={classes.result} aria-live="polite" data-testid="due-result">
              <dl>
                <dt>{t('calendar.effectiveStart')}</dt>
                <dd>{/^\d{4}-\d{2}-\d{2}$/.test(compute.data.effectiveStart) ? formatDate(compute.data.effectiveStart) : formatDateTime(compute.data.effectiveStart)}</dd>
                <dt>{t('calendar.dueDate')}</dt>
                <dd>
                  <strong>{formatDate(compute.data.dueDate)}</strong>
                </dd>
                <dt>{t('calendar.dueAt')}</dt>
                <dd>{formatDateTime(compute.data.dueAt)}</dd>
              </dl>
            </Box>
          )}
        </Stack>
      </form>
    </SectionCard>
  );
}
