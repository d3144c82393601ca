// What a writer sees of their letter: its state, where and when it was received, each matter's state and deadline, and the
// answer or decision addressed to them.
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay, formatMoment } from '../dossiers/dates';
import { StepList, type PublicStep } from '../track/Timeline';
import { AfterEnd, type WriterAccess } from './AfterEnd';
import type { PublicLetterView, TrackedCase } from './publicLetters';
import classes from './letters.module.css';
import { Fact, StateHeading } from '../common/StatusParts';

const DATA_KEYS = ['receivingBody', 'guidance', 'reason', 'fileReason', 'instance', 'result', 'decisionNumber', 'decisionDate', 'documentNumber', 'documentDate'] as const;
const DONE = new Set(['answered', 'resolved', 'concluded']);

/** The fields of a step addressed to the writer, in words. */
export function StepData({ step }: { step: PublicStep }) {
  const { t } = useTranslation();
  const value = (k: (typeof DATA_KEYS)[number], v: unknown): string => {
    if (k === 'fileReason') return t(`letters.fileReasons.${String(v)}` as 'letters.fileReasons.other', { defaultValue: String(v) });
    if (k === 'result') return t(`letters.results.${String(v)}` as 'letters.results.answered', { defaultValue: String(v) });
    if (k === 'instance') return t(`letters.instances.${String(v)}` as 'letters.instances.first', { defaultValue: String(v) });
    if (k === 'decisionDate' || k === 'documentDate') return formatDay(String(v));
    return String(v);
  };
  const rows = DATA_KEYS.filter((k) => typeof step.data[k] === 'string' && step.data[k] !== '');
  if (!rows.length) return null;
  return (
    <Stack gap={4}>
      {rows.map((k) => (
        <Text fz="sm" key={k}>
          <Text component="span" fz="sm" fw={600}>
            {t(`letters.track.data.${k}`)}:
          </Text>{' '}
          {value(k, step.data[k])}
        </Text>
      ))}
    </Stack>
  );
}

function CaseCard({ c, access }: { c: TrackedCase; access?: WriterAccess | undefined }) {
  const { t } = useTranslation();
  const answer = [...c.timeline].reverse().find((s) => typeof s.data.answer === 'string');
  const published = c.afterEnd?.publishedAnswerCode;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={`case-${c.code}`} data-testid="tracked-case" data-code={c.code}>
      <Group justify="space-between" gap="xs" mb="xs">
        <Title order={3} fz="md" id={`case-${c.code}`}>
          {t('letters.track.caseTitle', { type: c.typeLabel, code: c.code })}
        </Title>
        <Badge size="lg" variant="light" color={DONE.has(c.state) ? 'green' : 'dvBlue'} styles={{ root: { textTransform: 'none' } }} data-testid="case-state">
          {c.stateLabel}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" mb="sm">
        <Fact label={t('letters.track.caseUnit')}>{c.unitName}</Fact>
        {c.dueAt && !c.finishedAt && (
          <Fact label={t('letters.track.caseDue')} testId="case-due">
            <strong>{formatDay(c.dueAt)}</strong>
          </Fact>
        )}
        {c.finishedAt && <Fact label={t('letters.track.finishedAt')}>{formatMoment(c.finishedAt)}</Fact>}
        {c.afterEnd.reopenUntil && (
          <Fact label={t('letters.track.reopenUntil')} testId="case-reopen-until">
            <strong>{formatDay(c.afterEnd.reopenUntil)}</strong>
          </Fact>
        )}
      </SimpleGrid>
      {answer && (
        <Stack gap={6} mb="sm">
          <Text fw={700}>{t('letters.track.answer')}</Text>
          <Text p="sm" className={classes.answer} data-testid="case-answer">
            {String(answer.data.answer)}
          </Text>
          <StepData step={{ ...answer, data: { documentNumber: answer.data.documentNumber, documentDate: answer.data.documentDate } }} />
          {published && (
            <Anchor component={Link} to={`/tra-loi-don/${encodeURIComponent(published)}`} fz="sm" data-testid="published-link">
              {t('letters.track.published')}
            </Anchor>
          )}
        </Stack>
      )}
      {access && <AfterEnd c={c} access={access} />}
      <StepList steps={c.timeline} details={(s) => (s.action === 'answer' ? null : <StepData step={s} />)} testId="case-timeline" />
    </Card>
  );
}

/** `access`: the secret, for rating and asking to reopen an ended case. */
export function LetterStatus({ letter: l, access }: { letter: PublicLetterView; access?: WriterAccess }) {
  const { t } = useTranslation();
  const cases = l.cases as TrackedCase[];
  return (
    <Stack gap="md">
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="state-title">
        <StateHeading title={t('letters.track.state')} stateLabel={l.stateLabel} color="dvBlue" testId="letter-state" />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" mt="sm">
          <Fact label={t('letters.track.receivedAt')}>{formatMoment(l.receivedAt)}</Fact>
          <Fact label={t('letters.track.unit')}>{l.receivingUnitName}</Fact>
          {l.state === 'received' && l.dueAt && (
            <Fact label={t('letters.track.dueAt')} testId="letter-due">
              <strong>{formatDay(l.dueAt)}</strong>
            </Fact>
          )}
        </SimpleGrid>
        {l.state === 'received' && (
          <Text fz="sm" mt="sm">
            {t('letters.track.waiting')}
          </Text>
        )}
      </Card>
      {cases.length > 0 && (
        <Stack gap="sm">
          <Title order={2} fz="lg">
            {t('letters.track.cases')}
          </Title>
          {cases.map((c) => (
            <CaseCard key={c.code} c={c} access={access} />
          ))}
        </Stack>
      )}
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="timeline-title">
        <Title order={2} fz="lg" id="timeline-title" mb="md">
          {t('letters.track.timeline')}
        </Title>
        <StepList steps={l.timeline} details={(s) => <StepData step={s} />} testId="letter-timeline" />
      </Card>
    </Stack>
  );
}
