// The writer of a letter as the API shows it: inline when it may be shown, otherwise redacted with what was given (without the
// values) and, for those who may, a "show" button that asks first, then reads GET /api/letters/:id/identity (audited).
import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconEye, IconEyeOff, IconLock, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorAlert } from '../common';
import type { LetterView, WriterView } from './letters.api';

const FIELDS = ['name', 'address', 'phone', 'email', 'idNumber'] as const;

function Writer({ w }: { w: WriterView }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="writer">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
        {FIELDS.filter((f) => w[f]).map((f) => (
          <div key={f}>
            <Text fz="xs" c="dimmed">
              {t(`letters.letter.fields.${f}`)}
            </Text>
            <Text fz="sm" fw={f === 'name' ? 600 : undefined} data-field={f}>
              {w[f]}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {w.representatives.length > 0 && (
        <div>
          <Text fz="xs" c="dimmed">
            {t('letters.letter.representatives')}
          </Text>
          {w.representatives.map((r, i) => (
            <Text fz="sm" key={i}>
              {[r.name, r.address, r.phone, r.idNumber].filter(Boolean).join(' · ')}
            </Text>
          ))}
        </div>
      )}
    </Stack>
  );
}

export function IdentityCard({ letter }: { letter: LetterView }) {
  const { t } = useTranslation();
  const id = letter.identity;
  const [asking, setAsking] = useState(false);
  const reveal = useMutation({ mutationFn: () => api<WriterView>(`/api/letters/${letter.id}/identity`) });
  const [shown, setShown] = useState(false);

  if (id.status === 'shown' && id.writer) return <Writer w={id.writer} />;
  const given = FIELDS.filter((f) => id.has[f]).map((f) => t(`letters.letter.fields.${f}`).toLowerCase());
  return (
    <Stack gap="sm" data-testid="identity" data-status={id.status}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {id.status === 'protected' ? <IconShieldLock size={20} aria-hidden color="var(--mantine-color-dvRed-7)" /> : <IconLock size={18} aria-hidden />}
        <Text fz="sm" fw={id.status === 'protected' ? 600 : undefined}>
          {id.status === 'protected' ? id.notice : id.anonymous ? t('letters.letter.anonymous') : t('letters.letter.sealed')}
        </Text>
      </Group>
      {!id.anonymous && (
        <Text fz="sm" c="dimmed">
          {given.length ? t('letters.letter.has', { list: given.join(', ') }) : t('letters.letter.hasNothing')}
        </Text>
      )}
      {reveal.isError && <ErrorAlert error={reveal.error} />}
      {shown && reveal.data && (
        <Alert color="yellow" variant="light" title={t('letters.letter.revealed')}>
          <Writer w={reveal.data} />
        </Alert>
      )}
      {id.canReveal && !id.anonymous && (
        <Group gap="xs">
          {shown ? (
            <Button variant="default" size="sm" leftSection={<IconEyeOff size={16} aria-hidden />} onClick={() => setShown(false)}>
              {t('letters.letter.hide')}
            </Button>
          ) : (
            <Button variant="light" size="sm" leftSection={<IconEye size={16} aria-hidden />} onClick={() => setAsking(true)} data-testid="reveal">
              {t('letters.letter.reveal')}
            </Button>
          )}
        </Group>
      )}
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('letters.letter.revealTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Text fz="sm">{t('letters.letter.revealText')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setAsking(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={reveal.isPending}
            onClick={() =>
              reveal.mutate(undefined, {
                onSuccess: () => setShown(true),
                onSettled: () => setAsking(false),
              })
            }
            data-testid="reveal-confirm"
          >
            {t('letters.letter.revealConfirm')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
