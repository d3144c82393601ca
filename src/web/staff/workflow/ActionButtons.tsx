// The actions the API allows this user now, as buttons: the first ordinary one filled, those that end or undo the work in red.
import { Button, Group, Text } from '@mantine/core';
import type { WorkflowActionView } from '../../../common/workflow.schema';

/** Actions that end or undo the work: shown in red so that they are not taken by mistake. */
const DESTRUCTIVE = new Set(['refuse', 'stop', 'withdraw', 'return_for_rework', 'return_letter', 'file_away', 'rework', 'unpublish_answer']);
/** Actions that are never the obvious next step. */
const SECONDARY = new Set(['extend', 'assign', 'transfer']);

export function ActionButtons({
  actions,
  onPick,
  label,
  emptyText,
  testId,
}: {
  actions: WorkflowActionView[];
  onPick: (a: WorkflowActionView) => void;
  label: string;
  emptyText: string;
  testId: string;
}) {
  if (!actions.length)
    return (
      <Text fz="sm" c="dimmed">
        {emptyText}
      </Text>
    );
  const main = actions.find((a) => !DESTRUCTIVE.has(a.code) && !SECONDARY.has(a.code)) ?? actions.find((a) => !DESTRUCTIVE.has(a.code));
  return (
    <Group gap="xs" role="group" aria-label={label} data-testid={testId}>
      {actions.map((a) => (
        <Button
          key={a.code}
          variant={a === main ? 'filled' : DESTRUCTIVE.has(a.code) ? 'light' : 'default'}
          color={DESTRUCTIVE.has(a.code) ? 'dvRed' : undefined}
          onClick={() => onPick(a)}
          data-action={a.code}
        >
          {a.label}
        </Button>
      ))}
    </Group>
  );
}
