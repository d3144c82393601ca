// /staff/letters/:id: one letter: its content and files, the writer (redacted unless it may be shown, revealed on request and
// audited), likely duplicates while it waits, the classification into cases, the cases it was split into and its history.
import { Anchor, Badge, Button, Grid, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconCategory } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../format';
import { SectionCard } from '../common';
import { DueCell, StateBadge } from '../dossiers/badges';
import { StepTimeline } from '../workflow/StepTimeline';
import { ClassifyModal } from './ClassifyModal';
import { DuplicatesCard } from './DuplicatesCard';
import { IdentityCard } from './IdentityCard';
import { TypeBadge } from './LetterRows';
import { letterFileUrl, useLetter, useRefetchLettersOnLanguage, type LetterView } from './letters.api';
import { Back, Fact, Failed, Header, LetterFiles, Loading, RedactedNotice } from './parts';
import { RecordedNotice } from './RecordedNotice';
import { UnfileModal } from './UnfileModal';

/** The case the letter was last filed with, from its `mark_duplicate` step (it stays in the history once unfiled). */
function filedWithCode(letter: LetterView): string {
  const step = letter.steps.findLast((s) => s.action === 'mark_duplicate');
  return typeof step?.data.caseCode === 'string' ? step.data.caseCode : (letter.cases[0]?.code ?? '');
}

function Content({ l }: { l: LetterView }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <RedactedNotice letter={l} />
      {l.subject && <Fact label={t('letters.letter.subject')}>{l.subject}</Fact>}
      <Fact label={t('letters.letter.content')} testId="letter-content">
        {l.content}
      </Fact>
      {l.target && <Fact label={t('letters.letter.target')}>{l.target}</Fact>}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Fact label={t('letters.letter.receivedAt')}>{formatDateTime(l.receivedAt, false)}</Fact>
        <Fact label={t('letters.letter.channel')}>{t(`letters.channels.${l.channel}`)}</Fact>
        <Fact label={t('letters.letter.unit')}>{l.unit.name}</Fact>
        {l.declaredKind && <Fact label={t('letters.letter.declaredKind')}>{t(`letters.types.${l.declaredKind}`)}</Fact>}
        {l.peopleCount > 1 && <Fact label={t('letters.letter.peopleCount')}>{l.peopleCount}</Fact>}
        <Fact label={t('letters.letter.form')}>
          {[l.dated ? t('letters.letter.dated') : t('letters.letter.notDated'), l.signed ? t('letters.letter.signed') : t('letters.letter.notSigned')].join(' · ')}
        </Fact>
        {l.forwardedFrom && (
          <Fact label={t('letters.letter.forwardedFrom')}>
            {[l.forwardedFrom.agencyName, l.forwardedFrom.documentNumber && t('letters.letter.forwardedDoc', { number: l.forwardedFrom.documentNumber }), l.forwardedFrom.documentDate && formatDate(l.forwardedFrom.documentDate)]
              .filter(Boolean)
              .join(' · ')}
          </Fact>
        )}
      </SimpleGrid>
    </Stack>
  );
}

function Cases({ l }: { l: LetterView }) {
  const { t } = useTranslation();
  if (!l.cases.length)
    return (
      <Text fz="sm" c="dimmed">
        {t('letters.letter.noCases')}
      </Text>
    );
  return (
    <Stack gap="sm" data-testid="letter-cases">
      {l.cases.map((c) => (
        <div key={c.id} data-code={c.code}>
          <Group gap={6} wrap="wrap">
            <Anchor component={Link} to={`/staff/letter-cases/${c.id}`} fw={600} fz="sm" aria-label={t('letters.cases.open', { code: c.code })}>
              {c.code}
            </Anchor>
            <TypeBadge type={c.type} label={c.typeLabel} />
            <StateBadge state={c.state} label={c.stateLabel} />
            {!c.processable && (
              <Badge color="orange" variant="light" size="sm">
                {t('letters.cases.notProcessable')}
              </Badge>
            )}
          </Group>
          <Text fz="sm" mt={2}>
            {c.summary}
          </Text>
          <Group gap="xs" mt={2}>
            <Text fz="xs" c="dimmed">
              {c.unit.name}
            </Text>
            <DueCell dueAt={c.dueAt} status={c.dueStatus} />
          </Group>
        </div>
      ))}
    </Stack>
  );
}

export default function LetterPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useLetter(id);
  useRefetchLettersOnLanguage();
  const [classifying, setClassifying] = useState(false);
  const [unfiling, setUnfiling] = useState(false);
  const l = q.data;
  useEffect(() => {
    document.title = `${l?.code ?? t('letters.inbox.title')} · ${t('app.name')}`;
  }, [l?.code, t]);
  const back = <Back to="/staff/letters" label={t('letters.letter.back')} />;
  if (q.isPending) return <Loading back={back} />;
  if (q.isError || !l) return <Failed back={back} error={q.error} notFound={t('letters.letter.notFound')} />;
  // The server lists the intake actions this user may take, each checked where it is decided (letters.rules.ts).
  const canClassify = l.actions.some((a) => a.code === 'classify');
  const canUnfile = l.actions.some((a) => a.code === 'unmark_duplicate');
  return (
    <>
      {back}
      <RecordedNotice code={l.code} />
      <Header
        code={l.code}
        state={l.state}
        stateLabel={l.stateLabel}
        dueStatus={l.state === 'received' ? l.dueStatus : null}
        title={l.subject ?? l.excerpt}
        subtitle={`${t(`letters.channels.${l.channel}`)} · ${formatDateTime(l.receivedAt, false)}${l.state === 'received' && l.dueAt ? ` · ${t('letters.inbox.dueAt')}: ${formatDate(l.dueAt)}` : ''}`}
        onReload={() => void q.refetch()}
        reloading={q.isFetching}
      >
        {canClassify || canUnfile ? (
          <Group gap="xs" role="group" aria-label={t('letters.case.actions')} data-testid="letter-actions">
            {canClassify && (
              <Button leftSection={<IconCategory size={18} aria-hidden />} onClick={() => setClassifying(true)} data-action="classify">
                {t('letters.letter.classify')}
              </Button>
            )}
            {canUnfile && (
              <Button variant="default" leftSection={<IconArrowBackUp size={18} aria-hidden />} onClick={() => setUnfiling(true)} data-action="unmark_duplicate">
                {t('letters.duplicates.unmark')}
              </Button>
            )}
          </Group>
        ) : (
          <Text fz="sm" c="dimmed">
            {l.state === 'received' ? t('letters.case.noActions') : t('letters.letter.noActions')}
          </Text>
        )}
      </Header>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <SectionCard id="letter-content-title" title={t('letters.letter.content')}>
              <Content l={l} />
            </SectionCard>
            <SectionCard id="letter-writer-title" title={t('letters.letter.writer')}>
              <IdentityCard letter={l} />
            </SectionCard>
            <SectionCard id="letter-files-title" title={t('letters.letter.files')}>
              <LetterFiles letterId={l.id} files={l.files} />
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            {canClassify && <DuplicatesCard letter={l} />}
            <SectionCard id="letter-cases-title" title={t('letters.letter.cases')}>
              <Cases l={l} />
            </SectionCard>
            <SectionCard id="letter-timeline-title" title={t('letters.letter.timeline')}>
              <StepTimeline steps={l.steps} fileUrl={(fileId) => letterFileUrl(l.id, fileId)} testId="letter-timeline" />
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>
      <ClassifyModal letter={l} opened={classifying} onClose={() => setClassifying(false)} />
      <UnfileModal letter={l} caseCode={filedWithCode(l)} opened={unfiling} onClose={() => setUnfiling(false)} />
    </>
  );
}
