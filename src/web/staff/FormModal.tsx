// The frame of every staff form: a modal whose body is a form with an error alert on top and Cancel / Save below.
import { Alert, Button, Group, Modal, Stack, type ModalProps } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function FormModal({
  opened,
  onClose,
  title,
  size = 'lg',
  fullScreen,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  size?: ModalProps['size'];
  fullScreen?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={title}
      size={size}
      fullScreen={fullScreen ?? (typeof window !== 'undefined' && window.innerWidth < 500)}
    >
      {children}
    </Modal>
  );
}

/** A form body: the error above, the fields, then Cancel and the submit button. */
export function FormBody({
  mutation,
  onCancel,
  submitLabel,
  intro,
  children,
}: {
  /** What useFormMutation returns: the submit handler, the error to show and whether it is saving. */
  mutation: { submit: (e?: FormEvent<HTMLFormElement>) => void; error: string | null; isPending: boolean };
  onCancel: () => void;
  submitLabel?: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form onSubmit={mutation.submit} noValidate>
      <Stack>
        {intro}
        <FormError error={mutation.error} />
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {submitLabel ?? t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The message of a failed submit that belongs to no single field. */
export function FormError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <Alert color="dvRed" role="alert">
      {error}
    </Alert>
  );
}
