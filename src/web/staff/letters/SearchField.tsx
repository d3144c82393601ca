// The search box of an inbox: typed text goes into the address after a short pause; "/" focuses it.
import { TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';

export function SearchField({ value, onChange, label, hint, placeholder, testId }: { value: string; onChange: (q: string) => void; label: string; hint: string; placeholder?: string; testId: string }) {
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const ref = useRef<HTMLInputElement>(null);
  useHotkeys([['/', () => ref.current?.focus()]]);
  useEffect(() => {
    if (debounced !== value.trim()) onChange(debounced);
    // Only the typed text drives this; the address may also change from a link or a count card.
  }, [debounced]);
  // Cleared from outside (the "clear filters" button): follow.
  useEffect(() => {
    if (!value && text.trim()) setText('');
  }, [value]);
  return (
    <TextInput
      ref={ref}
      label={label}
      description={hint}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} aria-hidden />}
      type="search"
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      data-testid={testId}
    />
  );
}
