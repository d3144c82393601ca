// The history as the citizen sees it (a dossier's, a letter's): when, what was done, the state it led to, and what was addressed to them.
import { Card, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay, formatMoment } from '../dossiers/dates';
import type { TrackedDossier } from '../dossiers/publicDossiers';
import classes from '../dossiers/dossiers.module.css';
import { StepDetails } from './DossierStatus';

/** A step as the citizen sees it (a dossier's or a letter's). */
export interface PublicStep {
  at: string;
  action: string;
  actionLabel: string;
  stateLabel: string;
  dueAt: string | null;
  data: Record<string, unknown>;
}

/** The steps oldest first, the current one marked; `details` renders what a step addressed to the citizen. */
export function StepList({ steps, details, testId }: { steps: readonly PublicStep[]; details: (s: PublicStep) => ReactNode; testId: string }) {
  const { t } = useTranslation();
  return (
    <ol className={classes.timeline} data-testid={testId}>
      {steps.map((s, i) => {
        const current = i === steps.length - 1;
        return (
          <li key={`${s.at}-${i}`} className={classes.step} data-current={current} aria-current={current ? 'step' : undefined}>
            <span className={classes.dot} aria-hidden />
            <Text fz="xs" c="gray.7">
              <time dateTime={s.at}>{formatMoment(s.at)}</time>
            </Text>
            <Text fz="sm" fw={600}>
              {s.actionLabel}
            </Text>
            <Text fz="sm" c="gray.8">
              {t('citizen.track.stepState', { state: s.stateLabel })}
            </Text>
            {s.action === 'extend' && s.dueAt && (
              <Text fz="sm" c="gray.8">
                {t('citizen.track.newDue', { date: formatDay(s.dueAt) })}
              </Text>
            )}
            <div style={{ marginTop: 4 }}>{details(s)}</div>
          </li>
        );
      })}
    </ol>
  );
}

export function Timeline({ dossier }: { dossier: TrackedDossier }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="timeline-title">
      <Title order={2} fz="lg" id="timeline-title" mb="md">
        {t('citizen.track.timeline')}
      </Title>
      <StepList steps={dossier.timeline} details={(s) => <StepDetails data={s.data} />} testId="timeline" />
    </Card>
  );
}
