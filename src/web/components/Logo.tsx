// The product mark: a gold star on government blue, with the product name.
import { Group, Text } from '@mantine/core';

export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden focusable="false">
      <rect width="64" height="64" rx="14" fill="#b71c1c" />
      <path d="M32 12l5.3 12.6 13.7 1.1-10.4 9 3.2 13.3L32 41l-11.8 7 3.2-13.3-10.4-9 13.7-1.1z" fill="#ffd54a" />
    </svg>
  );
}

export function Logo({ size = 32, color }: { size?: number; color?: string }) {
  return (
    <Group gap={10} wrap="nowrap">
      <LogoMark size={size} />
      <Text component="span" fw={700} fz={size >= 32 ? 'lg' : 'md'} c={color} style={{ whiteSpace: 'nowrap' }}>
        Dân Vận Số
      </Text>
    </Group>
  );
}
