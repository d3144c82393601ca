// What a citizen sees of their dossier: the state in plain words, the appointment, where it is, and what the office asked for.
import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDay, formatMoment } from '../dossiers/dates';
import type { TrackedDossier } from '../dossiers/publicDossiers';
import classes from '../dossiers/dossiers.module.css';
import { Fact, StateHeading } from '../common/StatusParts';

type Step = TrackedDossier['timeline'][number];
type Tone = 'info' | 'warn' | 'done' | 'stop';

const TONES: Record<string, Tone> = {
  needs_completion: 'warn',
  awaiting_documents: 'warn',
  result_ready: 'done',
  returned: 'done',
  refused: 'stop',
  stopped: 'stop',
  withdrawn: 'stop',
};
/** States whose explanation the citizen texts carry; any other state shows its label alone. */
const EXPLAINED = new Set([
  'submitted',
  'needs_completion',
  'refused',
  'accepted',
  'transferred',
  'processing',
  'awaiting_documents',
  'pending_approval',
  'result_ready',
  'returned',
  'stopped',
  'withdrawn',
]);

/** The office's last request that the current state answers to (form 02, a request for documents, a refusal, a stop). */
const ASKING: Record<string, string> = {
  needs_completion: 'request_completion',
  awaiting_documents: 'request_documents',
  refused: 'refuse',
  stopped: 'stop',
};

export function lastStep(d: TrackedDossier, action: string): Step | undefined {
  return [...d.timeline].reverse().find((s) => s.action === action);
}

export function isFinished(d: TrackedDossier): boolean {
  return d.finishedAt !== null || ['refused', 'returned', 'stopped', 'withdrawn'].includes(d.state);
}

interface DocItem {
  name: string;
  note?: string;
}

/** The `missingDocuments` of a step: names (with a note) whether the office sent strings or document items. */
export function docItems(value: unknown): DocItem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v): DocItem[] => {
    if (typeof v === 'string') return [{ name: v }];
    if (v && typeof v === 'object' && typeof (v as DocItem).name === 'string') {
      const note = (v as DocItem).note;
      return [{ name: (v as DocItem).name, ...(typeof note === 'string' && note ? { note } : {}) }];
    }
    return [];
  });
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);

/** The fields addressed to the applicant: missing documents, guidance, reason, legal basis. */
export function StepDetails({ data }: { data: Record<string, unknown> }) {
  const { t } = useTranslation();
  const docs = docItems(data.missingDocuments);
  const rows: Array<[string, string | null]> = [
    ['guidance', text(data.guidance)],
    ['reason', text(data.reason)],
    ['legalBasis', text(data.legalBasis)],
  ];
  if (!docs.length && rows.every(([, v]) => !v)) return null;
  return (
    <Stack gap={6}>
      {docs.length > 0 && (
        <div>
          <Text fz="sm" fw={600}>
            {t('citizen.track.missingDocuments')}
          </Text>
          <ul className={classes.list} data-testid="missing-documents">
            {docs.map((d, i) => (
              <li key={i}>
                <Text component="span" fz="sm">
                  {d.name}
                </Text>
                {d.note && (
                  <Text component="span" fz="xs" c="dimmed">
                    {' '}
                    ({d.note})
                  </Text>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {rows.map(([key, value]) =>
        value ? (
          <div key={key}>
            <Text fz="sm" fw={600}>
              {t(`citizen.track.${key as 'guidance' | 'reason' | 'legalBasis'}`)}
            </Text>
            <Text fz="sm" className={classes.prose}>
              {value}
            </Text>
          </div>
        ) : null,
      )}
    </Stack>
  );
}

export function DossierStatus({ dossier: d }: { dossier: TrackedDossier }) {
  const { t } = useTranslation();
  const tone = TONES[d.state] ?? 'info';
  const asking = ASKING[d.state] ? lastStep(d, ASKING[d.state] ?? '') : undefined;
  const extended = !isFinished(d) ? lastStep(d, 'extend') : undefined;
  return (
    <Stack gap="md">
      <Card withBorder radius="md" padding="lg" className={classes.stateCard} data-tone={tone} component="section" aria-labelledby="state-title">
        <StateHeading title={t('citizen.track.state')} stateLabel={d.stateLabel} color={tone === 'stop' ? 'dvRed' : tone === 'warn' ? 'orange' : tone === 'done' ? 'green' : 'dvBlue'} testId="dossier-state" />
        {EXPLAINED.has(d.state) && (
          <Text fz="md" data-testid="state-explain">
            {t(`citizen.states.${d.state as 'submitted'}`)}
          </Text>
        )}
      </Card>

      <Card withBorder radius="md" padding="lg">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Fact label={t('citizen.track.submittedAt')}>{formatMoment(d.submittedAt)}</Fact>
          <Fact label={t('citizen.track.unit')}>{d.receivingUnitName}</Fact>
          {d.receivedAt && <Fact label={t('citizen.track.receivedAt')}>{formatMoment(d.receivedAt)}</Fact>}
          {d.dueAt && !isFinished(d) && (
            <Fact label={t('citizen.track.dueAt')} testId="dossier-due">
              <strong>{formatDay(d.dueAt)}</strong>
            </Fact>
          )}
          {d.finishedAt && <Fact label={t('citizen.track.finishedAt')}>{formatMoment(d.finishedAt)}</Fact>}
        </SimpleGrid>
      </Card>

      {asking && (
        <Card radius="md" padding="lg" className={classes.asked} component="section" aria-labelledby="asked-title" data-testid="office-request">
          <Title order={2} fz="lg" id="asked-title" mb="xs">
            {t(`citizen.asked.${d.state as 'needs_completion'}`)}
          </Title>
          <Text fz="xs" c="gray.7" mb="xs">
            {formatMoment(asking.at)}
          </Text>
          <StepDetails data={asking.data} />
        </Card>
      )}
      {extended && (
        <Card radius="md" padding="lg" className={classes.asked} component="section" aria-labelledby="extended-title" data-testid="office-extension">
          <Title order={2} fz="lg" id="extended-title" mb="xs">
            {t('citizen.asked.extend', { date: formatDay(extended.dueAt ?? d.dueAt) })}
          </Title>
          <StepDetails data={extended.data} />
        </Card>
      )}
    </Stack>
  );
}
