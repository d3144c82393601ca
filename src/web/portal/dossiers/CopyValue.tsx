// A value shown large with a "Sao chép" button; copying falls back to a selected text field where the clipboard API is missing (plain http).
import { Button, Group, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './dossiers.module.css';

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the old way
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

export function CopyValue({ label, value, testId, big = true }: { label: string; value: string; testId?: string; big?: boolean }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<boolean | null>(null);
  useEffect(() => {
    if (copied === null) return;
    const timer = setTimeout(() => setCopied(null), 3000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <div>
      <Text fz="sm" fw={600} c="gray.8">
        {label}
      </Text>
      <Group justify="space-between" align="center" gap="xs" wrap="wrap">
        <span className={big ? classes.bigValue : classes.link} data-testid={testId}>
          {value}
        </span>
        <Button
          variant="default"
          size="md"
          leftSection={copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
          onClick={() => void copyText(value).then(setCopied)}
          aria-label={copied ? t('citizen.copy.buttonDone', { label }) : t('citizen.copy.button', { label })}
        >
          {copied ? t('citizen.copy.done') : t('citizen.copy.short')}
        </Button>
      </Group>
      <Text fz="xs" c={copied === false ? 'dvRed.8' : 'dimmed'} aria-live="polite" mih={16}>
        {copied === true ? t('citizen.copy.copied', { label }) : copied === false ? t('citizen.copy.failed') : ''}
      </Text>
    </div>
  );
}
