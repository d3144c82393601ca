// /staff/letter-cases/:id: one case: the actions this user may take now as forms generated from the workflow (the same as for
// dossiers), its facts and deadline, the eligibility recorded at classification, the letters it holds (a duplicate filed by
// mistake unfiled from here) and its history.
import { Anchor, Badge, Button, Grid, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconArrowBackUp, IconCheck, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import type { PublicationView } from '../../../common/letter-resolution.schema';
import type { WorkflowActionView } from '../../../common/workflow.schema';
import { formatDate, formatDateTime } from '../../format';
import { SectionCard } from '../common';
import { daysLeftText } from '../dossiers/badges';
import { ActionButtons } from '../workflow/ActionButtons';
import { StepTimeline } from '../workflow/StepTimeline';
import { WorkflowActionModal } from '../workflow/WorkflowActionModal';
import { TypeBadge } from './LetterRows';
import { letterFileUrl, letterKeys, useCase, useRefetchLettersOnLanguage, type CaseView } from './letters.api';
import { Back, Fact, Failed, Header, LetterFiles, Loading, RedactedNotice } from './parts';
import { UnfileModal } from './UnfileModal';

/** Whole days from today to the due date (Vietnam dates): negative when late. */
function daysLeft(dueAt: string): number {
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(d);
  return Math.round((Date.parse(day(new Date(dueAt))) - Date.parse(day(new Date()))) / 86_400_000);
}

function Facts({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const outcome = c.outcome ? t(`letters.outcomes.${c.outcome}` as 'letters.outcomes.accepted', { defaultValue: c.outcome }) : null;
  const result = c.result ? t(`letters.results.${c.result}` as 'letters.results.answered', { defaultValue: c.result }) : null;
  return (
    <Stack gap="sm">
      <Fact label={t('letters.case.summary')} testId="case-summary">
        {c.summary}
      </Fact>
      {c.target && <Fact label={t('letters.letter.target')}>{c.target}</Fact>}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Fact label={t('letters.case.unit')}>{c.agency ? `${c.agency.name} (${c.unit.name})` : c.unit.name}</Fact>
        <Fact label={t('letters.case.assignee')} testId="case-assignee">
          {c.assignee?.name ?? t('letters.case.noAssignee')}
        </Fact>
        <Fact label={t('letters.case.receivedAt')}>{formatDateTime(c.receivedAt, false)}</Fact>
        {c.acceptedAt && <Fact label={t('letters.case.acceptedAt')}>{formatDateTime(c.acceptedAt, false)}</Fact>}
        <Fact label={t('letters.case.dueAt')} testId="case-due">
          {c.dueAt ? (
            <>
              <strong>{formatDate(c.dueAt)}</strong>
              {!c.finishedAt && ` · ${daysLeftText(t, daysLeft(c.dueAt))}`}
            </>
          ) : (
            t('letters.case.noDue')
          )}
        </Fact>
        {c.finishedAt && <Fact label={t('letters.case.finishedAt')}>{formatDateTime(c.finishedAt, false)}</Fact>}
        {outcome && <Fact label={t('letters.case.outcome')}>{[outcome, c.outcomeReason].filter(Boolean).join(': ')}</Fact>}
        {result && <Fact label={t('letters.case.result')}>{result}</Fact>}
      </SimpleGrid>
    </Stack>
  );
}

function Eligibility({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Badge color={c.processable ? 'green' : 'orange'} variant="light">
          {c.processable ? t('letters.case.processable') : t('letters.case.notProcessable')}
        </Badge>
        {c.anonymous && (
          <Badge color="gray" variant="light">
            {t('letters.case.anonymous')}
          </Badge>
        )}
        {c.aboutRegulation && (
          <Badge color="dvBlue" variant="light">
            {t('letters.case.aboutRegulation')}
          </Badge>
        )}
      </Group>
      <List spacing={2} size="sm" listStyleType="none" p={0}>
        {Object.entries(c.eligibility).map(([k, ok]) => (
          <List.Item key={k} icon={ok ? <IconCheck size={14} color="var(--mantine-color-green-8)" aria-label="✓" /> : <IconX size={14} color="var(--mantine-color-dvRed-7)" aria-label="✗" />}>
            {t(`letters.checks.${k}` as 'letters.checks.dated', { defaultValue: k })}
          </List.Item>
        ))}
      </List>
      {c.notProcessableReason && <Fact label={t('letters.classify.reason')}>{c.notProcessableReason}</Fact>}
    </Stack>
  );
}

type HeldLetter = CaseView['letters'][number];

/** The letter's facts, files and every letter the case holds; a duplicate this user may unfile (the server's `canUnfile`) offers it. */
function Letters({ c, onUnfile }: { c: CaseView; onUnfile: (l: HeldLetter) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <RedactedNotice letter={c.letter} />
      <Fact label={t('letters.letter.content')} testId="case-letter-content">
        {c.letter.content}
      </Fact>
      <Text fz="sm" c="dimmed">
        {t(`letters.channels.${c.letter.channel}`)} · {c.letter.unit.name}
      </Text>
      <Stack gap={4} data-testid="case-letters">
        {c.letters.map((l) => (
          <Group key={l.id} gap={6}>
            <Anchor component={Link} to={`/staff/letters/${l.id}`} fz="sm" fw={600} aria-label={t('letters.case.openLetter', { code: l.code })}>
              {l.code}
            </Anchor>
            <Badge size="sm" variant="light" color={l.role === 'origin' ? 'dvBlue' : 'gray'}>
              {l.role === 'origin' ? t('letters.case.origin') : t('letters.case.duplicate')}
            </Badge>
            <Text fz="xs" c="dimmed">
              {formatDate(l.receivedAt)}
            </Text>
            {l.canUnfile && (
              <Button
                size="compact-xs"
                variant="subtle"
                leftSection={<IconArrowBackUp size={14} aria-hidden />}
                onClick={() => onUnfile(l)}
                aria-label={t('letters.case.unfileLetter', { code: l.code })}
                data-action="unmark_duplicate"
              >
                {t('letters.duplicates.unmark')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
      <LetterFiles letterId={c.letter.id} files={c.letter.files.filter((f) => f.caseId === null || f.caseId === c.id)} />
    </Stack>
  );
}

export default function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useCase(id);
  useRefetchLettersOnLanguage();
  const [action, setAction] = useState<WorkflowActionView | null>(null);
  // The letter being unfiled stays named while the dialog closes (the case no longer holds it).
  const [unfiling, setUnfiling] = useState<{ letter: HeldLetter; opened: boolean } | null>(null);
  const c = q.data;
  // The answer to publish starts from the server's draft (personal data already replaced).
  const canPublish = !!c?.actions.some((a) => a.code === 'publish_answer');
  const publication = useQuery({
    queryKey: [...letterKeys.case(id), 'publication'],
    queryFn: ({ signal }) => api<PublicationView>(`/api/letter-cases/${id}/publication`, { signal }),
    enabled: canPublish,
  });
  useEffect(() => {
    document.title = `${c?.code ?? t('letters.cases.title')} · ${t('app.name')}`;
  }, [c?.code, t]);
  const back = <Back to="/staff/letter-cases" label={t('letters.case.back')} />;
  if (q.isPending) return <Loading back={back} />;
  if (q.isError || !c) return <Failed back={back} error={q.error} notFound={t('letters.case.notFound')} />;
  return (
    <>
      {back}
      <Header
        code={c.code}
        state={c.state}
        stateLabel={c.stateLabel}
        dueStatus={c.dueStatus}
        title={c.summary}
        subtitle={`${c.unit.name}${c.dueAt ? ` · ${t('letters.case.dueAt')}: ${formatDate(c.dueAt)}` : ''}`}
        badges={<TypeBadge type={c.type} label={c.typeLabel} />}
        onReload={() => void q.refetch()}
        reloading={q.isFetching}
      >
        <ActionButtons actions={c.actions} onPick={setAction} label={t('letters.case.actions')} emptyText={t('letters.case.noActions')} testId="case-actions" />
      </Header>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <SectionCard id="case-details-title" title={t('letters.case.details')}>
              <Facts c={c} />
            </SectionCard>
            <SectionCard id="case-letter-title" title={t('letters.case.letter')}>
              <Letters c={c} onUnfile={(letter) => setUnfiling({ letter, opened: true })} />
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <SectionCard id="case-eligibility-title" title={t('letters.case.eligibility')}>
              <Eligibility c={c} />
            </SectionCard>
            <SectionCard id="case-timeline-title" title={t('letters.case.timeline')}>
              <StepTimeline steps={c.steps} fileUrl={(fileId) => letterFileUrl(c.letterId, fileId)} testId="case-timeline" />
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>
      {unfiling && <UnfileModal letter={unfiling.letter} caseCode={c.code} opened={unfiling.opened} onClose={() => setUnfiling({ ...unfiling, opened: false })} />}
      <WorkflowActionModal<CaseView>
        record={c}
        action={action}
        onClose={() => setAction(null)}
        endpoints={{
          actionUrl: (code) => `/api/letter-cases/${c.id}/actions/${code}`,
          listUrl: '/staff/letter-cases',
          assigneesUrl: `/api/letter-cases/${c.id}/assignees`,
          detailKey: letterKeys.case(c.id),
          allKey: letterKeys.all,
          initialData: (a) => (a.code === 'publish_answer' ? publication.data?.draft : undefined),
          texts: {
            unit: t('letters.case.unitLabel'),
            attachmentsRequired: t('letters.case.document'),
            concurrent: t('letters.case.concurrent'),
            invalid: t('letters.case.invalid'),
            assigneeLoad: (count) => t('letters.case.assigneeLoad', { count }),
            outOfSight: (label) => t('letters.case.outOfSight', { action: label }),
          },
        }}
      />
    </>
  );
}
