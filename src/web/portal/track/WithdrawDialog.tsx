// The confirmation of a withdrawal, with its reason: its own chunk (Mantine's modal), loaded when first opened.
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/CloseButton.css';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export default function WithdrawDialog({
  opened,
  onClose,
  reason,
  onReason,
  error,
  sending,
  onConfirm,
}: {
  opened: boolean;
  onClose: () => void;
  reason: string;
  onReason: (value: string) => void;
  error: string | null;
  sending: boolean;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('citizen.actions.withdrawConfirmTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text fz="sm">{t('citizen.actions.withdrawConfirmText')}</Text>
        <Textarea
          size="md"
          label={t('citizen.actions.reason')}
          required
          autosize
          minRows={3}
          maxLength={2000}
          value={reason}
          onChange={(e) => onReason(e.currentTarget.value)}
          error={error}
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" size="md" onClick={onClose}>
            {t('citizen.actions.keep')}
          </Button>
          <Button color="dvRed" size="md" loading={sending} onClick={onConfirm} data-testid="withdraw-confirm">
            {t('citizen.actions.withdrawConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
