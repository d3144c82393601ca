// The facts of a dossier as a description list: applicant, procedure, dates and deadline, where it was received and where it is now.
import { Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierView } from '../../api/types';
import { formatDate, formatDateTime } from '../../format';
import { daysLeftText, DueBadge } from './badges';
import classes from './dossiers.module.css';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

const place = (ref: { name: string } | null, unit: { name: string }) => (ref ? `${ref.name} · ${unit.name}` : unit.name);

/** Why no deadline runs: finished (show the one that applied), not received yet, or the clock is stopped. */
function NoDue({ d }: { d: DossierView }) {
  const { t } = useTranslation();
  const applied = [...d.steps].reverse().find((s) => s.dueAt)?.dueAt;
  if (d.finishedAt && applied) return <Text fz="sm">{t('dossiers.page.lastDue', { date: formatDate(applied) })}</Text>;
  return (
    <Text fz="sm" c="dimmed">
      {d.receivedAt ? t('dossiers.page.paused') : t('dossiers.page.notStarted')}
    </Text>
  );
}

export function DossierFacts({ d }: { d: DossierView }) {
  const { t } = useTranslation();
  const a = d.applicant;
  return (
    <dl className={classes.facts}>
      <Fact label={t('dossiers.page.applicant')}>
        <Stack gap={0}>
          <Text fz="sm" fw={600}>
            {a.name}
          </Text>
          <Text fz="sm">
            {t('dossiers.page.idNumber')}: {a.idNumber}
          </Text>
          {a.phone && (
            <Text fz="sm">
              {t('dossiers.page.phone')}: {a.phone}
            </Text>
          )}
          {a.email && (
            <Text fz="sm">
              {t('dossiers.page.email')}: {a.email}
            </Text>
          )}
          {a.address && (
            <Text fz="sm">
              {t('dossiers.page.address')}: {a.address}
            </Text>
          )}
        </Stack>
      </Fact>
      <Fact label={t('dossiers.page.procedure')}>
        <Text fz="sm">
          {d.procedureName} ({d.procedureCode})
        </Text>
        <Text fz="xs" c="dimmed">
          {t('dossiers.page.processingDays', { days: d.processingDays })}
        </Text>
      </Fact>
      <Fact label={t('dossiers.page.channel')}>{t(`dossiers.channel.${d.channel}`)}</Fact>
      <Fact label={t('dossiers.page.submittedAt')}>{formatDateTime(d.submittedAt, false)}</Fact>
      <Fact label={t('dossiers.page.receivedAt')}>{d.receivedAt ? formatDateTime(d.receivedAt, false) : t('dossiers.page.notReceived')}</Fact>
      <Fact label={t('dossiers.page.dueAt')} testId="dossier-due">
        {d.dueAt ? (
          <Group gap="xs">
            <Text fz="sm" fw={700}>
              {formatDate(d.dueAt)}
            </Text>
            {d.dueStatus && <DueBadge status={d.dueStatus} />}
            {d.workingDaysLeft !== null && (
              <Text fz="sm" c={d.workingDaysLeft < 0 ? 'dvRed.8' : undefined}>
                ({daysLeftText(t, d.workingDaysLeft)})
              </Text>
            )}
          </Group>
        ) : (
          <NoDue d={d} />
        )}
      </Fact>
      <Fact label={t('dossiers.page.receiving')}>{place(d.receivingAgency, d.receivingUnit)}</Fact>
      <Fact label={t('dossiers.page.current')}>{place(d.agency, d.unit)}</Fact>
      <Fact label={t('dossiers.page.assignee')} testId="dossier-assignee">
        {d.assignee?.name ?? (
          <Text component="span" fz="sm" c="dimmed">
            {t('dossiers.page.unassigned')}
          </Text>
        )}
      </Fact>
      {d.finishedAt && (
        <>
          <Fact label={t('dossiers.page.finishedAt')}>{formatDateTime(d.finishedAt, false)}</Fact>
          {d.resultKind && <Fact label={t('dossiers.page.result')}>{t(`dossiers.result.${d.resultKind}`)}</Fact>}
        </>
      )}
    </dl>
  );
}
