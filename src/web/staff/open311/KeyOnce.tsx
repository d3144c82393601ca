// A client application's API key, shown once after it is issued or rotated: the key with a copy button, the warning, and how the application sends it.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CopyValue } from '../../portal/dossiers/CopyValue';

export interface IssuedKey {
  name: string;
  apiKey: string;
}

export function KeyOnceModal({ issued, onClose }: { issued: IssuedKey | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={!!issued}
      onClose={onClose}
      title={issued ? t('open311.clients.keyTitle', { name: issued.name }) : ''}
      size="lg"
      // Not closed by a stray click or Escape: the key cannot be shown again.
      closeOnClickOutside={false}
      closeOnEscape={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {issued && (
        <Stack gap="md" data-testid="open311-key-once">
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={20} />} role="note">
            {t('open311.clients.keyWarning')}
          </Alert>
          <CopyValue label={t('open311.clients.keyLabel')} value={issued.apiKey} testId="open311-api-key" />
          <Text fz="sm" c="dimmed">
            {t('open311.clients.keyUse', { url: `${window.location.origin}/open311/v2/requests.json` })}
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose} data-testid="open311-key-done">
              {t('open311.clients.keyDone')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
