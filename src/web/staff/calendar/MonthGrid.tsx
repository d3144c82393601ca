// The calendar's month grid (each day coloured by kind: holiday, day off, swapped working day, weekend) and its legend.
import { Card, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../api/types';
import { formatDate, weekdayIndex } from '../../format';
import classes from './calendar.module.css';

type Cls = 'holiday' | 'dayOff' | 'working' | 'weekend' | 'normal';

function classify(date: string, day: CalendarDay | undefined): Cls {
  const wd = weekdayIndex(date);
  if (day?.kind === 'working_day') return wd >= 5 ? 'working' : 'normal';
  if (day?.kind === 'holiday') return 'holiday';
  if (day?.kind === 'day_off') return 'dayOff';
  return wd >= 5 ? 'weekend' : 'normal';
}

function pad(n: number) {
  return String(n).padStart(2, '0');
}

export function MonthGrid({ year, month, days, today }: { year: number; month: number; days: Map<string, CalendarDay>; today: string }) {
  const { t } = useTranslation();
  const short = t('calendar.weekdaysShort').split(',');
  const long = t('calendar.weekdays').split(',');
  const first = `${year}-${pad(month)}-01`;
  const offset = weekdayIndex(first);
  const count = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: Array<string | null> = [...Array<null>(offset).fill(null)];
  for (let d = 1; d <= count; d++) cells.push(`${year}-${pad(month)}-${pad(d)}`);
  while (cells.length % 7) cells.push(null);
  const weeks: Array<Array<string | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return (
    <Card withBorder radius="md" padding="sm">
      <table className={classes.month}>
        <caption className={classes.caption}>{t('calendar.month', { month })}</caption>
        <thead>
          <tr>
            {short.map((w, i) => (
              <th key={w} scope="col" abbr={long[i]} className={i >= 5 ? classes.weekendHead : undefined}>
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, wi) => (
            <tr key={wi}>
              {week.map((date, di) => {
                if (!date) return <td key={di} />;
                const info = days.get(date);
                const cls = classify(date, info);
                return (
                  <td
                    key={date}
                    className={classes.day}
                    data-kind={cls}
                    data-today={date === today || undefined}
                    data-date={date}
                    title={info ? `${formatDate(date)}: ${info.name}` : undefined}
                  >
                    {Number(date.slice(8))}
                    {info && <span className="visually-hidden">: {info.name}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

export function Legend() {
  const { t } = useTranslation();
  const items: Array<[Cls, string]> = [
    ['holiday', t('calendar.holiday')],
    ['dayOff', t('calendar.dayOff')],
    ['working', t('calendar.workingDay')],
    ['weekend', t('calendar.weekend')],
  ];
  return (
    <Group gap="md" component="ul" className={classes.legend} aria-label={t('calendar.legend')}>
      {items.map(([cls, label]) => (
        <Group component="li" key={cls} gap={6} wrap="nowrap">
          <span className={classes.swatch} data-kind={cls} aria-hidden />
          <Text fz="sm">{label}</Text>
        </Group>
      ))}
      <Group component="li" gap={6} wrap="nowrap">
        <span className={classes.swatch} data-today aria-hidden />
        <Text fz="sm">{t('calendar.today')}</Text>
      </Group>
    </Group>
  );
}
