// Undoing "filed as a duplicate" (POST /api/letters/:id/unmark-duplicate): the letter leaves the case it was filed with and
// goes back to the letters to classify; the reason is required and kept in the letter's history. Opened from the letter's
// page and from the case page's list of the letters it holds.
import { Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { newIdempotencyKey } from '../../api/upload';
import { FormBody, FormModal } from '../FormModal';
import { useFormMutation } from '../forms';
import { letterKeys, type LetterView } from './letters.api';

/** The server's shortest reason (UnmarkDuplicateBody). */
const MIN_REASON = 10;

/** The letter to unfile, as its page or a case page holds it: `seq` is sent as `expectedSeq`. */
export interface UnfileTarget {
  id: string;
  code: string;
  seq: number;
}

function UnfileForm({ letter, code, onClose }: { letter: UnfileTarget; code: string; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  // One key per opening: a double click or a retry after a lost answer acts once.
  const [key] = useState(newIdempotencyKey);
  const form = useForm({
    initialValues: { reason: '' },
    validate: {
      reason: (v: string) =>
        !v.trim() ? t('letters.duplicates.unmarkReasonRequired') : v.trim().length < MIN_REASON ? t('letters.duplicates.unmarkReasonShort', { min: MIN_REASON }) : null,
    },
  });
  const save = useFormMutation(form, {
    mutationFn: (v: { reason: string }) =>
      api<LetterView>(`/api/letters/${letter.id}/unmark-duplicate`, { method: 'POST', body: { reason: v.reason.trim(), expectedSeq: letter.seq }, headers: { 'idempotency-key': key } }),
    onSuccess: (updated) => {
      client.setQueryData(letterKeys.letter(letter.id), updated);
      void client.invalidateQueries({ queryKey: letterKeys.all, predicate: (x) => x.queryKey[1] !== 'letter' || x.queryKey[2] !== letter.id });
      notifications.show({ color: 'green', message: t('letters.duplicates.unmarked', { code: letter.code }) });
      onClose();
    },
  });
  return (
    <FormBody mutation={save} onCancel={onClose} submitLabel={t('letters.duplicates.unmarkConfirm')} intro={<Text fz="sm">{t('letters.duplicates.unmarkText', { code })}</Text>}>
      <Textarea
        label={t('letters.duplicates.unmarkReason')}
        description={t('letters.duplicates.unmarkReasonHint', { min: MIN_REASON })}
        required
        autosize
        minRows={3}
        maxLength={2000}
        data-autofocus
        {...form.getInputProps('reason')}
      />
    </FormBody>
  );
}

/** `caseCode`: the case it was filed with, kept by the caller while the dialog closes (the letter leaves the case). */
export function UnfileModal({ letter, caseCode: code, opened, onClose }: { letter: UnfileTarget; caseCode: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('letters.duplicates.unmarkTitle', { code })}>
      {opened && <UnfileForm letter={letter} code={code} onClose={onClose} />}
    </FormModal>
  );
}
