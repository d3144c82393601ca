// /staff/dossiers/:id: one dossier: header with exactly the actions the API allows this user, its facts, printable forms,
// documents and history. Each action opens a form generated from the workflow's field specs.
import { ActionIcon, Alert, Anchor, Card, CopyButton, Grid, Group, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconDownload, IconPrinter, IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client';
import type { DossierActionView, DossierView } from '../../api/types';
import { ErrorAlert, SectionCard } from '../common';
import { ActionModal } from './ActionModal';
import { BackLink } from './BackLink';
import { DueBadge, StateBadge } from './badges';
import { DossierFacts } from './DossierFacts';
import { fileUrl, formUrl, useDossier, useRefetchOnLanguage } from './dossiers.api';
import classes from './dossiers.module.css';
import { formatSize } from './format';
import { ActionButtons } from '../workflow/ActionButtons';
import { StepTimeline } from '../workflow/StepTimeline';

/** The forms that apply to a dossier: each one once the step it documents has happened; the control sheet always. */
const FORM_STEPS: Array<[string, string | null]> = [
  ['01', 'accept'],
  ['02', 'request_completion'],
  ['03', 'refuse'],
  ['04', 'extend'],
  ['05', 'stop'],
  ['06', null],
];

function Forms({ d }: { d: DossierView }) {
  const { t } = useTranslation();
  const done = new Set(d.steps.map((s) => s.action));
  const forms = FORM_STEPS.filter(([, step]) => step === null || done.has(step)).map(([n]) => n);
  return (
    <Stack gap={6} data-testid="dossier-forms">
      {forms.map((n) => (
        <Anchor key={n} href={formUrl(d.id, n)} target="_blank" rel="noopener" fz="sm">
          <Group gap={6} wrap="nowrap">
            <IconPrinter size={16} aria-hidden />
            <span>
              {t(`dossiers.forms.${n}` as 'dossiers.forms.01')} <span className="visually-hidden">{t('dossiers.forms.newTab')}</span>
            </span>
          </Group>
        </Anchor>
      ))}
    </Stack>
  );
}

function Documents({ d }: { d: DossierView }) {
  const { t } = useTranslation();
  if (!d.documents.length)
    return (
      <Text fz="sm" c="dimmed">
        {t('dossiers.page.noDocuments')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing={6} aria-label={t('dossiers.page.documents')} data-testid="dossier-documents">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('dossiers.page.documentName')}</Table.Th>
            <Table.Th scope="col">{t('dossiers.page.kind')}</Table.Th>
            <Table.Th scope="col">{t('dossiers.page.size')}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.documents.map((doc) => (
            <Table.Tr key={`${doc.fileId}-${doc.stepSeq}`}>
              <Table.Td>
                <Text fz="sm">{doc.name}</Text>
                {doc.fileName !== doc.name && (
                  <Text fz="xs" c="dimmed">
                    {doc.fileName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{t(`dossiers.page.kinds.${doc.kind}` as 'dossiers.page.kinds.application', { defaultValue: doc.kind })}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text fz="sm">{formatSize(doc.size)}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <ActionIcon component="a" href={fileUrl(d.id, doc.fileId)} download variant="subtle" aria-label={t('dossiers.page.download', { name: doc.name })}>
                  <IconDownload size={16} aria-hidden />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Header({ d, onPick, onReload, reloading }: { d: DossierView; onPick: (a: DossierActionView) => void; onReload: () => void; reloading: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="md" mb="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Group gap={6} wrap="nowrap">
            <Title order={1} fz={{ base: 20, sm: 24 }} c="dvBlue.8" className={classes.code} style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }} data-testid="dossier-code">
              {d.code}
            </Title>
            <CopyButton value={d.code}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('dossiers.page.copied') : t('dossiers.page.copyCode')} withArrow>
                  <ActionIcon variant="subtle" onClick={copy} aria-label={copied ? t('dossiers.page.copied') : t('dossiers.page.copyCode')}>
                    {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <Text fw={600}>{d.procedureName}</Text>
          <Text fz="sm" c="dimmed">
            {d.applicant.name} · {t(`dossiers.channel.${d.channel}`)}
          </Text>
        </Stack>
        <Group gap="xs">
          <span data-testid="dossier-state">
            <StateBadge state={d.state} label={d.stateLabel} size="lg" />
          </span>
          {d.dueStatus && <DueBadge status={d.dueStatus} size="md" />}
          <Tooltip label={t('dossiers.page.reload')} withArrow>
            <ActionIcon variant="default" onClick={onReload} loading={reloading} aria-label={t('dossiers.page.reload')}>
              <IconRefresh size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Stack gap={6} mt="md">
        <ActionButtons actions={d.actions} onPick={onPick} label={t('dossiers.page.actions')} emptyText={t('dossiers.page.noActions')} testId="dossier-actions" />
      </Stack>
    </Card>
  );
}

export default function DossierPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useDossier(id);
  useRefetchOnLanguage();
  const [action, setAction] = useState<DossierActionView | null>(null);
  const d = q.data;
  useEffect(() => {
    document.title = `${d?.code ?? t('dossiers.inbox.title')} · ${t('app.name')}`;
  }, [d?.code, t]);

  const back = <BackLink />;
  if (q.isPending)
    return (
      <>
        {back}
        <Skeleton h={140} radius="md" mb="md" />
        <Skeleton h={320} radius="md" />
      </>
    );
  if (q.isError || !d)
    return (
      <>
        {back}
        {q.error instanceof ApiError && q.error.status === 404 ? (
          <Alert color="orange" title={t('dossiers.inbox.empty')}>
            {t('dossiers.page.notFound')}
          </Alert>
        ) : (
          <ErrorAlert error={q.error} />
        )}
      </>
    );

  return (
    <>
      {back}
      <Header d={d} onPick={setAction} onReload={() => void q.refetch()} reloading={q.isFetching} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <SectionCard id="dossier-details" title={t('dossiers.page.details')}>
              <DossierFacts d={d} />
            </SectionCard>
            <SectionCard id="dossier-documents" title={t('dossiers.page.documents')}>
              <Documents d={d} />
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <SectionCard id="dossier-forms-title" title={t('dossiers.page.forms')} description={t('dossiers.page.formsHint')}>
              <Forms d={d} />
            </SectionCard>
            <SectionCard id="dossier-timeline-title" title={t('dossiers.page.timeline')}>
              <StepTimeline steps={d.steps} fileUrl={(fileId) => fileUrl(d.id, fileId)} testId="dossier-timeline" />
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>
      <ActionModal dossier={d} action={action} onClose={() => setAction(null)} />
    </>
  );
}
