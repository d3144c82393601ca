// One attachment slot of a dossier (a required document, or "other documents"): choose files, watch each upload,
// remove or resend one. The file input is labelled with the slot, so each slot can be reached on its own.
import '@mantine/core/styles/Progress.css';
import { ActionIcon, Button, FileButton, Group, Progress, Text } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconPaperclip, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCEPT_ATTRIBUTE, formatSize } from './upload';
import type { UploadItem, Uploads } from './useUploads';
import classes from './dossiers.module.css';

function ItemRow({ item, uploads }: { item: UploadItem; uploads: Uploads }) {
  const { t } = useTranslation();
  const pct = Math.round(item.progress * 100);
  return (
    <li className={classes.fileItem} data-status={item.status}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {item.status === 'done' ? (
          <IconCircleCheck size={20} color="var(--mantine-color-green-8)" aria-hidden style={{ flex: 'none', marginTop: 2 }} />
        ) : item.status === 'error' ? (
          <IconAlertCircle size={20} color="var(--mantine-color-dvRed-7)" aria-hidden style={{ flex: 'none', marginTop: 2 }} />
        ) : (
          <IconPaperclip size={20} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
        )}
        <div className={classes.fileText}>
          <Text fz="sm" fw={600} className={classes.fileName}>
            {item.name}
          </Text>
          {item.status === 'uploading' && (
            <>
              <Progress value={pct} size="md" mt={6} aria-label={t('citizen.upload.progress', { name: item.name })} animated={pct < 100} />
              <Text fz="xs" c="dimmed" mt={2}>
                {t('citizen.upload.sending', { pct, size: formatSize(item.size) })}
              </Text>
            </>
          )}
          {item.status === 'done' && (
            <Text fz="xs" c="green.9">
              {t('citizen.upload.done', { size: formatSize(item.file?.size ?? item.size) })}
            </Text>
          )}
          {item.status === 'error' && (
            <Text fz="sm" c="dvRed.8" role="alert">
              {item.error}
            </Text>
          )}
        </div>
        <Group gap={4} wrap="nowrap" style={{ flex: 'none' }}>
          {item.status === 'error' && item.retryable && (
            <ActionIcon variant="subtle" size={44} onClick={() => uploads.retry(item.id)} aria-label={t('citizen.upload.retry', { name: item.name })}>
              <IconRefresh size={20} aria-hidden />
            </ActionIcon>
          )}
          <ActionIcon variant="subtle" color="dvRed" size={44} onClick={() => uploads.remove(item.id)} aria-label={t('citizen.upload.remove', { name: item.name })}>
            <IconTrash size={20} aria-hidden />
          </ActionIcon>
        </Group>
      </Group>
    </li>
  );
}

export function UploadSlot({
  slot,
  label,
  hint,
  uploads,
  error,
}: {
  slot: string;
  label: string;
  hint?: ReactNode;
  uploads: Uploads;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const mine = uploads.items.filter((i) => i.slot === slot);
  // Cleared after each choice, so that choosing the same file again (after removing it) still reports a change.
  const reset = useRef<() => void>(null);
  const titleId = `slot-${slot}-title`;
  return (
    <section className={classes.slot} aria-labelledby={titleId} data-slot={slot} data-testid={`upload-${slot}`}>
      <Text fw={600} fz="sm" id={titleId}>
        {label}
      </Text>
      {hint && (
        <Text fz="xs" c="dimmed" mt={2}>
          {hint}
        </Text>
      )}
      {mine.length > 0 && (
        <ul className={classes.fileList} aria-live="polite">
          {mine.map((item) => (
            <ItemRow key={item.id} item={item} uploads={uploads} />
          ))}
        </ul>
      )}
      {error && (
        <Text fz="sm" c="dvRed.8" mt={6} role="alert">
          {error}
        </Text>
      )}
      <FileButton
        multiple
        accept={ACCEPT_ATTRIBUTE}
        resetRef={reset}
        onChange={(files) => {
          uploads.add(slot, files);
          reset.current?.();
        }}
        inputProps={{ 'aria-label': t('citizen.upload.choose', { label }) }}>
        {(props) => (
          <Button {...props} variant="light" mt="xs" size="md" leftSection={<IconPaperclip size={18} aria-hidden />} aria-describedby={titleId}>
            {mine.length ? t('citizen.upload.addMore') : t('citizen.upload.pick')}
          </Button>
        )}
      </FileButton>
    </section>
  );
}
