// Pieces of the letter and case pages: the way back, the header with the code, status marks and reload, a label-value fact,
// the files of a letter, the loading and not-found states.
import { ActionIcon, Alert, Anchor, Card, CopyButton, Group, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconCheck, IconCopy, IconDownload, IconLock, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../common';
import { DueBadge, StateBadge } from '../dossiers/badges';
import classes from '../dossiers/dossiers.module.css';
import { formatSize } from '../dossiers/format';
import { letterFileUrl, type LetterView } from './letters.api';

export function Back({ to, label }: { to: string; label: string }) {
  return (
    <Anchor component={Link} to={to} fz="sm" mb="sm" display="inline-block">
      <Group gap={4}>
        <IconArrowLeft size={14} aria-hidden />
        {label}
      </Group>
    </Anchor>
  );
}

export function Loading({ back }: { back: ReactNode }) {
  return (
    <>
      {back}
      <Skeleton h={140} radius="md" mb="md" />
      <Skeleton h={320} radius="md" />
    </>
  );
}

export function Failed({ back, error, notFound }: { back: ReactNode; error: unknown; notFound: string }) {
  return (
    <>
      {back}
      {error instanceof ApiError && error.status === 404 ? (
        <Alert color="orange" title={notFound}>
          {notFound}
        </Alert>
      ) : (
        <ErrorAlert error={error} />
      )}
    </>
  );
}

export function Header({
  code,
  state,
  stateLabel,
  dueStatus,
  title,
  subtitle,
  badges,
  onReload,
  reloading,
  children,
}: {
  code: string;
  state: string;
  stateLabel: string;
  dueStatus: LetterView['dueStatus'];
  title?: ReactNode;
  subtitle?: ReactNode;
  badges?: ReactNode;
  onReload: () => void;
  reloading: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="md" mb="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Group gap={6} wrap="nowrap">
            <Title order={1} fz={{ base: 20, sm: 24 }} c="dvBlue.8" className={classes.code} style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }} data-testid="record-code">
              {code}
            </Title>
            <CopyButton value={code}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('letters.letter.copied') : t('letters.letter.copyCode')} withArrow>
                  <ActionIcon variant="subtle" onClick={copy} aria-label={copied ? t('letters.letter.copied') : t('letters.letter.copyCode')}>
                    {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          {title && <Text fw={600}>{title}</Text>}
          {subtitle && (
            <Text fz="sm" c="dimmed">
              {subtitle}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          {badges}
          <span data-testid="record-state">
            <StateBadge state={state} label={stateLabel} size="lg" />
          </span>
          {dueStatus && <DueBadge status={dueStatus} size="md" />}
          <Tooltip label={t('letters.letter.reload')} withArrow>
            <ActionIcon variant="default" onClick={onReload} loading={reloading} aria-label={t('letters.letter.reload')}>
              <IconRefresh size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Stack gap={6} mt="md">
        {children}
      </Stack>
    </Card>
  );
}

export function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="sm" component="div" data-testid={testId} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** The files sent with the letter and the documents issued on its cases; a protected writer's files are marked and may refuse. */
export function LetterFiles({ letterId, files }: { letterId: string; files: LetterView['files'] }) {
  const { t } = useTranslation();
  if (!files.length)
    return (
      <Text fz="sm" c="dimmed">
        {t('letters.letter.noFiles')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table verticalSpacing={6} aria-label={t('letters.letter.files')} data-testid="letter-files">
        <Table.Tbody>
          {files.map((f) => (
            <Table.Tr key={`${f.fileId}-${f.stepSeq ?? 0}`}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  {f.restricted && <IconLock size={14} aria-hidden />}
                  <Text fz="sm">{f.name}</Text>
                </Group>
                <Text fz="xs" c="dimmed">
                  {f.restricted ? t('letters.letter.restricted') : f.kind === 'document' ? t('letters.letter.fileDocument') : t('letters.letter.fileLetter')} · {formatSize(f.size)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <ActionIcon component="a" href={letterFileUrl(letterId, f.fileId)} download variant="subtle" aria-label={t('letters.letter.download', { name: f.name })}>
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

/** Tells the reader that parts of the writer's words were masked for them (the answer's `redacted.content`). */
export function RedactedNotice({ letter }: { letter: Pick<LetterView, 'redacted' | 'identity'> }) {
  const { t } = useTranslation();
  if (!letter.redacted.content) return null;
  return (
    <Alert color="gray" variant="light" icon={<IconLock size={16} aria-hidden />} data-testid="letter-redacted" role="note">
      {t(letter.identity.status === 'protected' ? 'letters.letter.redactedProtected' : 'letters.letter.redacted')}
    </Alert>
  );
}
