// Status marks of a dossier, a letter or a case: its state, and its deadline shown with words and an icon, never by colour alone.
import { Badge, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconClockHour4, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DossierSummary } from '../../api/types';
import { formatDate } from '../../format';

type DueStatus = NonNullable<DossierSummary['dueStatus']>;

/** States grouped by what they ask of the office: waiting on the citizen, in progress, done well, ended otherwise. */
const STATE_COLORS: Record<string, string> = {
  submitted: 'dvBlue',
  needs_completion: 'yellow',
  awaiting_documents: 'yellow',
  accepted: 'cyan',
  transferred: 'cyan',
  processing: 'indigo',
  pending_approval: 'violet',
  result_ready: 'teal',
  returned: 'green',
  refused: 'gray',
  stopped: 'gray',
  withdrawn: 'gray',
  // Letters and their cases (workflows letter_*).
  received: 'dvBlue',
  classified: 'cyan',
  to_process: 'dvBlue',
  resolving: 'indigo',
  investigating: 'indigo',
  answering: 'indigo',
  reported: 'violet',
  resolved: 'green',
  concluded: 'green',
  answered: 'green',
  forwarded: 'teal',
  guided: 'teal',
  filed: 'gray',
  referred: 'teal',
};

export function StateBadge({ state, label, size = 'sm' }: { state: string; label: string; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge variant="light" size={size} color={STATE_COLORS[state] ?? 'gray'} data-state={state}>
      {label}
    </Badge>
  );
}

const DUE_COLORS: Record<DueStatus, string> = { on_track: 'green', due_soon: 'orange', overdue: 'dvRed' };
const DUE_ICONS = { on_track: IconCircleCheck, due_soon: IconClockHour4, overdue: IconAlertTriangle };

export function DueBadge({ status, size = 'sm' }: { status: DueStatus; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  const Icon = DUE_ICONS[status];
  return (
    <Badge variant={status === 'overdue' ? 'filled' : 'light'} size={size} color={DUE_COLORS[status]} leftSection={<Icon size={12} aria-hidden />} data-due={status}>
      {t(`dossiers.dueStatus.${status}`)}
    </Badge>
  );
}

/** "còn 2 ngày làm việc", "hạn là hôm nay", "quá hạn 3 ngày làm việc". */
export function daysLeftText(t: TFunction, left: number): string {
  if (left > 0) return t('dossiers.daysLeft.left', { count: left });
  if (left === 0) return t('dossiers.daysLeft.today');
  return t('dossiers.daysLeft.late', { count: -left });
}

/** The due date of an inbox row: the date, then its status in words. */
export function DueCell({ dueAt, status }: { dueAt: string | null; status: DossierSummary['dueStatus'] }) {
  const { t } = useTranslation();
  if (!dueAt)
    return (
      <Text fz="sm" c="dimmed">
        {t('dossiers.inbox.noDue')}
      </Text>
    );
  return (
    <Group gap={6} wrap="nowrap">
      <Text fz="sm" style={{ whiteSpace: 'nowrap' }} fw={status === 'overdue' ? 700 : undefined}>
        {formatDate(dueAt)}
      </Text>
      {status && <DueBadge status={status} />}
    </Group>
  );
}
