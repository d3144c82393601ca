// The list of what stops a form from being sent, shown above it and focused so that a screen reader reads it at once;
// each line moves the focus to its field.
import { Alert, Anchor, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';

export interface SummaryItem {
  text: string;
  /** The id of the field to focus, when the problem belongs to one. */
  target?: string | undefined;
}

export function ErrorSummary({ title, items, version }: { title: string; items: SummaryItem[]; version: number }) {
  const ref = useRef<HTMLDivElement>(null);
  // `version` changes on every failed send, so the summary takes the focus again even when the problems are the same.
  useEffect(() => {
    if (items.length) ref.current?.focus();
  }, [version]);
  if (!items.length) return null;
  return (
    <Alert ref={ref} tabIndex={-1} color="dvRed" variant="light" title={title} icon={<IconAlertTriangle size={20} aria-hidden />} role="alert" data-testid="error-summary">
      <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
        {items.map((item, i) => (
          <li key={i}>
            {item.target ? (
              <Anchor
                component="button"
                type="button"
                fz="sm"
                c="dvRed.9"
                underline="always"
                ta="left"
                onClick={() => {
                  const el = document.getElementById(item.target ?? '');
                  el?.scrollIntoView({ block: 'center' });
                  el?.focus();
                }}
              >
                {item.text}
              </Anchor>
            ) : (
              <Text fz="sm">{item.text}</Text>
            )}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
