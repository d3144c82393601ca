// Inbox counts as a row of toggle buttons: each shows how many records wait in that pile and filters the list to it
// (dossiers, letters and cases alike).
import { Skeleton, SimpleGrid, Text, UnstyledButton, type SimpleGridProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from '../dossiers/dossiers.module.css';

export interface CountToggle {
  key: string;
  label: string;
  value: number | undefined;
  pressed: boolean;
  /** A pile that asks for attention when it is not empty. */
  tone?: 'warn' | 'danger';
}

export function CountToggles({
  items,
  loading,
  label,
  cols,
  testId,
  onPick,
}: {
  items: CountToggle[];
  loading: boolean;
  label: string;
  cols: SimpleGridProps['cols'];
  testId: string;
  /** The pile clicked, or null when it was the one pressed (the filter goes). */
  onPick: (key: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={cols} spacing="xs" mb="md" role="group" aria-label={label} data-testid={testId}>
      {items.map((item) => {
        const n = item.value ?? 0;
        const tone = n > 0 && item.tone ? classes[item.tone] : '';
        return (
          <UnstyledButton
            key={item.key}
            className={`${classes.count} ${tone}`}
            aria-pressed={item.pressed}
            data-active={item.pressed || undefined}
            data-count={item.key}
            title={t('dossiers.inbox.countHint')}
            onClick={() => onPick(item.pressed ? null : item.key)}
          >
            <Text component="span" className={classes.countLabel}>
              {item.label}
            </Text>
            {loading ? (
              <Skeleton h={28} w={40} mt={4} />
            ) : (
              <Text component="span" className={classes.countValue} data-testid={`count-${item.key}`}>
                {n}
              </Text>
            )}
          </UnstyledButton>
        );
      })}
    </SimpleGrid>
  );
}
