// Rotating or revoking a client application's key, each after a confirmation; a rotation hands the new key on to be shown once.
import { Button, Group, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { newIdempotencyKey } from '../../api/upload';
import type { ClientCreated, ClientView } from '../../../common/open311-clients.schema';
import { ErrorAlert } from '../common';
import { open311Keys } from './ServiceForm';

export type ClientAction = { kind: 'rotate' | 'revoke'; client: ClientView };

export function ClientConfirmModal({ action, onClose, onRotated }: { action: ClientAction | null; onClose: () => void; onRotated: (created: ClientCreated) => void }) {
  const { t } = useTranslation();
  const kind = action?.kind ?? 'revoke';
  return (
    <Modal opened={!!action} onClose={onClose} title={t(`open311.clients.${kind}Title`)} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {action && <Confirm key={`${action.kind}-${action.client.id}`} action={action} onClose={onClose} onRotated={onRotated} />}
    </Modal>
  );
}

function Confirm({ action: { kind, client }, onClose, onRotated }: { action: ClientAction; onClose: () => void; onRotated: (created: ClientCreated) => void }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  // A double click or a retry of a rotation answers the same new key rather than a third one.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const run = useMutation({
    mutationFn: (): Promise<{ client: ClientView; apiKey: string | null }> =>
      kind === 'rotate'
        ? api<ClientCreated>(`/api/open311/clients/${client.id}/rotate`, { method: 'POST', headers: { 'idempotency-key': idempotencyKey } })
        : api<ClientView>(`/api/open311/clients/${client.id}/revoke`, { method: 'POST' }).then((c) => ({ client: c, apiKey: null })),
    onSuccess: (done) => {
      void queries.invalidateQueries({ queryKey: open311Keys.clients });
      onClose();
      if (done.apiKey) onRotated({ client: done.client, apiKey: done.apiKey });
      else notifications.show({ color: 'green', message: t('open311.clients.revokedDone', { name: client.name }), closeButtonProps: { 'aria-label': t('common.close') } });
    },
  });
  return (
    <>
      <Text fz="sm">{t(`open311.clients.${kind}Text`, { name: client.name })}</Text>
      {run.isError && <ErrorAlert error={run.error} />}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color={kind === 'revoke' ? 'dvRed' : undefined} loading={run.isPending} onClick={() => run.mutate()} data-testid={`open311-${kind}-confirm`}>
          {t(`open311.clients.${kind}Confirm`)}
        </Button>
      </Group>
    </>
  );
}
