// The pieces every public status shares (a dossier's, a letter's): the state card's heading and badge, and a fact with its label.
import { Badge, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string | undefined }) {
  return (
    <div>
      <Text fz="xs" fw={600} c="gray.7" tt="uppercase">
        {label}
      </Text>
      <Text fz="md" data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

/** "Where things stand" and the state in a large badge; `state-title` takes the focus after a citizen's action. */
export function StateHeading({ title, stateLabel, color, testId }: { title: string; stateLabel: string; color: string; testId: string }) {
  return (
    <>
      <Text fz="sm" fw={600} c="gray.7" id="state-title" tabIndex={-1}>
        {title}
      </Text>
      <Group gap="sm" mt={4} mb="xs">
        <Badge size="xl" radius="sm" variant="light" color={color} data-testid={testId} styles={{ root: { textTransform: 'none', height: 'auto', whiteSpace: 'normal', paddingBlock: 6 } }}>
          {stateLabel}
        </Badge>
      </Group>
    </>
  );
}
