// The classification of a letter: one block per content (type, summary, target, the eligibility checks of its type, the
// reason when a check fails, the handling unit); several blocks split the letter into several cases. Sent once (Idempotency-Key).
import { ActionIcon, Alert, Badge, Button, Card, Checkbox, Group, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { newIdempotencyKey } from '../../api/upload';
import { CHECKS_OF_TYPE } from '../../../common/letter-checks';
import type { ClassifyBody, EligibilityCheck, LetterType } from '../../../common/letters.schema';
import { unitSelectProps, useUnitsTree } from '../common';
import { FormBody, FormModal } from '../FormModal';
import { useFormMutation } from '../forms';
import { LETTER_TYPES } from './caseFilters';
import { letterKeys, type LetterView } from './letters.api';

interface ContentValues {
  type: LetterType;
  summary: string;
  target: string;
  aboutRegulation: boolean;
  checks: Partial<Record<EligibilityCheck, boolean>>;
  notProcessableReason: string;
  unitId: string | null;
}

interface Values {
  cases: ContentValues[];
  note: string;
}

/** A new content: the letter's type if the writer gave one, every check of it ticked (the officer unticks what fails). */
function content(letter: LetterView, type: LetterType = letter.declaredKind ?? 'feedback'): ContentValues {
  return {
    type,
    summary: letter.subject ?? '',
    target: letter.target ?? '',
    aboutRegulation: false,
    checks: Object.fromEntries(CHECKS_OF_TYPE[type].map((c) => [c, true])),
    notProcessableReason: '',
    unitId: null,
  };
}

const processable = (c: ContentValues) => CHECKS_OF_TYPE[c.type].every((k) => c.checks[k] === true);

function ClassifyForm({ letter, onClose }: { letter: LetterView; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [key] = useState(newIdempotencyKey);
  const tree = useUnitsTree(false);
  const form = useForm<Values>({
    initialValues: { cases: [content(letter)], note: '' },
    validate: (v) => {
      const errors: Record<string, string> = {};
      v.cases.forEach((c, i) => {
        if (!c.summary.trim()) errors[`cases.${i}.summary`] = t('letters.classify.summaryRequired');
        if (!processable(c) && !c.notProcessableReason.trim()) errors[`cases.${i}.notProcessableReason`] = t('letters.classify.reasonRequired');
      });
      return errors;
    },
  });
  const save = useFormMutation(form, {
    mutationFn: (v: Values) => {
      const body: ClassifyBody = {
        expectedSeq: letter.seq,
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
        cases: v.cases.map((c) => ({
          type: c.type,
          summary: c.summary.trim(),
          ...(c.target.trim() ? { target: c.target.trim() } : {}),
          ...(c.type === 'feedback' || c.type === 'petition' ? { aboutRegulation: c.aboutRegulation } : {}),
          checks: Object.fromEntries(CHECKS_OF_TYPE[c.type].map((k) => [k, c.checks[k] === true])),
          ...(!processable(c) ? { notProcessableReason: c.notProcessableReason.trim() } : {}),
          ...(c.unitId ? { unitId: c.unitId } : {}),
        })),
      };
      return api<LetterView>(`/api/letters/${letter.id}/classify`, { method: 'POST', body, headers: { 'idempotency-key': key } });
    },
    // API paths are body.cases.0.checks.signed: the form holds `cases`, so they land on their fields.
    onSuccess: (updated) => {
      client.setQueryData(letterKeys.letter(letter.id), updated);
      void client.invalidateQueries({ queryKey: letterKeys.all, predicate: (q) => q.queryKey[1] !== 'letter' || q.queryKey[2] !== letter.id });
      notifications.show({ color: 'green', message: t('letters.classify.done', { count: updated.cases.length }) });
      onClose();
    },
  });
  const setType = (i: number, type: LetterType) => {
    const c = form.values.cases[i];
    if (!c) return;
    form.setFieldValue(`cases.${i}`, { ...c, type, checks: Object.fromEntries(CHECKS_OF_TYPE[type].map((k) => [k, c.checks[k] ?? true])) });
  };
  return (
    <FormBody mutation={save} onCancel={onClose} submitLabel={t('letters.classify.submit')} intro={<Text fz="sm">{t('letters.classify.intro')}</Text>}>
      <Stack gap="md" data-testid="classify-form">
        {form.values.cases.map((c, i) => {
          const ok = processable(c);
          const title = t('letters.classify.content', { n: i + 1 });
          return (
            <Card key={i} withBorder radius="md" padding="sm" component="fieldset" aria-label={title} data-testid={`classify-case-${i}`}>
              <Group justify="space-between" mb="xs">
                <Title order={3} fz="md" component="legend" style={{ float: 'left', padding: 0 }}>
                  {title}
                </Title>
                {form.values.cases.length > 1 && (
                  <ActionIcon variant="subtle" color="dvRed" onClick={() => form.removeListItem('cases', i)} aria-label={t('letters.classify.remove', { n: i + 1 })}>
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
              <Stack gap="sm" style={{ clear: 'both' }}>
                <Select
                  label={t('letters.classify.type')}
                  required
                  data={LETTER_TYPES.map((ty) => ({ value: ty, label: t(`letters.types.${ty}`) }))}
                  value={c.type}
                  onChange={(v) => v && setType(i, v)}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                />
                <Textarea label={t('letters.classify.summary')} required autosize minRows={2} maxRows={6} maxLength={4000} {...form.getInputProps(`cases.${i}.summary`)} />
                <TextInput label={t('letters.classify.target')} maxLength={300} {...form.getInputProps(`cases.${i}.target`)} />
                {(c.type === 'feedback' || c.type === 'petition') && (
                  <Checkbox label={t('letters.classify.aboutRegulation')} {...form.getInputProps(`cases.${i}.aboutRegulation`, { type: 'checkbox' })} />
                )}
                <Stack gap={6} role="group" aria-label={t('letters.classify.checks')}>
                  <Group gap="xs">
                    <Text fz="sm" fw={600}>
                      {t('letters.classify.checks')}
                    </Text>
                    <Badge color={ok ? 'green' : 'orange'} variant="light" data-testid="processable">
                      {ok ? t('letters.classify.processable') : t('letters.classify.notProcessable')}
                    </Badge>
                  </Group>
                  {CHECKS_OF_TYPE[c.type].map((k) => (
                    <Checkbox key={k} label={t(`letters.checks.${k}`)} {...form.getInputProps(`cases.${i}.checks.${k}`, { type: 'checkbox' })} />
                  ))}
                </Stack>
                {!ok && <Textarea label={t('letters.classify.reason')} required autosize minRows={2} maxLength={2000} {...form.getInputProps(`cases.${i}.notProcessableReason`)} />}
                <Select
                  label={t('letters.classify.unit')}
                  description={t('letters.classify.unitHint')}
                  clearable
                  searchable
                  {...unitSelectProps(tree.data)}
                  {...form.getInputProps(`cases.${i}.unitId`)}
                  comboboxProps={{ withinPortal: true }}
                />
              </Stack>
            </Card>
          );
        })}
        {form.values.cases.length < 10 && (
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => form.insertListItem('cases', content(letter, 'feedback'))} w="fit-content">
            {t('letters.classify.add')}
          </Button>
        )}
        <Textarea label={t('letters.classify.note')} autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
        {letter.identity.anonymous && (
          <Alert color="orange" variant="light">
            {t('letters.letter.anonymous')}
          </Alert>
        )}
      </Stack>
    </FormBody>
  );
}

export function ClassifyModal({ letter, opened, onClose }: { letter: LetterView; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('letters.classify.title')} size="xl">
      {opened && <ClassifyForm letter={letter} onClose={onClose} />}
    </FormModal>
  );
}
