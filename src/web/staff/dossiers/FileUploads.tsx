// Scanned files attached by staff: chosen, uploaded at once with a progress bar each, removable; the form sends the finished ones.
import { ActionIcon, Button, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useSession } from '../session';
import { MAX_UPLOAD_BYTES, UPLOAD_ACCEPT, uploadStaffFile } from './dossiers.api';

export interface UploadItem {
  key: string;
  name: string;
  progress: number;
  fileId: string | null;
  error: string | null;
}

let seq = 0;

/** The list of uploads and the function that adds files; `attachments` are the finished ones as the API takes them. */
export function useUploads() {
  const { t } = useTranslation();
  const csrf = useSession().data?.csrfToken ?? null;
  const [items, setItems] = useState<UploadItem[]>([]);
  const patch = (key: string, p: Partial<UploadItem>) => setItems((list) => list.map((i) => (i.key === key ? { ...i, ...p } : i)));
  const add = (files: File[]) => {
    for (const file of files) {
      const key = `u${++seq}`;
      const tooLarge = file.size > MAX_UPLOAD_BYTES;
      setItems((list) => [...list, { key, name: file.name, progress: 0, fileId: null, error: tooLarge ? t('dossiers.upload.tooLarge', { name: file.name }) : null }]);
      if (tooLarge) continue;
      uploadStaffFile(file, csrf, (f) => patch(key, { progress: f })).then(
        // The server may rename the file to match its content (a PNG sent as .pdf): keep its name.
        (v) => patch(key, { fileId: v.id, name: v.name, progress: 1 }),
        (err: unknown) => patch(key, { error: errorMessage(err) }),
      );
    }
  };
  const remove = (key: string) => setItems((list) => list.filter((i) => i.key !== key));
  const reset = () => setItems([]);
  const busy = items.some((i) => !i.fileId && !i.error);
  const attachments = items.filter((i) => i.fileId).map((i) => ({ fileId: i.fileId as string, name: i.name }));
  return { items, add, remove, reset, busy, attachments };
}

/** `label` titles the picker when no section heading above does (an action form). */
export function FileUploads({ uploads, label }: { uploads: ReturnType<typeof useUploads>; label?: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      {label && (
        <Text fz="sm" fw={500}>
          {label}
        </Text>
      )}
      <Group gap="sm" align="center">
        <FileButton onChange={(files) => uploads.add(files)} accept={UPLOAD_ACCEPT} multiple>
          {(props) => (
            <Button {...props} variant="default" size="sm" leftSection={<IconPaperclip size={16} aria-hidden />}>
              {t('dossiers.upload.choose')}
            </Button>
          )}
        </FileButton>
        <Text fz="xs" c="dimmed">
          {t('dossiers.upload.hint')}
        </Text>
      </Group>
      {uploads.items.map((i) => (
        <Group key={i.key} gap="xs" wrap="nowrap" data-testid="upload-item">
          <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
            <Text fz="sm" truncate title={i.name}>
              {i.name}
            </Text>
            {i.error ? (
              <Text fz="xs" c="dvRed.7" role="alert">
                {t('dossiers.upload.failed')}: {i.error}
              </Text>
            ) : (
              <Progress
                value={Math.round(i.progress * 100)}
                size="sm"
                color={i.fileId ? 'green' : 'dvBlue'}
                aria-label={i.fileId ? t('dossiers.upload.done') : t('dossiers.upload.uploading', { name: i.name })}
              />
            )}
          </Stack>
          <ActionIcon variant="subtle" color="gray" onClick={() => uploads.remove(i.key)} aria-label={t('dossiers.upload.remove', { name: i.name })}>
            <IconX size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
    </Stack>
  );
}
